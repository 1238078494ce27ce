package io.lazarus.agent.rpc;

/**
 * One agent method. Returns the reply's {@code value} (anything Jackson writes: maps, lists, records, strings);
 * throws {@link RpcException} with an operator-facing message, or any other exception whose message is passed on.
 * Async methods run on their own virtual thread and should stop when interrupted (cancel_task).
 */
@FunctionalInterface
public interface RpcMethod {
  Object call(Arguments arguments) throws Exception;
}
