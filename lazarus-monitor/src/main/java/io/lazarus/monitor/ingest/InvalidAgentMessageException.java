package io.lazarus.monitor.ingest;

/** An agent's message is JSON but not a valid one of its kind; the message says what is wrong. */
public final class InvalidAgentMessageException extends RuntimeException {
  public InvalidAgentMessageException(String message) {
    super(message);
  }
}
