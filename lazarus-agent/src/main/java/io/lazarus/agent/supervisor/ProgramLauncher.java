package io.lazarus.agent.supervisor;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Spawns start and stop programs as monit does: {@code /bin/sh -c "<command>"} from {@code /}, stdin from
 * /dev/null, with {@code MONIT_SERVICE} set and a PATH that holds the standard system directories. Each program gets
 * its own session and process group (through {@code setsid}, where installed), so that stopping a process can end
 * everything its start program left behind, and signals aimed at the agent's group do not reach the jobs.
 */
final class ProgramLauncher {
  private static final List<String> STANDARD_PATH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");
  private static final File DEV_NULL = new File("/dev/null");

  private final Redirect output;
  private final ProcFs procFs;
  private final Optional<Path> setsid;

  ProgramLauncher(Redirect output, ProcFs procFs) {
    this.output = output;
    this.procFs = procFs;
    this.setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
  }

  LaunchedProgram launch(String service, String command) throws IOException {
    List<String> argv = new ArrayList<>();
    setsid.ifPresent(path -> argv.add(path.toString()));
    argv.addAll(List.of("/bin/sh", "-c", command));
    ProcessBuilder builder = new ProcessBuilder(argv)
        .directory(new File("/"))
        .redirectInput(Redirect.from(DEV_NULL))
        .redirectOutput(output)
        .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("PATH", withStandardPath(environment.get("PATH")));
    environment.put("MONIT_SERVICE", service);
    Process process = builder.start();
    // The JVM's children are never group leaders, so setsid makes the program itself the leader: pgid == pid.
    Optional<ProcessGroupRef> group = setsid.map(s ->
        new ProcessGroupRef(process.pid(), procFs.stat(process.pid()).map(ProcStat::startTicks).orElse(-1L)));
    return new LaunchedProgram(process, group);
  }

  static String withStandardPath(String path) {
    Set<String> entries = new LinkedHashSet<>();
    if (path != null && !path.isBlank()) {
      entries.addAll(Arrays.asList(path.split(":")));
    }
    entries.addAll(STANDARD_PATH);
    return String.join(":", entries);
  }
}
