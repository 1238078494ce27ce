#!/usr/bin/env bash
# Times one deploy of the demo release's web job through a Director started by the launcher.
#   bench/deploy-bench.sh [instances] [max_in_flight]   # dummy CPI (simulated agents); default 1000 and 100
#   bench/deploy-bench.sh --local [instances] [max_in_flight]   # the real local cloud; default 20 and 10
# A third argument sets the manifest's watch times (default 1000-60000, as examples/demo.yml).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cpi=dummy
defaults=(1000 100)
if [ "${1:-}" = "--local" ]; then
  cpi=local
  defaults=(20 10)
  shift
fi
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
# The release module's build runs `java` from PATH to make the artifacts: let it be the JDK found, not an older one.
export PATH="$JAVA_HOME/bin:$PATH"
"$root/lazarus" --version >/dev/null 2>&1 || true   # builds the CLI jar (and the release artifacts) when needed
artifacts="$root/lazarus-release/target/classes/artifacts"
if [ ! -f "$artifacts/lazarus-local-stemcell.tgz" ] || [ ! -f "$artifacts/demo-release.tgz" ]; then
  echo "deploy-bench: no stemcell or demo release in $artifacts; build with ./mvnw -B -DskipTests package" >&2
  exit 1
fi
testing="$root/lazarus-testing/target/classes"   # DemoManifests, built with the CLI (its build makes lazarus-testing too)
if [ ! -f "$testing/io/lazarus/testing/DemoManifests.class" ]; then
  echo "deploy-bench: no lazarus-testing classes in $testing; build with ./mvnw -B -DskipTests package" >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" -cp "$testing" "$root/bench/DeployBench.java" "$root/lazarus" "$artifacts" "$cpi" "${1:-${defaults[0]}}" "${2:-${defaults[1]}}" "${3:-1000-60000}"
