package io.lazarus.director.events;

/** The filters of {@code GET /events}; nulls mean "any". Times are epoch milliseconds. */
public record EventFilter(
    Long beforeId,
    Long beforeTime,
    Long afterTime,
    String deployment,
    String task,
    String instance,
    String user,
    String action,
    String objectType,
    String objectName) {

  public static EventFilter none() {
    return new EventFilter(null, null, null, null, null, null, null, null, null, null);
  }
}
