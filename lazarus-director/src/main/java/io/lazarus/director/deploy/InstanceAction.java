package io.lazarus.director.deploy;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code POST /deployments/D/instance_groups/G/ID/actions/<action>} asks of one instance, BOSH's "no converge"
 * form of {@code bosh start|stop|restart|recreate}: it acts on that instance only, from its stored spec.
 */
public enum InstanceAction {
  START,
  STOP,
  RESTART,
  RECREATE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task description BOSH gives it, e.g. "stop instance". */
  public String description() {
    return wireName() + " instance";
  }

  /** Parses the {@code action} path segment; anything else is a 400 naming the accepted values. */
  public static InstanceAction parse(String value) {
    return Arrays.stream(values())
        .filter(action -> action.wireName().equals(value))
        .findFirst()
        .orElseThrow(() -> new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE,
            "instance action must be one of start, stop, restart, recreate; got '" + value + "'"));
  }
}
