package io.lazarus.director.deploy;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code PUT /deployments/D/jobs/G[/ID]?state=...} asks of instances: BOSH's instance states ({@code started},
 * {@code stopped}, {@code detached}) and the two one-off actions ({@code restart}, {@code recreate}), which leave
 * the instance {@code started}.
 */
public enum TargetState {
  STARTED("started"),
  STOPPED("stopped"),
  DETACHED("detached"),
  RESTART("started"),
  RECREATE("started");

  private final String resultingState;

  TargetState(String resultingState) {
    this.resultingState = resultingState;
  }

  /** The state the instance row holds afterwards. */
  public String resultingState() {
    return resultingState;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the {@code state} query parameter; anything else is a 400 naming the accepted values. */
  public static TargetState parse(String value) {
    return Arrays.stream(values())
        .filter(state -> state.wireName().equals(value))
        .findFirst()
        .orElseThrow(() -> new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE,
            "query parameter 'state' must be one of started, stopped, detached, restart, recreate; got " + (value == null ? "nothing" : "'" + value + "'")));
  }
}
