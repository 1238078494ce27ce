package io.lazarus.director;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Director's version as {@code GET /info} reports it ("<version> (<build>)", BOSH's shape). */
public final class Version {
  private Version() {}

  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource only loses the version number
    }
    return properties.getProperty("version", "0.0.0-dev") + " (lazarus)";
  }
}
