package io.lazarus.director.api;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an upload task works: the uploaded file and a scratch directory next to it under the uploads directory
 * (which a Director start empties, so nothing survives a crash). IMPORTANT: must be closed; closing deletes both,
 * whether the task succeeded or not. One task's thread at a time.
 */
public final class UploadWorkspace implements AutoCloseable {
  private final Path upload;
  private final Path scratch;

  private UploadWorkspace(Path upload, Path scratch) {
    this.upload = upload;
    this.scratch = scratch;
  }

  /**
   * Opens a workspace for {@code upload}, a file {@link UploadReceiver} wrote.
   *
   * @throws IllegalStateException when the file is gone (the Director restarted before the task ran)
   */
  public static UploadWorkspace open(Path upload) throws IOException {
    if (!Files.isRegularFile(upload)) {
      throw new IllegalStateException("the uploaded file is gone (the director restarted before this task ran); upload it again");
    }
    try {
      return new UploadWorkspace(upload, Files.createTempDirectory(upload.getParent(), upload.getFileName() + ".d-"));
    } catch (IOException e) {
      FileTrees.deleteRecursively(upload);
      throw e;
    }
  }

  public Path upload() {
    return upload;
  }

  /** A path {@code name} inside the scratch space (not created), for work files of the task. */
  public Path scratch(String name) {
    return scratch.resolve(name);
  }

  /**
   * Unpacks {@code archive} safely into a new directory {@code into} of the scratch space and returns it.
   *
   * @param name the archive as error messages call it, e.g. "release tarball" or "jobs/web.tgz"
   */
  public Path unpack(TarballExtractor extractor, Path archive, String into, String name) throws IOException, UnsafeArchiveException {
    Path dir = scratch.resolve(into);
    extractor.extract(archive, dir, name);
    return dir;
  }

  @Override
  public void close() {
    FileTrees.deleteRecursively(scratch);
    FileTrees.deleteRecursively(upload);
  }
}
