# Sourced by ./lazarus, .ci/run and the benchmarks: prints the home of a JDK >= 21, looking at JAVA_HOME, the java
# on PATH, then /usr/lib/jvm/*; prints nothing when there is none.
jdk_ok() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | head -1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then echo "$JAVA_HOME"; return; fi
  if command -v java >/dev/null 2>&1; then
    local home
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if jdk_ok "$home"; then echo "$home"; return; fi
  fi
  local candidate
  for candidate in /usr/lib/jvm/*; do
    if jdk_ok "$candidate"; then echo "$candidate"; return; fi
  done
}
