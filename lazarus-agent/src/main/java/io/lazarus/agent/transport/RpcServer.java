package io.lazarus.agent.transport;

import java.io.IOException;

/**
 * Receives the Director's request envelopes and sends back the replies: HTTPS ({@code POST /agent}) or, later,
 * NATS ({@code agent.<id>}). Thread-safe. IMPORTANT: must be closed; {@link #start} may be called once.
 */
public interface RpcServer extends AutoCloseable {

  /** Starts receiving; each request is passed to {@code handler} on its own virtual thread. */
  void start(RequestHandler handler) throws IOException;

  @Override
  void close();
}
