/**
 * Rendering of BOSH job templates: the ERB files of a release's job (its {@code monit} file and {@code templates/*})
 * filled in for one instance with BOSH's helpers ({@code p}, {@code if_p}, {@code spec}, {@code properties},
 * {@code link}, {@code if_link}), by JRuby, so that real release templates render unchanged.
 *
 * <p>{@link io.lazarus.director.templates.TemplateRenderer} is the entry point; the records beside it are its inputs
 * and output. Failures surface as {@link io.lazarus.director.templates.TemplateRenderException}, which names the job,
 * each failing template and its line.
 */
package io.lazarus.director.templates;
