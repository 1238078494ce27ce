package io.lazarus.core.planning;

import java.util.Optional;

/** How one link a job consumes was resolved. */
public sealed interface LinkBinding {
  /** The name the job's templates use: {@code link("db")}. */
  String name();

  String type();

  /**
   * Bound to a provider in this deployment. {@code network} and {@code ipAddresses} are the manifest's choices of
   * which of the provider's networks, and IPs or DNS names, the link's instances are addressed by.
   */
  record Bound(String name, String type, LinkSource provider, Optional<String> network, Optional<Boolean> ipAddresses) implements LinkBinding {}

  /** To be taken from another deployment's shared provider when the Director deploys; not checked here. */
  record FromDeployment(String name, String type, String deployment, Optional<String> from) implements LinkBinding {}

  /** Deliberately unconnected: an optional link with no provider, or one the manifest set to {@code nil}. */
  record Unconnected(String name, String type, String reason) implements LinkBinding {}
}
