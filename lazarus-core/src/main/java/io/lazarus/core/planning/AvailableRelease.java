package io.lazarus.core.planning;

import java.util.List;
import java.util.Optional;

/** A release version uploaded to the Director, with the specs of its jobs. */
public record AvailableRelease(String name, String version, List<JobSpec> jobs) {
  public AvailableRelease {
    jobs = List.copyOf(jobs);
  }

  public Optional<JobSpec> job(String jobName) {
    return jobs.stream().filter(j -> j.name().equals(jobName)).findFirst();
  }
}
