/**
 * The bosh CLI's variable interpolation ({@code director/template}): {@code ((name))}, {@code ((name.key))} and
 * {@code ((!name))} replaced from the given {@link io.lazarus.cli.interpolation.template.Variables}, typed when a
 * variable is a whole value, as text inside a string; the manifest's {@code variables:} section passed to the sources
 * so that a vars store can generate them; unresolved references left as they are for the Director's config server.
 */
package io.lazarus.cli.interpolation.template;
