package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

  @Test
  void stopsDependentsBeforeWhatTheyDependOn() {
    DependencyOrder order = new DependencyOrder(List.of(
        process("director", "postgres", "blobstore"), process("postgres"), process("blobstore"),
        process("worker", "director"), process("nats")));

    assertThat(order.stopGroups(List.of("postgres", "worker", "nats", "director", "blobstore")))
        .containsExactly(List.of("worker"), List.of("director"), List.of("postgres", "nats", "blobstore"));
  }

  @Test
  void knowsDependenciesAndDependentsTransitively() {
    DependencyOrder order = new DependencyOrder(List.of(
        process("director", "postgres"), process("postgres"), process("worker", "director"), process("nats")));

    assertThat(order.withDependencies("worker")).containsExactlyInAnyOrder("worker", "director", "postgres");
    assertThat(order.withDependents("postgres")).containsExactlyInAnyOrder("postgres", "director", "worker");
  }

  @Test
  void anUnknownDependencyNamesTheFileAndLine() {
    assertThatThrownBy(() -> new DependencyOrder(List.of(process("director", "postgress"))))
        .isInstanceOf(MonitFileException.class)
        .hasMessage("jobs/director/monit: line 1: process 'director' depends on 'postgress', which no monit file defines");
  }

  @Test
  void aCycleIsAnError() {
    assertThatThrownBy(() -> new DependencyOrder(List.of(process("a", "b"), process("b", "c"), process("c", "a"))))
        .hasMessage("jobs/a/monit: line 1: dependency cycle: a -> b -> c -> a");
  }

  private static MonitProcess process(String name, String... dependsOn) {
    return new MonitProcess(name, Path.of("/var/vcap/sys/run/" + name + ".pid"), "/bin/true", Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(dependsOn), "jobs/" + name + "/monit", 1);
  }
}
