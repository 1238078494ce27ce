package io.lazarus.director.agent;

/** The agent answered with {@code {"exception":{"message":...}}} (BOSH's RpcRemoteException). */
public final class AgentRemoteException extends AgentException {
  private static final long serialVersionUID = 1L;

  public AgentRemoteException(String message) {
    super(message, null);
  }
}
