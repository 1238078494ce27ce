package io.lazarus.director.agent;

/** No usable reply from an agent: timeout, connection refused, TLS failure or refused credentials. */
public final class AgentUnreachableException extends AgentException {
  private static final long serialVersionUID = 1L;

  public AgentUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
