package io.lazarus.monitor.resurrector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The meltdown verdict over a set of agents (a deployment, as BOSH; or an AZ, as Lazarus adds), with BOSH's summary
 * {@code deployment: 'd'; 2 of 10 agents are unhealthy (20.0%)}.
 */
public record DeploymentState(State state, int unhealthy, int total, String summary) {

  public enum State {
    NORMAL,
    MANAGED,
    MELTDOWN;

    /** The lower-case name used in alerts and in {@code GET /decisions}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code scope} opens the summary, e.g. {@code deployment: 'd'}. Both thresholds compare with {@code >=}, as BOSH's code. */
  public static DeploymentState of(String scope, int unhealthy, int total, MeltdownThresholds thresholds) {
    State state;
    if (unhealthy == 0) {
      state = State.NORMAL;
    } else if (unhealthy >= thresholds.minimumDownJobs() && (double) unhealthy / total >= thresholds.percentThreshold()) {
      state = State.MELTDOWN;
    } else {
      state = State.MANAGED;
    }
    String summary = scope + "; " + unhealthy + " of " + total + " agents are unhealthy (" + percent(unhealthy, total) + "%)";
    return new DeploymentState(state, unhealthy, total, summary);
  }

  private static String percent(int unhealthy, int total) {
    double value = total == 0 ? 0.0 : unhealthy * 100.0 / total;
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
