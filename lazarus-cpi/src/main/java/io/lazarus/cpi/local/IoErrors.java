package io.lazarus.cpi.local;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says what went wrong in words: the JDK's file exceptions carry only the path as their message. */
final class IoErrors {
  private IoErrors() {}

  static String describe(Exception e) {
    if (!(e instanceof FileSystemException fileProblem) || fileProblem.getReason() != null) {
      return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    String what = switch (e) {
      case NoSuchFileException missing -> "does not exist";
      case FileAlreadyExistsException exists -> "already exists";
      case AccessDeniedException denied -> "permission denied";
      case DirectoryNotEmptyException notEmpty -> "directory not empty";
      case NotDirectoryException notDirectory -> "not a directory";
      default -> e.getClass().getSimpleName();
    };
    return fileProblem.getFile() + ": " + what;
  }
}
