package io.lazarus.cli.commands.disk;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.OrphanDisk;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The bosh CLI's {@code delete-disk CID}: deletes an orphaned disk. As there, a failure is no failure when the disk
 * is no longer an orphan afterwards (someone else deleted it meanwhile).
 */
@Command(name = "delete-disk", description = "Delete an orphaned disk")
public final class DeleteDiskCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "CID", description = "Orphaned disk CID")
  private String cid;

  @Override
  protected void run(Session session) throws Exception {
    if (cid.isEmpty()) {
      throw usage("Expected non-empty orphaned disk CID");
    }
    DirectorClient director = session.director();
    session.prompter().confirm();
    try {
      session.follow(director.sendForTask("DELETE", "/disks/" + Query.segment(cid), BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      if (stillOrphaned(director)) {
        throw new CommandFailure("Deleting orphaned disk '" + cid + "'", e);
      }
    }
  }

  private boolean stillOrphaned(DirectorClient director) {
    try {
      return Arrays.stream(director.getJson("/disks", OrphanDisk[].class)).anyMatch(disk -> cid.equals(disk.diskCid()));
    } catch (RuntimeException listing) {
      return true; // cannot tell, so the deletion's own failure stands
    }
  }
}
