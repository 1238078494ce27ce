package io.lazarus.cpi.local.vm;

import io.lazarus.cpi.Network;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local cloud's network rules: every VM has manual networks only, each with a static IPv4 address in
 * {@code 127.0.0.0/8} (all loopback on Linux), and no address is used by two live VMs.
 */
public final class LoopbackAddresses {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private LoopbackAddresses() {}

  /** Whether {@code ip} is a dotted IPv4 address in 127.0.0.0/8. */
  public static boolean isLoopback(String ip) {
    if (ip == null) {
      return false;
    }
    var matcher = IPV4.matcher(ip);
    if (!matcher.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(matcher.group(i)) > 255) {
        return false;
      }
    }
    return matcher.group(1).equals("127");
  }

  /**
   * Why these networks cannot be given to a local VM, or empty when they can.
   *
   * @param taken IPs of the other live VMs of the cloud
   */
  public static Optional<String> problem(Map<String, Network> networks, Collection<String> taken) {
    if (networks.isEmpty()) {
      return Optional.of("a local VM needs a manual network with an IP in 127.0.0.0/8; none was given");
    }
    for (Map.Entry<String, Network> entry : networks.entrySet()) {
      String name = entry.getKey();
      Network network = entry.getValue();
      if (!network.isManual()) {
        return Optional.of("network '" + name + "' is of type '" + network.type()
            + "': the local cloud supports manual networks only (give the VM a static IP in 127.0.0.0/8)");
      }
      if (network.ip() == null || network.ip().isBlank()) {
        return Optional.of("network '" + name + "' has no IP: the local cloud needs the IP chosen by the Director");
      }
      if (!isLoopback(network.ip())) {
        return Optional.of("network '" + name + "' has IP " + network.ip()
            + ", which is not a loopback address: local VMs live in 127.0.0.0/8");
      }
      if (taken.contains(network.ip())) {
        return Optional.of("network '" + name + "': IP " + network.ip() + " is already used by another VM");
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code ip:port} cannot be the new VM's agent address because some process of this machine already listens
   * there (another local cloud on the same range, say): found by binding it for a moment. Empty when it is free.
   */
  public static Optional<String> boundOnThisMachine(String ip, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(ip), port), 1);
      return Optional.empty();
    } catch (BindException e) {
      return Optional.of(ip + ":" + port + ", the agent's address, is already in use on this machine by a process outside this local cloud"
          + " (another local cloud on the same range?)");
    } catch (IOException e) {
      return Optional.of("cannot check " + ip + ":" + port + ": " + e.getMessage());
    }
  }
}
