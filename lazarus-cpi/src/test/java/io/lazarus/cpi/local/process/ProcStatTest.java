package io.lazarus.cpi.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  private static final String TAIL = " 0 -1 4194560 123 0 0 0 5 2 0 0 20 0 1 0 987654 8192 100 18446744073709551615";

  @Test
  void readsStateParentGroupSessionAndStartTime() {
    ProcStat stat = ProcStat.parse("4242 (sleep) S 4200 4100 4000" + TAIL);

    assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 4200, 4100, 4000, 987654));
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    ProcStat stat = ProcStat.parse("77 (my (odd) name ) T 1 77 77" + TAIL);

    assertThat(stat.pid()).isEqualTo(77);
    assertThat(stat.state()).isEqualTo('T');
    assertThat(stat.stopped()).isTrue();
    assertThat(stat.startTime()).isEqualTo(987654);
  }

  @Test
  void aZombieHasEnded() {
    assertThat(ProcStat.parse("5 (sh) Z 1 5 5" + TAIL).ended()).isTrue();
    assertThat(ProcStat.parse("5 (sh) R 1 5 5" + TAIL).ended()).isFalse();
  }

  @Test
  void refusesWhatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("5 (sh) S 1 2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsThisJvmFromProc() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcTable.stat(self)).hasValueSatisfying(stat -> assertThat(stat.pid()).isEqualTo(self));
    assertThat(ProcTable.identify(self).map(ProcTable::isAlive)).hasValue(true);
    assertThat(ProcTable.isAlive(new ProcessId(self, 1))).as("another start time is another process").isFalse();
  }
}
