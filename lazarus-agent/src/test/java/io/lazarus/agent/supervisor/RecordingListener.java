package io.lazarus.agent.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event the supervisor reports. */
final class RecordingListener implements SupervisorListener {
  record Event(String service, String event, String action, String description) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void processEvent(String service, String event, String action, String description) {
    events.add(new Event(service, event, action, description));
  }

  List<Event> events() {
    return List.copyOf(events);
  }
}
