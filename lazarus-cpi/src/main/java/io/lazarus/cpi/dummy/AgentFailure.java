package io.lazarus.cpi.dummy;

/** A method of the simulated agent failed: its message becomes the reply's {@code exception.message}. */
final class AgentFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AgentFailure(String message) {
    super(message, null, false, false);
  }
}
