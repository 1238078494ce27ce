package io.lazarus.agent.disk;

import io.lazarus.agent.jobs.ProcessRunner;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code mount --bind}: for an agent that is root in its own mount namespace, where a bind mount stays private. */
public final class BindMounter implements Mounter {
  private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

  @Override
  public void mount(Path disk, Path mountPoint) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    run(List.of("mount", "--bind", disk.toString(), mountPoint.toString()));
  }

  @Override
  public void unmount(Path mountPoint) throws IOException, InterruptedException {
    run(List.of("umount", mountPoint.toString()));
  }

  /** Looks the mount point up in {@code /proc/self/mountinfo} (field 5, with spaces and the like octal-escaped). */
  @Override
  public boolean mounted(Path mountPoint) throws IOException {
    String wanted = mountPoint.toAbsolutePath().normalize().toString();
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      return lines.map(line -> line.split(" ")).filter(fields -> fields.length > 4)
          .anyMatch(fields -> unescape(fields[4]).equals(wanted));
    }
  }

  static String unescape(String field) {
    return OCTAL_ESCAPE.matcher(field)
        .replaceAll(match -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1), 8))));
  }

  @Override
  public String kind() {
    return "bind mount";
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    ProcessRunner.Result result = ProcessRunner.run(command, Path.of("/"), Map.of(), line -> {}, 5);
    if (result.exitCode() != 0) {
      throw new RpcException(String.join(" ", command) + " failed (exit " + result.exitCode() + "): " + result.tailText());
    }
  }
}
