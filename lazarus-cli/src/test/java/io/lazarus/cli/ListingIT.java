package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import org.junit.jupiter.api.Test;

class ListingIT extends FakeDirectorCase {
  @Test
  void stemcellsAsATable() {
    director.answer("GET", "/stemcells", 200, """
        [{"name":"ubuntu","version":"9","operating_system":"ubuntu-jammy","cid":"c9","cpi":"","deployments":[]},
         {"name":"ubuntu","version":"10","operating_system":"ubuntu-jammy","cid":"c10","cpi":"","deployments":[{"name":"d"}]}]""");

    CliRun.Result result = cli.run("stemcells");

    assertThat(result.outTrimmed()).endsWith("""

        Name    Version  OS            CPI  CID
        ubuntu  10*      ubuntu-jammy  -    c10
        ~       9        ubuntu-jammy  -    c9

        (*) Currently deployed

        2 stemcells

        Succeeded
        """);
  }

  @Test
  void stemcellsAsJson() {
    director.answer("GET", "/stemcells", 200,
        "[{\"name\":\"ubuntu\",\"version\":\"9\",\"operating_system\":\"ubuntu-jammy\",\"cid\":\"c9\",\"deployments\":[]}]");

    CliRun.Result result = cli.run("stemcells", "--json");

    assertThat(result.out()).isEqualTo("""
        {
            "Tables": [
                {
                    "Content": "stemcells",
                    "Header": {
                        "cid": "CID",
                        "cpi": "CPI",
                        "name": "Name",
                        "os": "OS",
                        "version": "Version"
                    },
                    "Rows": [
                        {
                            "cid": "c9",
                            "cpi": "",
                            "name": "ubuntu",
                            "os": "ubuntu-jammy",
                            "version": "9"
                        }
                    ],
                    "Notes": [
                        "(*) Currently deployed"
                    ]
                }
            ],
            "Blocks": null,
            "Lines": [
                "Using environment '%s' as client 'admin'",
                "Succeeded"
            ]
        }
        """.formatted(director.url()));
  }

  @Test
  void releasesMarkDeployedAndUncommitted() {
    director.answer("GET", "/releases", 200, """
        [{"name":"app","release_versions":[
          {"version":"1","commit_hash":"aaa","uncommitted_changes":false,"currently_deployed":false},
          {"version":"2","commit_hash":"bbb","uncommitted_changes":true,"currently_deployed":true}]}]""");

    assertThat(cli.run("releases").outTrimmed()).contains("""
        Name  Version  Commit Hash
        app   2*       bbb+
        ~     1        aaa

        (*) Currently deployed
        (+) Uncommitted changes

        2 releases
        """);
  }

  @Test
  void tasksQueryStringsAreTheBoshClis() {
    director.answer("GET", "/tasks", 200, """
        [{"id":7,"state":"done","description":"scan and fix","timestamp":1795000005,"started_at":1795000000,\
        "result":"ok","user":"hm","deployment":"dep","context_id":""}]""");

    CliRun.Result recent = cli.run("tasks", "-r", "--all");
    cli.run("tasks", "-d", "dep");
    cli.run("tasks", "--recent=5");

    assertThat(director.requests("GET", "/tasks?")).extracting(FakeDirector.Recorded::uri).containsExactly(
        "/tasks?limit=30&verbose=2",
        "/tasks?deployment=dep&state=processing%2Ccancelling%2Cqueued&verbose=2",
        "/tasks?limit=5&verbose=1");
    assertThat(recent.out()).contains(
        "7   done   Wed Nov 18 11:06:40 UTC 2026  Wed Nov 18 11:06:45 UTC 2026  hm    dep         scan and fix  ok  ");
  }

  @Test
  void updateResurrectionOffForAWhileSendsUntil() {
    director.answer("PUT", "/resurrection", 200, "");

    CliRun.Result paused = cli.run("update-resurrection", "off", "--for", "2h");
    CliRun.Result resumed = cli.run("update-resurrection", "on");

    assertThat(paused.exitCode()).as(paused.err()).isZero();
    assertThat(resumed.exitCode()).isZero();
    assertThat(director.requests("PUT", "/resurrection")).extracting(FakeDirector.Recorded::bodyText).containsExactly(
        "{\"resurrection_paused\":true,\"until\":" + CliRun.NOW.plusSeconds(7200).getEpochSecond() + "}",
        "{\"resurrection_paused\":false}");
  }

