package io.lazarus.agent.blobstore;

import java.util.regex.Pattern;

/** Blob ids are opaque, but never paths: letters, digits, {@code - _ .}, not starting with a dot. */
public final class BlobIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  private BlobIds() {}

  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
