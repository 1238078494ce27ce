package io.lazarus.cli.dummy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Vm;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lazarus cck --report} and {@code cck --auto} against a real Director on the dummy CPI. */
class CloudCheckCliIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @Test
  void reportListsTheProblemsAndAutoResolvesThem() throws Exception {
    try (Director director = Director.start(DirectorConfig.load(DummyCloudDeployIT.config(dir)))) {
      DirectorHttp api = DirectorHttp.fromEnvFile(director.envFile());
      DummyCloudDeployIT.awaitDone(api, api.startTask("/stemcells", TARBALL, DirectorHttp.resource("/artifacts/lazarus-local-stemcell.tgz")));
      DummyCloudDeployIT.awaitDone(api, api.startTask("/releases", TARBALL, DirectorHttp.resource("/artifacts/demo-release.tgz")));
      api.post("/configs", "application/json", BodyPublishers.ofString(Json.write(Map.of("type", "cloud", "name", "default", "content", DummyCloudDeployIT.CLOUD_CONFIG))));
      DummyCloudDeployIT.awaitDone(api, api.startTask("/deployments", "text/yaml", BodyPublishers.ofString(DummyCloudDeployIT.manifest(3, 3))));
      DummyCpi cpi = (DummyCpi) director.services().cpi();
      Vm silent = vm(director, 0);
      Vm lost = vm(director, 1);
      cpi.agentFor(silent.cid()).silence();
      cpi.deleteVm(lost.cid());
      CliRun cli = cli(director);

      CliRun.Result report = cli.run("cck", "--report");

      assertThat(report.exitCode()).as(report.out() + report.err()).isEqualTo(1);
      assertThat(report.out()).contains("Scanning 3 VMs", "1 OK, 1 unresponsive, 1 missing, 0 unbound", "#", "Type", "Description",
          "missing_vm", "with cloud ID '" + lost.cid() + "' missing.", "unresponsive_agent", "is not responding.");
      assertThat(report.out() + report.err()).contains("2 problem(s) found");

      CliRun.Result auto = cli.run("-n", "cloud-check", "--auto");

      assertThat(auto.exitCode()).as(auto.out() + auto.err()).isZero();
      assertThat(auto.out()).contains("Applying problem resolutions", "Recreate VM without waiting for processes to start", "Skip for now");
      assertThat(vm(director, 1).cid()).isNotEqualTo(lost.cid());
      assertThat(vm(director, 1).mbusUrl().getHost()).isEqualTo(lost.mbusUrl().getHost());
      assertThat(vm(director, 0).cid()).isEqualTo(silent.cid()); // --auto ignores an unresponsive agent, as BOSH
    }
  }

  private static Vm vm(Director director, int index) {
    long deployment = director.services().deployments().find("scale").orElseThrow().id();
    Instance instance = director.services().instances().find(deployment, "web", Integer.toString(index)).orElseThrow();
    return director.services().vms().activeFor(instance.id()).orElseThrow();
  }

  private CliRun cli(Director director) throws Exception {
    Map<?, ?> env = Json.read(Files.readString(director.envFile()), Map.class);
    return new CliRun(dir.resolve("home"))
        .variable("BOSH_ENVIRONMENT", director.url().toString())
        .variable("BOSH_CA_CERT", env.get("ca_cert").toString())
        .variable("BOSH_CLIENT", env.get("client").toString())
        .variable("BOSH_CLIENT_SECRET", env.get("client_secret").toString())
        .variable("BOSH_DEPLOYMENT", "scale")
        .realTime();
  }
}
