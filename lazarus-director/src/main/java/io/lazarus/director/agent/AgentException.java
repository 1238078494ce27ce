package io.lazarus.director.agent;

/** A failed conversation with an agent. The message names the agent and the method. */
public abstract sealed class AgentException extends Exception permits AgentUnreachableException, AgentRemoteException {
  private static final long serialVersionUID = 1L;

  protected AgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
