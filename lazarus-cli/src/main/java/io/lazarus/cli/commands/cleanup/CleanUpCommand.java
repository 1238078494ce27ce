package io.lazarus.cli.commands.cleanup;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.CleanUp;
import io.lazarus.cli.api.OrphanDisk;
import io.lazarus.cli.api.Stemcell;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.cli.ui.Ui;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bosh CLI's {@code clean-up}: asks, then follows the Director's clean-up task; {@code --dry-run} asks nothing
 * and prints what would go, in the bosh CLI's seven titled tables.
 */
@Command(name = "clean-up", description = "Clean up releases, stemcells, disks, etc.")
public final class CleanUpCommand extends LazarusSubcommand {
  @Option(names = "--all", description = "Remove all unused releases, stemcells, etc.; otherwise most recent resources will be kept")
  private boolean all;

  @Option(names = "--dry-run", description = "Only show the resources that would be deleted")
  private boolean dryRun;

  @Option(names = "--keep-orphaned-disks", description = "Do not delete orphaned disks even with --all")
  private boolean keepOrphanedDisks;

  @Override
  protected void run(Session session) throws Exception {
    if (dryRun) {
      String path = Query.of().with("remove_all", all).with("keep_orphaned_disks", keepOrphanedDisks).appendTo("/cleanup/dryrun");
      print(session.ui(), session.director().getJson(path, CleanUp.class));
      return;
    }
    session.prompter().confirm();
    // Sorted keys, as Go marshals the bosh CLI's map: the same bytes on the wire.
    String body = Json.write(Map.of("config", new TreeMap<>(Map.of("remove_all", all, "keep_orphaned_disks", keepOrphanedDisks))));
    session.follow(session.director().sendForTask("POST", "/cleanup", BodyPublishers.ofString(body), "application/json"));
  }

  private static void print(Ui ui, CleanUp plan) {
    List<String[]> releases = orEmpty(plan.releases()).stream().flatMap(r -> r.versions().stream().map(v -> new String[] {r.name(), v})).toList();
    table(ui, "Unused Releases", "releases", rows(releases, Function.identity()), "Name", "Version");
    table(ui, "Unused Stemcells", "stemcells", rows(plan.stemcells(), (Stemcell s) -> new String[] {s.name(), s.version()}), "Name", "Version");
    table(ui, "Unused Compiled Packages", "compiled packages", rows(plan.compiledPackages(), p -> new String[] {p.packageName(), p.stemcellOs(), p.stemcellVersion()}),
        "Name", "Stemcell OS", "Stemcell Version");
    table(ui, "Exported Releases", "exported releases", rows(plan.exportedReleases(), id -> new String[] {id}), "Blob ID");
    table(ui, "Stale DNS Record Blobs", "dns blobs", rows(plan.dnsBlobs(), id -> new String[] {id}), "Blob ID");
    table(ui, "Orphaned Disks", "orphaned disks", rows(plan.orphanedDisks(), (OrphanDisk d) -> new String[] {d.diskCid(), d.deploymentName(), d.instanceName(),
        d.size() == null ? "" : String.valueOf(d.size())}), "Disk CID", "Deployment", "Instance", "Size (mb)");
    table(ui, "Orphaned VMs", "orphaned vms", rows(plan.orphanedVms(), vm -> new String[] {vm.cid(), vm.deploymentName(), vm.instanceName()}), "VM CID", "Deployment", "Instance");
  }

  private static <T> List<String[]> rows(List<T> items, Function<T, String[]> row) {
    return orEmpty(items).stream().map(row).toList();
  }

  private static <T> List<T> orEmpty(List<T> items) {
    return items == null ? List.of() : items;
  }

  private static void table(Ui ui, String title, String content, List<String[]> rows, String... header) {
    Table.Builder table = Table.builder(content, header).sortBy(0, true);
    rows.forEach(row -> table.row(Arrays.stream(row).map(Cell::text).toArray(Cell[]::new)));
    ui.printLine(title);
    ui.printTable(table.build());
  }
}
