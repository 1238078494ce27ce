#!/usr/bin/env bash
# Measures the agent as a VM runs it: cold start of the shaded jar (through the stemcell's bosh-agent launcher
# and its JVM flags) to answering ping over HTTPS, the CPU it used by then, and resident memory after 10 s idle;
# then the same with a JDK 25+ AOT cache trained by one run. Needs openssl.
# Usage: bench/agent-bench.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
[ -n "$JAVA_HOME" ] || { echo "agent-bench: needs a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME
# package with -DskipTests still compiles the tests, whose small supervisor the bench borrows
(cd "$root" && ./mvnw -q -B --no-transfer-progress -o -pl lazarus-agent -am package -DskipTests) >&2
exec "$JAVA_HOME/bin/java" "$root/bench/AgentBench.java" \
  "$root/lazarus-agent/src/main/stemcell/bosh/bin/bosh-agent" \
  "$root/lazarus-agent/target/lazarus-agent.jar" \
  "$root/lazarus-agent/target/test-classes" \
  "${1:-5}"
