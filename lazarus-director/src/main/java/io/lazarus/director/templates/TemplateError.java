package io.lazarus.director.templates;

/**
 * Why one template of a job could not be rendered. {@code template} is the source name as the job spec lists it
 * ({@code ctl.erb}, or {@code monit}), or null when the failure concerns the job's properties rather than one template;
 * {@code line} is the line in the ERB source, or 0 when Ruby did not say.
 */
public record TemplateError(String template, int line, String message) {
  /** BOSH's wording, which operators know from {@code bosh deploy}. */
  public String describe() {
    if (template == null) {
      return message;
    }
    return "Error filling in template '" + template + "' (line " + (line > 0 ? line : "unknown") + ": " + message + ")";
  }
}
