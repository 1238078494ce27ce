package io.lazarus.director.cloudcheck;

/** A resolution that cannot be applied, with BOSH's wording (e.g. "Agent is responding now, skipping resolution"). */
final class ProblemHandlerException extends Exception {
  private static final long serialVersionUID = 1L;

  ProblemHandlerException(String message) {
    super(message);
  }
}
