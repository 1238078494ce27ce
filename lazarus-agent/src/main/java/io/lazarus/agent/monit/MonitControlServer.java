package io.lazarus.agent.monit;

import io.lazarus.agent.supervisor.MonitSupervisor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's end of the {@code monit} command: a unix domain socket (only its owner may connect) that takes
 * one request line per connection and answers {@code OK} or {@code ERROR} on the first line, then the text to show.
 * Each connection is served on its own virtual thread; a {@code stop} answers once the processes are stopped.
 *
 * <p>Thread-safe. IMPORTANT: must be closed; {@link #close()} stops listening and removes the socket file.
 */
public final class MonitControlServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MonitControlServer.class);
  private static final int MAX_REQUEST_BYTES = 1024;

  private final Path socket;
  private final ServerSocketChannel channel;
  private final MonitCommands commands;
  private final Thread acceptor;
  private volatile boolean open = true;

  private MonitControlServer(Path socket, ServerSocketChannel channel, MonitCommands commands) {
    this.socket = socket;
    this.channel = channel;
    this.commands = commands;
    this.acceptor = Thread.ofPlatform().daemon().name("monit-control").unstarted(this::acceptLoop);
  }

  /**
   * Listens at {@code socket} (a stale socket file there is replaced; any other file is refused).
   * {@code systemName} is what {@code monit summary} shows in its {@code System} line, BOSH's {@code system_<id>};
   * {@code clock} measures the uptime shown in the header.
   */
  public static MonitControlServer start(Path socket, MonitSupervisor supervisor, String systemName, Clock clock)
      throws IOException {
    Files.createDirectories(socket.toAbsolutePath().getParent());
    if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
        throw new IOException(socket + " exists and is not a socket; not replacing it");
      }
      Files.delete(socket);
    }
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    MonitControlServer server = new MonitControlServer(socket, channel, new MonitCommands(supervisor, systemName, clock));
    server.acceptor.start();
    log.info("The monit command is served at {}", socket);
    return server;
  }

  public Path socket() {
    return socket;
  }

  private void acceptLoop() {
    while (open) {
      try {
        SocketChannel client = channel.accept();
        Thread.ofVirtual().name("monit-command").start(() -> serve(client));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (open) {
          log.warn("The monit socket {} stopped accepting connections", socket, e);
        }
        return;
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client) {
      String line = readRequest(Channels.newInputStream(client));
      MonitCommands.Answer answer = answer(line);
      OutputStream out = Channels.newOutputStream(client);
      out.write(((answer.ok() ? "OK\n" : "ERROR\n") + answer.text()).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      log.debug("A monit command connection broke off", e);
    }
  }

  private MonitCommands.Answer answer(String line) {
    MonitRequest request;
    try {
      request = MonitRequest.fromLine(line);
    } catch (IllegalArgumentException e) {
      return MonitCommands.Answer.error(e.getMessage() + "\n");
    }
    log.info("monit {}", request.toLine());
    try {
      return commands.run(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MonitCommands.Answer.error("interrupted while carrying out '" + request.toLine() + "'\n");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return MonitCommands.Answer.error(e.getMessage() + "\n");
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() >= MAX_REQUEST_BYTES) {
        throw new IOException("request longer than " + MAX_REQUEST_BYTES + " bytes");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    open = false;
    try {
      channel.close();
      acceptor.join(1000);
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      log.warn("Could not remove the monit socket {}", socket, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
