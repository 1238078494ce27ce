package io.lazarus.director.templates;

import org.jruby.embed.InvokeFailedException;
import org.jruby.embed.LocalContextScope;
import org.jruby.embed.LocalVariableBehavior;
import org.jruby.embed.PathType;
import org.jruby.embed.ScriptingContainer;

/**
 * One JRuby runtime with BOSH's template helpers loaded ({@code bosh_template_helpers.rb}). Starting it takes seconds,
 * so it is made once and reused. Not thread-safe: one render at a time.
 */
final class RubyTemplateRuntime implements AutoCloseable {
  private static final String HELPERS = "io/lazarus/director/templates/bosh_template_helpers.rb";

  private final ScriptingContainer container;
  private final Object jobRenderer;

  /** @throws IllegalStateException if JRuby cannot start or the helpers cannot be loaded */
  RubyTemplateRuntime() {
    container = new ScriptingContainer(LocalContextScope.SINGLETHREAD, LocalVariableBehavior.TRANSIENT);
    try {
      container.setClassLoader(RubyTemplateRuntime.class.getClassLoader());
      // Templates need no native POSIX calls; without them JRuby loads no native library (and the JDK warns of none).
      container.setNativeEnabled(false);
      container.runScriptlet(PathType.CLASSPATH, HELPERS);
      jobRenderer = container.runScriptlet("Lazarus::Templates::JobRenderer");
    } catch (RuntimeException e) {
      container.terminate();
      throw new IllegalStateException("Cannot start JRuby for template rendering: " + e.getMessage(), e);
    }
  }

  /**
   * Renders the job described by {@code inputJson} (see {@link RenderInput}) into {@code collector}; template failures
   * are reported to the collector, not thrown.
   */
  void render(String inputJson, RenderCollector collector) {
    try {
      container.callMethod(jobRenderer, "render", inputJson, collector);
    } catch (InvokeFailedException e) {
      // Only what Ruby's rescue cannot catch gets here, such as a template's exit!; the runtime stays usable.
      collector.stopped("Ruby stopped: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
  }

  @Override
  public void close() {
    container.terminate();
  }
}
