#!/usr/bin/env bash
# Classroom capacity: N learners join at once (default 10); how long until every sandbox is ready, and what
# their engines cost in memory when idle. As root, after sandbox/host.sh and ./mvnw -q compile.
#   bench/classroom.sh [N]
# Prints one line: classroom: N learners ready in … s (each …), idle: PSS … MiB (… each), RSS …, load ….
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
port=${CLASSROOM_BENCH_PORT:-18490}
token=bench-teacher-token-$$
work=$(mktemp -d)
cleanup() { local rc=$?; kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"; exit "$rc"; }
trap cleanup EXIT

./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "target/classes:$(cat "$work/cp.txt")" io.dockertutorial.DockerTutorialApplication --server.port="$port" \
  --classroom.enabled=true --classroom.teacher-token="$token" --classroom.class-code=BENCH \
  --classroom.max-learners="$n" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 300); do grep -q 'Started DockerTutorialApplication' "$work/app.log" && break; sleep 1; done
grep -q 'classroom mode on' "$work/app.log" || { grep -i classroom "$work/app.log" >&2; echo "classroom: did not start" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
joins=()
for i in $(seq 1 "$n"); do
  curl -s -o /dev/null -c "$work/c$i" -d "code=BENCH&name=bench$i" "http://127.0.0.1:$port/classroom/join" &
  joins+=($!)
done
wait "${joins[@]}" || true
curl -s -o /dev/null -c "$work/t" -b "$work/t" -d "token=$token" "http://127.0.0.1:$port/classroom/teacher/login"
ready=0
for _ in $(seq 1 600); do
  page=$(curl -s -b "$work/t" "http://127.0.0.1:$port/classroom/teacher")
  ready=$(grep -c 'data-state[^>]*>ready<' <<<"$page" || true)
  failed=$(grep -c 'data-state[^>]*>failed<' <<<"$page" || true)
  [ $((ready + failed)) -ge "$n" ] && break
  sleep 0.5
done
all=$(echo "$(date +%s.%N) - $start" | bc)
times=$(grep -o 'data-started[^>]*>[0-9.]* s<' <<<"$page" | sed 's/.*>//; s/ s<//' | sort -n)
sleep 20   # let the engines settle to idle
pss=0; rss=0
for uid in $(seq 20001 $((20000 + n))); do
  for p in $(pgrep -U "$uid" || true); do
    read -r a b < <(awk '/^Pss:/{p=$2} /^Rss:/{r=$2} END{print p+0, r+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo "0 0")
    pss=$((pss + a)); rss=$((rss + b))
  done
done
printf 'classroom: %d learners (%d ready, %s failed) ready in %.1f s after joining at once (each %s–%s s); idle engines: PSS %d MiB (%d each), RSS %d MiB; load before %s, after %s; %s cores\n' \
  "$n" "$ready" "${failed:-0}" "$all" "$(head -n1 <<<"$times")" "$(tail -n1 <<<"$times")" \
  $((pss / 1024)) $((pss / 1024 / n)) $((rss / 1024)) "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
