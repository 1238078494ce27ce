package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.testing.ForegroundSupervisor;
import org.junit.jupiter.api.Test;

class AgentMainTest {
  @Test
  void findsTheSupervisorThatTheClassPathRegisters() {
    assertThat(AgentMain.supervisorFactory()).isInstanceOf(ForegroundSupervisor.Factory.class);
  }
}
