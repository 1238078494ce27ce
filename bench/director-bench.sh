#!/usr/bin/env bash
# Measures the Director: cold start to /info, idle memory, GET /deployments and GET /tasks?limit=30 latency at a
# fixed request rate on the embedded (H2) store. Usage: bench/director-bench.sh [requests-per-second] [seconds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/lazarus" --version >/dev/null 2>&1 || true   # builds the CLI jar when needed, and finds the JDK
. "$root/scripts/find-jdk.sh"
JAVA_HOME="$(find_jdk)"
exec "$JAVA_HOME/bin/java" "$root/bench/DirectorBench.java" "$root/lazarus" "${1:-200}" "${2:-30}"
