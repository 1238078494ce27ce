#!/usr/bin/env bash
# Measures the Health Monitor's ingest: N simulated agents (default 10,000) post heartbeats over HTTPS on kept-alive
# connections to a real HealthMonitor (against the tests' fake Director); prints heartbeats/s, then, with every
# agent beating every 5 s and one of them silenced, the time from its last heartbeat to its vm_health alert
# (agent_timeout 15 s; the floor is 15 s).
# Usage: bench/heartbeat-bench.sh [agents] [seconds of the throughput phase] [kept-alive connections, default 64]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
[ -n "$JAVA_HOME" ] || { echo "heartbeat-bench: needs a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME
# package with -DskipTests still compiles the tests, whose fake Director and TLS helper the bench borrows
# one reactor run, so the build-classpath goal finds the sibling modules it just packaged (nothing is installed)
(cd "$root" && ./mvnw -q -B --no-transfer-progress -pl lazarus-monitor -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -Dmdep.outputFile=target/bench.classpath) >&2
m="$root/lazarus-monitor/target"
exec "$JAVA_HOME/bin/java" -cp "$m/classes:$m/test-classes:$root/lazarus-core/target/classes:$root/lazarus-testing/target/classes:$(cat "$m/bench.classpath")" \
  "$root/bench/HeartbeatBench.java" "${1:-10000}" "${2:-10}" "${3:-64}"
