package io.lazarus.cli.commands.release;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.ReleaseVersionDetails;
import io.lazarus.cli.api.ReleaseVersionDetails.CompiledPackage;
import io.lazarus.cli.api.ReleaseVersionDetails.Job;
import io.lazarus.cli.api.ReleaseVersionDetails.Package;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.cli.upload.Slug;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect-release", description = "List the jobs and packages of a release version")
public final class InspectReleaseCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "NAME/VERSION")
  private String release;

  @Override
  protected void run(Session session) {
    Slug slug;
    try {
      slug = Slug.parse(release, true);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    ReleaseVersionDetails details = session.director().getJson(
        "/releases/" + Query.segment(slug.name()) + "/versions/" + Query.segment(slug.version()),
        ReleaseVersionDetails.class);
    session.ui().printTable(jobs(details.jobs() == null ? List.of() : details.jobs()));
    session.ui().printTable(packages(details.packages() == null ? List.of() : details.packages()));
  }

  private static Table jobs(List<Job> jobs) {
    Table.Builder table = Table.builder("jobs", "Job", "Blobstore ID", "Digest").sortBy(0, true);
    for (Job job : jobs) {
      table.row(Cell.text(job.name() + "/" + job.fingerprint()), Cell.text(job.blobstoreId()), Cell.text(job.sha1()));
    }
    return table.build();
  }

  private static Table packages(List<Package> packages) {
    Table.Builder table = Table.builder("packages", "Package", "Compiled for", "Blobstore ID", "Digest")
        .sortBy(0, true);
    for (Package pkg : packages) {
      Cell name = Cell.text(pkg.name() + "/" + pkg.fingerprint());
      if (pkg.blobstoreId() != null && !pkg.blobstoreId().isEmpty()) {
        table.row(name, Cell.text("(source)"), Cell.text(pkg.blobstoreId()), Cell.text(pkg.sha1()));
      }
      for (CompiledPackage compiled : pkg.compiledPackages() == null ? List.<CompiledPackage>of()
          : pkg.compiledPackages()) {
        table.row(name, Cell.text(compiled.stemcell()), Cell.text(compiled.blobstoreId()), Cell.text(compiled.sha1()));
      }
    }
    return table.build();
  }
}
