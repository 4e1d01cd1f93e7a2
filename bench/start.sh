#!/usr/bin/env bash
# Start-up to the first lesson page: the plain jar on the default JDK (java -jar, Java 17+) against the
# image's way of starting (Dockerfile): the extracted jar on Java 25 with an AOT cache from a training run
# (JEP 483/514/515) and Spring's build-time bean wiring (spring.aot.enabled).
# Each run times process start -> first HTTP 200 of /lessons/overview; runs alternate between the two and
# the medians are compared. Prints one line: start: plain X s, aot Y s (ratio aot/plain).
#   bench/start.sh                  # 3 runs each
#   RUNS=5 JAVA25_HOME=/opt/jdk-25 bench/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18083}
WORK=bench/target/start
PAGE="http://127.0.0.1:$PORT/lessons/overview"

. bench/java25.sh
if [ -z "$JAVA25" ]; then
  echo "start: no Java 25 JDK found (looked in /usr/lib/jvm; set JAVA25_HOME)" >&2
  exit 1
fi
JAVA=${JAVA:-java}

JAR=target/docker-tutorial-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK"

# The image's steps: extract, train (the static export: start, serve every page once, exit), then start
# from the cache.
"$JAVA25" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
"$JAVA25" -XX:AOTCacheOutput="$WORK/app/app.aot" -Dspring.aot.enabled=true -jar "$APP_JAR" \
    export "$WORK/training" --tutorial.content-dir=content > "$WORK/training.log" 2>&1
[ -s "$WORK/app/app.aot" ] || { echo "start: the training run made no AOT cache (see $WORK/training.log)" >&2; exit 1; }

APP_PID=
trap '[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true' EXIT

time_to_first_page() { # name, java, args... -> sets WALL_MS and CPU_MS (the JVM's user+system time)
  local name=$1; shift
  local start deadline ticks
  start=$(date +%s%N)
  "$@" --server.port="$PORT" --server.address=127.0.0.1 --tutorial.content-dir=content > "$WORK/$name.log" 2>&1 &
  APP_PID=$!
  deadline=$((start + 120000000000))
  until curl -sf -o /dev/null "$PAGE"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "$(date +%s%N)" -gt "$deadline" ]; then
      echo "start: $name did not serve $PAGE (see $WORK/$name.log)" >&2; exit 1
    fi
    sleep 0.01
  done
  WALL_MS=$((($(date +%s%N) - start) / 1000000))
  ticks=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  CPU_MS=$((ticks * 1000 / $(getconf CLK_TCK)))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

plain=(); aot=()
for i in $(seq "$RUNS"); do
  time_to_first_page plain "$JAVA" -jar "$JAR"
  plain+=("$WALL_MS"); run="run $i: plain $WALL_MS ms (cpu $CPU_MS ms)"
  time_to_first_page aot "$JAVA25" -XX:AOTCache="$WORK/app/app.aot" -Dspring.aot.enabled=true \
      -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -jar "$APP_JAR"
  aot+=("$WALL_MS")
  echo "$run, aot $WALL_MS ms (cpu $CPU_MS ms); load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
p=$(median "${plain[@]}"); a=$(median "${aot[@]}")
awk -v p="$p" -v a="$a" 'BEGIN {printf "start: plain %.1f s, aot %.1f s (ratio %.2f)\n", p/1000, a/1000, a/p}'
