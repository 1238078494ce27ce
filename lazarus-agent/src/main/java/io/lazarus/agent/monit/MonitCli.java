package io.lazarus.agent.monit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code monit} command inside a VM: sends one request to the agent's supervisor over its unix socket and
 * prints the answer. Exits 0 on success and 1 on any error, as monit does. Starts fast on purpose: it loads only
 * JDK classes and this package's request type.
 */
public final class MonitCli {
  private static final String USAGE = """
      Usage: monit [--socket PATH] <action>
      Actions:
        summary                 one line per process
        status [name]           details of every process, or of one
        start all|name          start the processes (a name: with what it depends on)
        stop all|name           stop the processes (a name: with what depends on it)
        restart all|name        stop, then start
        monitor all|name        watch (and restart) again
        unmonitor all|name      stop watching; the processes keep running
      """;

  private MonitCli() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Path socket = defaultSocket();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--socket") && i + 1 < args.size()) {
        socket = Path.of(args.get(++i));
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.print(USAGE);
        return 0;
      } else if (arg.equals("-V") || arg.equals("--version")) {
        out.println("This is Monit version " + MonitText.VERSION + " (the Lazarus agent's job supervisor)");
        return 0;
      } else if (arg.startsWith("-")) {
        err.println("monit: invalid argument -- " + arg + "  (-h will show valid arguments)");
        return 1;
      } else {
        words.add(arg);
      }
    }
    MonitRequest request;
    try {
      request = MonitRequest.fromArgs(words);
    } catch (IllegalArgumentException e) {
      err.println("monit: " + e.getMessage());
      return 1;
    }
    String answer;
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      Channels.newOutputStream(channel).write((request.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
      channel.shutdownOutput();
      answer = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("monit: cannot reach the job supervisor at " + socket + " (" + e.getMessage()
          + "): is the agent running?");
      return 1;
    }
    int newline = answer.indexOf('\n');
    String status = newline < 0 ? answer : answer.substring(0, newline);
    String text = newline < 0 ? "" : answer.substring(newline + 1);
    switch (status) {
      case "OK" -> {
        out.print(text);
        return 0;
      }
      case "ERROR" -> {
        err.print("monit: " + text);
        return 1;
      }
      default -> {
        err.println("monit: the job supervisor at " + socket + " gave no answer (did the agent stop?)");
        return 1;
      }
    }
  }

  private static Path defaultSocket() {
    String root = System.getenv("VCAP_ROOT");
    return Path.of(root == null || root.isBlank() ? "/var/vcap" : root, "bosh", "monit.sock");
  }
}
