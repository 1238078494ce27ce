package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorConfig;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.resurrection.ResurrectionPause;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT /resurrection} with {@code {"resurrection_paused": bool}} as the bosh CLI sends it, plus an optional
 * {@code "until": <epoch seconds>} (Lazarus: the pause ends by itself); {@code GET /resurrection} (Lazarus', for the
 * Health Monitor) answers {@code {"resurrection": <enabled>, "auto_fix_stateful_nodes": <bool>}} and, while paused,
 * {@code "paused_since"} and (a timed pause) {@code "paused_until"}. {@code auto_fix_stateful_nodes} is director.yml's
 * {@code scan_and_fix} setting, so the Resurrector can tell which instances scan_and_fix would leave alone.
 */
public final class ResurrectionRoutes implements Routes {
  private final ResurrectionPause pause;
  private final DirectorConfig.ScanAndFix scanAndFix;
  private final Events events;
  private final Clock clock;

  public ResurrectionRoutes(ResurrectionPause pause, DirectorConfig.ScanAndFix scanAndFix, Events events, Clock clock) {
    this.pause = pause;
    this.scanAndFix = scanAndFix;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/resurrection", this::get);
    routes.put("/resurrection", this::put);
  }

  private void get(Context ctx) {
    ResurrectionPause.State state = pause.state();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resurrection", !state.paused());
    json.put("auto_fix_stateful_nodes", scanAndFix.autoFixStatefulNodes());
    state.until().ifPresent(until -> json.put("paused_until", until.getEpochSecond()));
    state.since().ifPresent(since -> json.put("paused_since", since.getEpochSecond()));
    ctx.json(json);
  }

  private void put(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    if (!(body.get("resurrection_paused") instanceof Boolean paused)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'resurrection_paused' must be true or false");
    }
    Optional<Instant> until = Optional.empty();
    Object untilValue = body.get("until");
    if (untilValue != null) {
      if (!(untilValue instanceof Number number) || number.longValue() <= 0) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'until' must be a time in epoch seconds");
      }
      if (!paused) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "field 'until' only applies when pausing (resurrection_paused: true)");
      }
      until = Optional.of(Instant.ofEpochSecond(number.longValue()));
      if (!until.get().isAfter(clock.instant())) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "field 'until' is in the past");
      }
    }
    pause.set(paused, until);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("resurrection_paused", paused);
    until.ifPresent(u -> context.put("until", u.toString()));
    events.record(NewEvent.of(Requests.username(ctx), "update", "resurrection", "global").withContext(context));
    ctx.status(200);
    ctx.json(Map.of());
  }
}
