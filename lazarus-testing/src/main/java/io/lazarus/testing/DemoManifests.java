package io.lazarus.testing;

/**
 * The deployment that benches and tests make of the demo release (lazarus-release): its {@code web} job alone, on a
 * cloud-config of one az, one vm_type and one manual network on a loopback /16. Plain strings with no dependencies,
 * so a single-file bench ({@code java bench/X.java} with this module's classes on its classpath) builds them as the
 * tests do.
 */
public final class DemoManifests {
  private DemoManifests() {}

  /**
   * A cloud-config with az {@code z1}, vm_type {@code default} and manual network {@code default} on
   * {@code <prefix>.0.0/16} ({@code prefix} such as {@code 127.88}; gateway {@code .0.1}, {@code .0.2 - .0.9}
   * reserved), compiling on two reused VMs. Each bench and IT gives its own /16, so they never share addresses.
   */
  public static String cloudConfig(String prefix) {
    return """
        azs:
        - name: z1
        vm_types:
        - name: default
        networks:
        - name: default
          type: manual
          subnets:
          - range: %1$s.0.0/16
            gateway: %1$s.0.1
            reserved: [%1$s.0.2 - %1$s.0.9]
            az: z1
        compilation:
          workers: 2
          network: default
          az: z1
          reuse_compilation_vms: true
          vm_type: default
        """.formatted(prefix);
  }

  /**
   * Deployment {@code name}: instance group {@code web} with {@code instances} instances of the demo release's web
   * job (port 8080) on the latest {@code lazarus-local} stemcell, one canary, then {@code maxInFlight} at once;
   * {@code watchTime} (such as {@code 1000-60000}) is both the canary and the update watch time.
   */
  public static String web(String name, int instances, int maxInFlight, String watchTime) {
    return """
        name: %s
        releases:
        - {name: demo, version: latest}
        stemcells:
        - {alias: default, os: lazarus-local, version: latest}
        update:
          canaries: 1
          max_in_flight: %d
          canary_watch_time: %s
          update_watch_time: %3$s
        instance_groups:
        - name: web
          instances: %d
          azs: [z1]
          vm_type: default
          stemcell: default
          networks:
          - name: default
          jobs:
          - name: web
            release: demo
            properties: {port: 8080}
        """.formatted(name, maxInFlight, watchTime, instances);
  }
}
