package io.lazarus.director.templates;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Renders BOSH job templates (ERB) for an instance, with BOSH's helpers, by JRuby: {@code p}, {@code if_p} and their
 * {@code else} / {@code else_if_p}, {@code spec.*} and {@code properties.*} as OpenStruct-like views, {@code name},
 * {@code index}, {@code link}, {@code if_link} and, on a link, {@code instances}, {@code p}, {@code if_p} and
 * {@code address}. Templates are evaluated with {@code trim_mode: '-'}; {@code json}, {@code yaml},
 * {@code shellwords}, {@code ostruct} and ActiveSupport's {@code blank?} / {@code present?} are there, as under BOSH.
 * Compiled templates are cached by text, so rendering a job for its second instance skips ERB's and Ruby's parsers.
 *
 * <p><b>Security:</b> templates come from uploaded releases and are evaluated with full Ruby, not sandboxed, exactly as
 * BOSH does: a template can read files, call Java and run processes as the Director. Upload rights are therefore
 * rights to run code on the Director.
 *
 * <p>Thread-safe. The JRuby runtime starts on the first render (it takes seconds) and is reused; renders run one at a
 * time (BOSH also renders under one lock). A job renders in a few milliseconds of CPU once JRuby has warmed up, so
 * waiting for the lock costs less than a second runtime's start and memory would. A template that never ends blocks
 * other renders.
 *
 * <p>IMPORTANT: long-lived; call {@link #close()} to release the JRuby runtime.
 */
public final class TemplateRenderer implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private RubyTemplateRuntime runtime;
  private boolean closed;

  /**
   * Renders {@code job} for {@code instance}.
   *
   * @param properties the properties the job's templates see, as the planner resolved them
   *     ({@link io.lazarus.core.planning.PropertyResolution}: manifest values over the spec's defaults, nil for the
   *     rest, undeclared names left out); read as they are
   * @param links the links the job consumes, by the name the job spec gives them
   * @throws TemplateRenderException naming the job and every failing template with its line
   * @throws IllegalStateException if the renderer is closed or JRuby cannot start
   */
  public RenderedJob render(JobTemplates job, InstanceSpec instance, Map<String, Object> properties, Map<String, ResolvedLink> links) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(instance, "instance");
    String input = RenderInput.json(job, instance, properties == null ? Map.of() : properties, links == null ? Map.of() : links);
    RenderCollector collector = new RenderCollector(job.spec().name());
    lock.lock();
    try {
      started().render(input, collector);
    } finally {
      lock.unlock();
    }
    return collector.result();
  }

  private RubyTemplateRuntime started() {
    if (closed) {
      throw new IllegalStateException("TemplateRenderer is closed");
    }
    if (runtime == null) {
      runtime = new RubyTemplateRuntime();
    }
    return runtime;
  }

  /** Releases the JRuby runtime; later renders fail. Idempotent; waits for a render in progress. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (runtime != null) {
        runtime.close();
        runtime = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
