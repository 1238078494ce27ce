package io.lazarus.cpi.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A paused agent's requests wait until it resumes (answered) or its server stops (dropped). */
class RequestHoldTest {
  private static final Duration BOUND = Duration.ofSeconds(5);

  private final RequestHold hold = new RequestHold();

  @Test
  void answersAtOnceWhenNotPaused() throws Exception {
    assertThat(hold.awaitAnswering()).isTrue();
  }

  @Test
  void aPausedRequestWaitsUntilResumedThenIsAnswered() {
    hold.pause();
    CompletableFuture<Boolean> held = heldRequest();

    assertThat(held).isNotDone();
    hold.resume();

    assertThat(held).succeedsWithin(BOUND).isEqualTo(true);
  }

  @Test
  void droppingLetsTheHeldRequestsGoUnansweredWhileNewOnesStillWait() {
    hold.pause();
    CompletableFuture<Boolean> held = heldRequest();

    hold.dropHeld();

    assertThat(held).succeedsWithin(BOUND).isEqualTo(false);
    CompletableFuture<Boolean> next = heldRequest();
    assertThat(next).isNotDone();
    hold.resume();
    assertThat(next).succeedsWithin(BOUND).isEqualTo(true);
  }

  /** Calls awaitAnswering on a thread of its own and returns once that thread is parked in it. */
  private CompletableFuture<Boolean> heldRequest() {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    Thread waiter = Thread.ofPlatform().daemon().start(() -> {
      try {
        result.complete(hold.awaitAnswering());
      } catch (InterruptedException e) {
        result.completeExceptionally(e);
      }
    });
    await().atMost(BOUND).until(() -> waiter.getState() == Thread.State.WAITING || result.isDone());
    return result;
  }
}
