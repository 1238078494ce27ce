package io.lazarus.agent.disk;

import io.lazarus.agent.jobs.ProcessRunner;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code mount --bind}: for an agent that is root in its own mount namespace, where a bind mount stays private. */
public final class BindMounter implements Mounter {

  @Override
  public void mount(Path disk, Path mountPoint) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    run(List.of("mount", "--bind", disk.toString(), mountPoint.toString()));
  }

  @Override
  public void unmount(Path mountPoint) throws IOException, InterruptedException {
    run(List.of("umount", mountPoint.toString()));
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
