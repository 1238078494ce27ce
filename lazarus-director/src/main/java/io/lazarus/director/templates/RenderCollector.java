package io.lazarus.director.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives what the Ruby side renders for one job. Public only because JRuby calls it; not for use from Java. One
 * render, one thread.
 */
public final class RenderCollector {
  private final String job;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<TemplateError> errors = new ArrayList<>();
  private String monit;
  private String current;

  RenderCollector(String job) {
    this.job = job;
  }

  /** Called before each template (and monit), so that a failure Ruby could not rescue is blamed on the right one. */
  public void rendering(String template) {
    current = template;
  }

  public void monit(String text) {
    monit = text;
  }

  public void file(String dest, String text) {
    files.put(dest, text);
  }

  public void error(String template, int line, String message) {
    errors.add(new TemplateError(template, line, message));
  }

  void stopped(String message) {
    errors.add(new TemplateError(current, 0, message));
  }

  /** @throws TemplateRenderException if any template failed */
  RenderedJob result() {
    if (!errors.isEmpty()) {
      throw new TemplateRenderException(job, errors);
    }
    if (monit == null) {
      throw new IllegalStateException("The template engine returned no monit file for job '" + job + "'");
    }
    return new RenderedJob(job, monit, files);
  }
}