  @Test
  void configsLocksEventsAndCancel() {
    director.answer("GET", "/configs", 200,
        "[{\"id\":\"3\",\"type\":\"cloud\",\"name\":\"default\",\"team\":\"\",\"created_at\":\"2026-11-18 11:00:00 UTC\",\"current\":true}]");
    director.answer("GET", "/locks", 200, "[{\"type\":\"deployment\",\"resource\":[\"dep\"],\"timeout\":\"1795000000.123456\",\"task_id\":\"12\"}]");
    director.answer("GET", "/events", 200, "[{\"id\":\"5\",\"parent_id\":\"4\",\"timestamp\":1795000000,\"user\":\"admin\","
        + "\"action\":\"delete\",\"object_type\":\"deployment\",\"object_name\":\"dep\",\"context\":{\"b\":1,\"a\":\"x\"}}]");
    director.answer("DELETE", "/task/12", 204, "");

    CliRun.Result configs = cli.run("configs", "--type", "cloud");
    CliRun.Result locks = cli.run("locks");
    CliRun.Result events = cli.run("events", "--object-type", "deployment", "--event-user", "admin", "-d", "dep");
    CliRun.Result cancel = cli.run("cancel-task", "12");

    assertThat(director.requests("GET", "/configs").getFirst().uri()).isEqualTo("/configs?latest=true&limit=1&type=cloud");
    assertThat(configs.out()).contains("3*  cloud  default  -     2026-11-18 11:00:00 UTC  ");
    assertThat(locks.out()).contains("deployment  dep       12       Wed Nov 18 11:06:40 UTC 2026  ");
    assertThat(director.requests("GET", "/events").getFirst().uri())
        .isEqualTo("/events?deployment=dep&object_type=deployment&user=admin");
    assertThat(events.out()).contains("5 <- 4").contains("a: x").contains("b: 1");
    assertThat(cancel.exitCode()).isZero();
  }

  @Test
  void deleteConfigThatDoesNotExist() {
    CliRun.Result result = cli.run("-n", "delete-config", "--type", "cloud", "--name", "other");

    assertThat(result.exitCode()).isZero();
    assertThat(director.requests("DELETE", "/configs").getFirst().uri()).isEqualTo("/configs?name=other&type=cloud");
    assertThat(result.out()).contains("No configs to delete: will not delete");
  }

  @Test
  void manifestAndCloudConfigPrintTheDocument() {
    director.answer("GET", "/deployments/dep", 200, "{\"manifest\":\"name: dep\\n\"}");
    director.answer("GET", "/configs", 200, "[{\"id\":\"3\",\"type\":\"cloud\",\"name\":\"default\",\"content\":\"azs: []\"}]");

    assertThat(cli.run("manifest", "-d", "dep").out()).contains("Using deployment 'dep'\nname: dep\n\nSucceeded\n");
    assertThat(cli.run("cloud-config").out()).contains("azs: []\n\nSucceeded\n");
    assertThat(director.requests("GET", "/configs").getLast().uri()).isEqualTo("/configs?latest=true&name=default&type=cloud");
  }

  @Test
  void cpiConfigPrintsTheDefaultCpiConfigOrSaysThereIsNone() {
    director.answer("GET", "/configs", 200, "[{\"id\":\"4\",\"type\":\"cpi\",\"name\":\"default\",\"content\":\"cpis: []\"}]");
    assertThat(cli.run("cpi-config").out()).contains("cpis: []\n\nSucceeded\n");
    assertThat(director.requests("GET", "/configs").getLast().uri()).isEqualTo("/configs?latest=true&name=default&type=cpi");

    director.answer("GET", "/configs", 200, "[]");
    CliRun.Result none = cli.run("cpi-config");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("No CPI config");
  }
}
