#!/usr/bin/env bash
# Times the cloud check's scan (`POST /deployments/<d>/scans`) over N instances on the dummy CPI, every agent answering,
# then with `silent` of them paused (requests held unanswered, so get_state times out after 10 s).
#   bench/scan-bench.sh [instances] [silent]   # default 1000 and 100
# The Director runs inside the bench's JVM, from the CLI jar, with the launcher's JVM flags; its warnings go to a log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"
"$root/lazarus" --version >/dev/null 2>&1 || true   # builds the CLI jar (and the release artifacts) when needed
artifacts="$root/lazarus-release/target/classes/artifacts"
if [ ! -f "$artifacts/lazarus-local-stemcell.tgz" ] || [ ! -f "$artifacts/demo-release.tgz" ]; then
  echo "scan-bench: no stemcell or demo release in $artifacts; build with ./mvnw -B -DskipTests package" >&2
  exit 1
fi
log="$(mktemp -t lazarus-scan-bench.XXXXXX.log)"
# ScanBench compiles DeployBench from source too: that takes the source launcher of JDK 22 or newer.
if ! "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/lazarus-cli/target/lazarus-cli.jar:$root/lazarus-testing/target/classes" \
    "$root/bench/ScanBench.java" "$artifacts" "${1:-1000}" "${2:-100}" 2>"$log"; then
  echo "scan-bench failed; the end of its log ($log):" >&2
  tail -20 "$log" >&2
  exit 1
fi
echo "(the Director's warnings: $log)"
