/**
 * Values a vars store generates for the typed variables of a manifest's {@code variables:} section, as the bosh CLI
 * generates them (its config-server types): {@code password}, {@code certificate}, {@code rsa} and {@code ssh}.
 */
package io.lazarus.cli.interpolation.generate;
