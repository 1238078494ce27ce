package io.lazarus.cli.commands.event;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Event;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Director's audit events, newest first (at most 200 per call), filtered as the bosh CLI filters them. */
@Command(name = "events", description = "List events")
public final class EventsCommand extends LazarusSubcommand {
  @Option(names = "--before-id", paramLabel = "ID", description = "Only events before this id")
  private String beforeId;

  @Option(names = "--before", paramLabel = "TIME", description = "Only events before this time")
  private String before;

  @Option(names = "--after", paramLabel = "TIME", description = "Only events after this time")
  private String after;

  @Option(names = "--task", paramLabel = "ID", description = "Only events of this task")
  private String task;

  @Option(names = "--instance", paramLabel = "GROUP/ID", description = "Only events of this instance")
  private String instance;

  @Option(names = "--event-user", paramLabel = "USER", description = "Only events by this user")
  private String user;

  @Option(names = "--action", description = "Only events with this action")
  private String action;

  @Option(names = "--object-type", paramLabel = "TYPE", description = "Only events about objects of this type")
  private String objectType;

  @Option(names = "--object-name", paramLabel = "NAME", description = "Only events about the object of this name")
  private String objectName;

  @Override
  protected void run(Session session) {
    String path = Query.of()
        .with("action", action).with("after_time", after).with("before_id", beforeId).with("before_time", before)
        .with("deployment", session.deploymentOption().orElse(null)).with("instance", instance)
        .with("object_name", objectName).with("object_type", objectType).with("task", task).with("user", user)
        .appendTo("/events");
    Event[] events = session.director().getJson(path, Event[].class);
    Table.Builder table = Table.builder("events", "ID", "Time", "User", "Action", "Object Type", "Object Name",
        "Task ID", "Deployment", "Instance", "Context", "Error");
    for (Event event : events) {
      String id = event.parentId() == null ? event.id() : event.id() + " <- " + event.parentId();
      table.row(Cell.text(id), Cell.time(event.timestamp() == null ? null : Instant.ofEpochSecond(event.timestamp())),
          Cell.text(event.user()), Cell.text(event.action()), Cell.text(event.objectType()),
          Cell.text(event.objectName()), Cell.text(event.task()), Cell.text(event.deployment()),
          Cell.text(event.instance()), Cell.text(context(event.context())), Cell.text(event.error()));
    }
    session.ui().printTable(table.build());
  }

  private static String context(Map<String, Object> context) {
    if (context == null) {
      return "";
    }
    return new TreeMap<>(context).entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue())
        .collect(Collectors.joining("\n"));
  }
}
