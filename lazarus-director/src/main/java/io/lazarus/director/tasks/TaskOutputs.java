package io.lazarus.director.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The task log directory, {@code <store>/director/tasks/<id>/{event,result,debug,cpi}}: appended by the running
 * job, read with offsets by {@code GET /tasks/:id/output}. Thread-safe: each append is one write of whole lines.
 */
public final class TaskOutputs {
  private final Path root;

  public TaskOutputs(Path root) {
    this.root = root;
  }

  public Path file(long taskId, OutputType type) {
    return root.resolve(Long.toString(taskId)).resolve(type.fileName());
  }

  public void append(long taskId, OutputType type, String text) {
    Path file = file(taskId, type);
    try {
      Files.createDirectories(file.getParent());
      synchronized (this) {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + type.fileName() + " log of task " + taskId, e);
    }
  }

  public long size(long taskId, OutputType type) {
    try {
      return Files.size(file(taskId, type));
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stream of the output from {@code offset}; the caller closes it. */
  public InputStream open(long taskId, OutputType type, long offset) throws IOException {
    FileChannel channel = FileChannel.open(file(taskId, type), StandardOpenOption.READ);
    channel.position(offset);
    return Channels.newInputStream(channel);
  }

  public String read(long taskId, OutputType type) {
    try {
      return Files.readString(file(taskId, type));
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
