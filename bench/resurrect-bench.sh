#!/usr/bin/env bash
# Times healing with `lazarus up`'s defaults: N times (default 10) kill -9 a web VM's whole process tree on the local
# cloud and time until http://<ip>:8080/ answers from a new VM; prints each kill, the median, the floor
# (agent_timeout + one `lazarus recreate`) and their ratio. About 45 s per kill plus a few minutes of set-up.
#   bench/resurrect-bench.sh [kills]
# Uses `lazarus up`'s network 127.10.0.0/16: stop your own `lazarus up` first. Always runs `lazarus down` at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"
"$root/lazarus" --version >/dev/null 2>&1 || true   # builds the CLI jar (and the release artifacts) when needed
dir="$(mktemp -d -t lazarus-resurrect-bench.XXXXXX)"
trap '"$root/lazarus" down --store "$dir/store" >>"$dir/cli.log" 2>&1 || echo "resurrect-bench: lazarus down --store $dir/store failed; see $dir/cli.log" >&2' EXIT
# ResurrectBench reads the local cloud and the Health Monitor's config through the CLI jar's classes, and builds its
# manifest with lazarus-testing's DemoManifests (the CLI's build makes that module too).
"$JAVA_HOME/bin/java" -cp "$root/lazarus-cli/target/lazarus-cli.jar:$root/lazarus-testing/target/classes" "$root/bench/ResurrectBench.java" "$root/lazarus" "$dir" "${1:-10}"
