package io.lazarus.director.templates;

import io.lazarus.director.DirectorException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A job's templates could not be rendered for an instance. Every failing template is listed (not only the first), as
 * BOSH does, so that one deploy shows all of them; the message reads like BOSH's:
 *
 * <pre>
 * Unable to render templates for job 'web'. Errors are:
 *   - Error filling in template 'ctl.erb' (line 3: Can't find property '["port"]')
 * </pre>
 *
 * Its code is BOSH's JobTemplateBindingFailed (80006).
 */
public class TemplateRenderException extends DirectorException {
  private static final long serialVersionUID = 1L;
  private static final int JOB_TEMPLATE_BINDING_FAILED = 80006;

  private final String job;
  private final List<TemplateError> errors;

  public TemplateRenderException(String job, List<TemplateError> errors) {
    super(JOB_TEMPLATE_BINDING_FAILED, 500, describe(job, errors));
    this.job = job;
    this.errors = List.copyOf(errors);
  }

  private static String describe(String job, List<TemplateError> errors) {
    return errors.stream()
        .map(error -> "  - " + error.describe())
        .collect(Collectors.joining("\n", "Unable to render templates for job '" + job + "'. Errors are:\n", ""));
  }

  public String job() {
    return job;
  }

  /** At least one. */
  public List<TemplateError> errors() {
    return errors;
  }
}
