package io.lazarus.agent.settings;

/** settings.json is missing, unreadable, or holds a field of the wrong shape; the message names the file and field. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
