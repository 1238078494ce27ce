package io.lazarus.agent.logs;

import io.lazarus.agent.AgentPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lazarus's {@code tail_logs}, what BOSH does with ssh and {@code tail -F}: the bytes written to the log files since the
 * caller last asked. The caller keeps the positions of the previous answer and sends them back; a first call (no
 * positions) starts at the last {@code lines} lines of every file. A file whose identity changed (rotated by rename)
 * or that shrank below the known offset (truncated) is read again from its start and flagged; a file that appeared
 * since is read from its start. One answer carries at most {@code maxBytes} of data over all files; {@code more}
 * says that some is left for the next call. Data never ends inside a UTF-8 sequence. Thread-safe (stateless).
 */
public final class LogTail {
  /** The most one answer carries, whatever the caller asks. */
  public static final int MAX_BYTES = 256 * 1024;
  /** The least a caller may ask for: enough for a long line, and for a whole UTF-8 sequence. */
  public static final int MIN_BYTES = 1024;
  /** The most lines a first call may ask for. */
  public static final int MAX_LINES = 10_000;

  private final AgentPaths paths;

  public LogTail(AgentPaths paths) {
    this.paths = paths;
  }

  /** Where the caller got to in one file: the next byte to read and the file's identity then. */
  public record Position(long offset, String fileId) {}

  /**
   * One call: the log type ({@code job} or {@code agent}), glob filters (none: BOSH's {@code *.log} at any depth for
   * job logs, every file for the agent's), the previous answer's positions by relative path (empty on the first call),
   * the number of last lines a first call starts with, and the most bytes to return.
   */
  public record Request(String logType, List<String> filters, Optional<Map<String, Position>> positions, int lines, int maxBytes) {}

  /** Why a file is read again from its start: it shrank, or another file took its name. */
  public enum Reset {
    TRUNCATED,
    REPLACED
  }

  /** New data of one file: {@code data} is the bytes from {@code offset} to {@code nextOffset}. */
  public record Chunk(String path, String fileId, long offset, long nextOffset, long size, String data, Optional<Reset> reset) {}

  /** Every matching file with its new data (possibly none), and whether some data waits for the next call. */
  public record Answer(List<Chunk> files, boolean more) {}

  public Answer tail(Request request) throws IOException {
    Path directory = LogFiles.directory(paths, "tail_logs", request.logType());
    List<String> patterns = !request.filters().isEmpty() ? request.filters() : request.logType().equals("job") ? List.of("**/*.log") : List.of("**/*");
    int budget = Math.clamp(request.maxBytes(), MIN_BYTES, MAX_BYTES);
    List<Chunk> chunks = new ArrayList<>();
    boolean more = false;
    for (Path relative : LogFiles.list(directory, LogFiles.matching(patterns))) {
      Path file = directory.resolve(relative);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue; // a link could lead out of the log directory
      }
      Chunk chunk;
      try {
        chunk = read(relative.toString(), file, request, budget);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // rotated away between the listing and the read
      }
      chunks.add(chunk);
      int read = (int) (chunk.nextOffset() - chunk.offset());
      // only data the budget left behind counts: a UTF-8 sequence still being written is not worth asking again at once
      more |= read >= budget - 3 && chunk.nextOffset() < chunk.size();
      budget -= read;
    }
    return new Answer(chunks, more);
  }

  private static Chunk read(String path, Path file, Request request, int budget) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      String fileId = fileId(file);
      long size = channel.size();
      Optional<Reset> reset = Optional.empty();
      long start;
      if (request.positions().isEmpty()) {
        start = startOfLastLines(channel, size, Math.clamp(request.lines(), 0, MAX_LINES), Math.max(budget, 0));
      } else {
        Position known = request.positions().get().get(path);
        if (known == null) {
          start = 0; // appeared since the last call: all of it is new
        } else if (!known.fileId().equals(fileId)) {
          start = 0;
          reset = Optional.of(Reset.REPLACED);
        } else if (size < known.offset()) {
          start = 0;
          reset = Optional.of(Reset.TRUNCATED);
        } else {
          start = known.offset();
        }
      }
      int length = (int) Math.min(size - start, Math.max(budget, 0));
      byte[] bytes = readAt(channel, start, length);
      int complete = completeUtf8(bytes);
      return new Chunk(path, fileId, start, start + complete, size, new String(bytes, 0, complete, StandardCharsets.UTF_8), reset);
    }
  }

  /** The file's identity (device and inode on Linux): another file under the same name has another. */
  private static String fileId(Path file) throws IOException {
    Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key == null ? "" : key.toString();
  }

  /**
   * Where the last {@code lines} lines start, looking back at most {@code limit} bytes from the end; a newline ending
   * the file closes the last line. When the limit cuts the lines short, they start at the first whole line within it.
   */
  static long startOfLastLines(FileChannel channel, long size, int lines, int limit) throws IOException {
    if (lines == 0 || size == 0) {
      return size;
    }
    long floor = Math.max(0, size - limit);
    long firstNewline = -1;
    int seen = 0;
    long end = size;
    while (end > floor) {
      long from = Math.max(floor, end - 8192);
      byte[] block = readAt(channel, from, (int) (end - from));
      for (int i = block.length - 1; i >= 0; i--) {
        long at = from + i;
        if (block[i] != '\n' || at == size - 1) {
          continue;
        }
        if (++seen == lines) {
          return at + 1;
        }
        firstNewline = at;
      }
      end = from;
    }
    return floor == 0 || firstNewline < 0 ? floor : firstNewline + 1;
  }

  private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break; // truncated while reading: what was read is what there is
      }
    }
    return buffer.position() == length ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** How many of {@code bytes} end on a whole UTF-8 sequence: a sequence still being written waits for the next call. */
  static int completeUtf8(byte[] bytes) {
    int n = bytes.length;
    int lead = n - 1;
    while (lead >= 0 && n - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
      lead--;
    }
    if (lead < 0) {
      return n;
    }
    int b = bytes[lead] & 0xFF;
    int needed = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    return n - lead < needed ? lead : n;
  }
}
