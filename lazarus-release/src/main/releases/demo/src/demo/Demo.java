import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demo release's servers. {@code web ADDRESS PORT NAME} answers every GET with its instance name;
 * {@code counter ADDRESS PORT FILE} keeps a count in FILE (on the persistent disk): GET reads it, POST adds one.
 */
public final class Demo {
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: Demo web ADDRESS PORT NAME | Demo counter ADDRESS PORT FILE");
      System.exit(2);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 16);
    switch (args[0]) {
      case "web" -> server.createContext("/", exchange -> answer(exchange, 200, args[3] + "\n"));
      case "counter" -> server.createContext("/", exchange -> count(exchange, Path.of(args[3])));
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
    server.start();
    System.out.println(args[0] + " listening on " + args[1] + ":" + args[2]);
  }

  private static synchronized void count(HttpExchange exchange, Path file) throws IOException {
    long count = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
    if (exchange.getRequestMethod().equals("POST")) {
      count++;
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, count + "\n");
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    answer(exchange, 200, count + "\n");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
