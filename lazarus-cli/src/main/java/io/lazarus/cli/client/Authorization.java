package io.lazarus.cli.client;

/**
 * What a {@link DirectorClient} puts in the {@code Authorization} header: Basic credentials for a Director with
 * local users, or a UAA bearer token that can be renewed once after the Director answers 401.
 */
public interface Authorization {
  /** The header value for the next request. */
  String header();

  /**
   * Gets fresh credentials after a 401.
   *
   * @return false when there is nothing to renew, so the 401 stands
   */
  boolean refresh();

  /** Who the requests are made as, for "Using environment '...' as ...". */
  String describe();
}
