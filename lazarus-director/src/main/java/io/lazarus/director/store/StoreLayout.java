package io.lazarus.director.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Director keeps its durable state, all under one store directory (a VM's {@code /var/vcap/store}):
 * {@code director/} (identity, TLS material, task logs, env.json, uploads in progress), {@code blobstore/}, and
 * the embedded database under {@code director/db}.
 */
public record StoreLayout(Path root) {

  public StoreLayout {
    root = root.toAbsolutePath().normalize();
  }

  public Path director() {
    return root.resolve("director");
  }

  public Path identityFile() {
    return director().resolve("identity.json");
  }

  public Path tls() {
    return director().resolve("tls");
  }

  public Path tasks() {
    return director().resolve("tasks");
  }

  public Path uploads() {
    return director().resolve("uploads");
  }

  public Path envFile() {
    return director().resolve("env.json");
  }

  /** The credential agents use for the blobstore. */
  public Path agentBlobCredentials() {
    return director().resolve("agent-blobstore.json");
  }

  public Path blobstore() {
    return root.resolve("blobstore");
  }

  /** The local cloud's state (stemcell images; later VMs and disks). */
  public Path localCloud() {
    return root.resolve("local-cloud");
  }

  /** One directory per {@code local} CPI of the cpi config, each a local cloud of its own ({@code local-clouds/<name>}). */
  public Path localClouds() {
    return root.resolve("local-clouds");
  }

  public void create() throws IOException {
    for (Path dir : new Path[] {director(), tasks(), uploads(), blobstore(), localCloud()}) {
      Files.createDirectories(dir);
    }
  }
}
