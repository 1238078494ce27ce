package io.lazarus.director.templates;

import static io.lazarus.director.templates.TemplateFixtures.db;
import static io.lazarus.director.templates.TemplateFixtures.frontend;
import static io.lazarus.director.templates.TemplateFixtures.jobFromResources;
import static io.lazarus.director.templates.TemplateFixtures.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private static final Map<String, Object> MANIFEST_PROPERTIES = Map.of("port", 9090, "undeclared", "dropped");

  private static TemplateRenderer renderer;

  @BeforeAll
  static void startRenderer() {
    renderer = new TemplateRenderer();
  }

  @AfterAll
  static void closeRenderer() {
    renderer.close();
  }

  private static RenderedJob renderWeb(boolean bootstrap, Map<String, Object> manifestProperties, Map<String, ResolvedLink> links) {
    JobTemplates web = jobFromResources("web");
    return renderer.render(web, frontend(bootstrap), resolved(web, manifestProperties), links);
  }

  @Test
  void rendersCtlScriptFromPropertiesDefaultsAndInstanceSpec() {
    String ctl = renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db())).files().get("bin/ctl");

    assertThat(ctl)
        .startsWith("#!/bin/bash\nset -e\n")
        .contains("      --listen 6f1c3e8a-93c3-4b1e-a2a4-2f0f3f6c9b11.frontend.default.shop.bosh:9090 \\\n")
        .contains("      --node-index 2 \\\n      --log-level info\n")
        .doesNotContain("--run-migrations");
    assertThat(renderWeb(true, MANIFEST_PROPERTIES, Map.of("db", db())).files().get("bin/ctl"))
        .contains("      --node-index 2 \\\n      --run-migrations \\\n      --log-level info\n");
  }

  @Test
  void rendersFilesToTheDestinationsOfTheJobSpecInItsOrder() {
    assertThat(renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db())).files().keySet()).containsExactly("bin/ctl", "config/config.yml", "config/db.conf");
  }

  @Test
  void configTakesTheElseBranchOfIfPWhenAPropertyIsUnset() {
    String config = renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db())).files().get("config/config.yml");

    assertThat(config)
        .isEqualTo(
            """
            deployment: shop
            instance: frontend/6f1c3e8a-93c3-4b1e-a2a4-2f0f3f6c9b11
            az: z2
            release: shop/1.4.2
            tls:
              enabled: false
            admin_user: admin
            workers: 4
            store: /var/vcap/store/web
            listen:
              ip: 10.0.1.12
              port: 9090
            """);
  }

  @Test
  void configTakesTheIfBranchWhenEveryPropertyIsSetAndPFindsTheFirstOfSeveralNames() {
    Map<String, Object> properties = Map.of("tls", Map.of("cert", "CERT\nPEM", "key", "KEY"), "admin", Map.of("username", "root"));

    String config = renderWeb(false, properties, Map.of("db", db())).files().get("config/config.yml");

    assertThat(config).contains("tls:\n  enabled: true\n  cert: \"CERT\\nPEM\"\n  key: \"KEY\"\n").contains("admin_user: root\n");
  }

  @Test
  void dbConfigRendersLinkInstancesPropertiesAndAddress() {
    String conf = renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db())).files().get("config/db.conf");

    assertThat(conf)
        .isEqualTo(
            """
            hosts = 10.0.2.10,10.0.2.11
            port = 5432
            primary = 10.0.2.10
            zones = z1,z2
            address = q-s0.postgres.default.shop.bosh
            cache = none
            """);
  }

  @Test
  void ifLinkYieldsTheLinkWhenItIsResolved() {
    ResolvedLink cache = new ResolvedLink(null, List.of(new LinkInstance("redis", "r-0", 0, null, "10.0.3.5", true)), Map.of());

    String conf = renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db(), "cache", cache)).files().get("config/db.conf");

    assertThat(conf).endsWith("cache = 10.0.3.5:6379\n");
  }

  @Test
  void monitIsRenderedWithTheInstanceGroupAsSpecJobName() {
    // spec.job.name is the instance group's name, as in BOSH (where an instance group was once called a job).
    String monit = renderWeb(false, MANIFEST_PROPERTIES, Map.of("db", db())).monit();

    assertThat(monit).startsWith("check process web\n").endsWith("  # rendered for shop/frontend/2\n");
  }

  @Test
  void reportsEveryBrokenTemplateWithItsLineAndBoshsMessage() {
    JobTemplates broken = jobFromResources("broken");

    assertThatThrownBy(() -> renderer.render(broken, frontend(false), resolved(broken, Map.of()), Map.of("db", db())))
        .isInstanceOfSatisfying(
            TemplateRenderException.class,
            e -> {
              assertThat(e.job()).isEqualTo("broken");
              assertThat(e.code()).isEqualTo(80006);
              assertThat(e.errors()).extracting(TemplateError::template).containsExactly("syntax.erb", "missing_property.erb", "missing_link.erb");
              assertThat(e.errors().get(0).line()).isEqualTo(3);
              assertThat(e.errors().get(0).message()).containsIgnoringCase("syntax");
              assertThat(e.errors().get(1)).isEqualTo(new TemplateError("missing_property.erb", 3, "Can't find property '[\"admin.password\"]'"));
              assertThat(e.errors().get(2)).isEqualTo(new TemplateError("missing_link.erb", 3, "Can't find link 'queue'"));
              assertThat(e.getMessage())
                  .startsWith("Unable to render templates for job 'broken'. Errors are:\n  - Error filling in template 'syntax.erb' (line 3: ")
                  .contains("\n  - Error filling in template 'missing_property.erb' (line 3: Can't find property '[\"admin.password\"]')")
                  .endsWith("\n  - Error filling in template 'missing_link.erb' (line 3: Can't find link 'queue')");
            });
  }

  @Test
  void aMissingConsumedLinkFailsNamingTheLink() {
    assertThatThrownBy(() -> renderWeb(false, MANIFEST_PROPERTIES, Map.of()))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessage("Unable to render templates for job 'web'. Errors are:\n  - Error filling in template 'db.conf.erb' (line 1: Can't find link 'db')");
  }

  @Test
  void measuresRenderTime() throws Exception {
    JobTemplates web = jobFromResources("web");
    Map<String, Object> properties = resolved(web, MANIFEST_PROPERTIES);
    Map<String, ResolvedLink> links = Map.of("db", db());
    for (int i = 0; i < 20; i++) {
      renderer.render(web, frontend(false), properties, links); // lets the JVM and JRuby compile the hot paths
    }

    // Wall time depends on what else the machine runs; the rendering thread's CPU time much less so.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int renders = 100;
    long start = System.nanoTime();
    long startCpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < renders; i++) {
      renderer.render(web, frontend(i == 0), properties, links);
    }
    long sequentialNanos = System.nanoTime() - start;
    long sequentialCpuNanos = threads.getCurrentThreadCpuTime() - startCpu;

    int callers = 4;
    List<Future<RenderedJob>> results = new ArrayList<>();
    start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (int i = 0; i < renders; i++) {
        results.add(pool.submit(() -> renderer.render(web, frontend(false), properties, links)));
      }
      for (Future<RenderedJob> result : results) {
        assertThat(result.get().files()).hasSize(3);
      }
    }
    long concurrentNanos = System.nanoTime() - start;

    System.out.printf(
        "TemplateRenderer: %d renders of job 'web' (monit + 3 templates): one caller %.0f ms wall (%.2f ms each, %.2f ms CPU each),"
            + " %d callers %.0f ms wall%n",
        renders, sequentialNanos / 1e6, sequentialNanos / 1e6 / renders, sequentialCpuNanos / 1e6 / renders, callers, concurrentNanos / 1e6);
  }
}
