package io.lazarus.director.tasks;

/** Rebuilds the {@link Job} for a task of one type from the task's stored payload. */
@FunctionalInterface
public interface JobFactory {
  Job create(Task task);
}
