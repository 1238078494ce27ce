package io.lazarus.director.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A protocol-3 request: {@code {"protocol":3,"method":...,"arguments":[...],"reply_to":...}}. */
public record AgentRequest(String method, List<?> arguments, String replyTo) {
  public static final int PROTOCOL = 3;

  public Map<String, Object> envelope() {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("protocol", PROTOCOL);
    envelope.put("method", method);
    envelope.put("arguments", arguments);
    envelope.put("reply_to", replyTo);
    return envelope;
  }
}
