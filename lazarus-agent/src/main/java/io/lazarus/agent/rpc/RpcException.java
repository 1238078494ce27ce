package io.lazarus.agent.rpc;

/**
 * A failure to report to the caller as {@code {"exception":{"message": ...}}}. The message is what the Director's
 * operator reads, so it names the method, the argument or the job that failed.
 */
public class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
