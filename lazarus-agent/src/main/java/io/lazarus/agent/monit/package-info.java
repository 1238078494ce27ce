/**
 * The {@code monit} command inside a VM. {@link io.lazarus.agent.monit.MonitControlServer} serves the
 * supervisor on a unix domain socket ({@code $VCAP_ROOT/bosh/monit.sock}); {@link io.lazarus.agent.monit.MonitCli}
 * is the command that talks to it. Protocol: the client sends one line, {@code <action> [all|<name>]}; the server
 * answers {@code OK} or {@code ERROR} on the first line, then the text to print, and closes the connection.
 */
package io.lazarus.agent.monit;
