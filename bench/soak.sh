#!/usr/bin/env bash
# Soak test (run by hand; needs wrk): 5 minutes at 256 connections against the app on loopback, mixing
# pages, assets, valid/broken/oversized API calls and 404s. Reports 5xx, connection errors, p99, and the
# heap after a full GC at the start and at the end.   DURATION=60s bench/soak.sh for a shorter run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5m}
CONNECTIONS=${CONNECTIONS:-256}
PORT=18082
WORK=bench/target/soak
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
[ -f target/docker-tutorial-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q package -DskipTests

java -Xmx256m -jar target/docker-tutorial-0.1.0-SNAPSHOT.jar --server.port=$PORT --server.address=127.0.0.1 \
     > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.1; done

heap_after_gc() {
  jcmd "$APP" GC.run >/dev/null
  sleep 1
  jcmd "$APP" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); gsub(/K,?/, "", v); print int(v / 1024); exit } }'
}

# Warm up at full concurrency, so thread pools and buffers have grown before the baseline is taken.
wrk -t2 -c"$CONNECTIONS" -d30s --timeout 10s -s bench/soak.lua "http://127.0.0.1:$PORT" >/dev/null
start_heap=$(heap_after_gc)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/soak.lua "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt" | grep -E "SOAK|Requests/sec"
end_heap=$(heap_after_gc)
echo "heap after full GC: start ${start_heap} MiB, end ${end_heap} MiB ($(awk -v s="$start_heap" -v e="$end_heap" 'BEGIN { printf "%+.1f%%", (e - s) * 100 / s }'))"
echo "ERROR lines in the app log: $(grep -c " ERROR " "$WORK/app.log" || true)"
