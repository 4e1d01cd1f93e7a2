#!/usr/bin/env bash
# Replays every request of the security review (shared/design/security-review-2026-12-02.md) against the jar,
# started with the JVM flags of the image (the Dockerfile's ENTRYPOINT: -XX:+ExitOnOutOfMemoryError, and the
# heap its MaxRAMPercentage=75 gives under deploy/kubernetes.yaml's 384 Mi limit: -Xmx288m), while a probe
# loads a lesson page over and over. Prints one line:
#   hostile: N requests, process alive, lesson p99 X ms under attack, slowest answer Y s
# or "process DEAD" (exit 1). Checks that must hold (no poisoned page, no file outside content/ served, HSTS,
# relative redirects) are listed in bench/target/hostile/checks.txt; a failed one also exits 1.
# Each request's status and time are in bench/target/hostile/*.txt, the app's log in app.log.
#
# The per-client rate limit is raised for the run (RATE_LIMIT=on keeps the default): from one address it
# would refuse most of the attack with 429 before the analyses ever saw it, and a class of 30 attackers
# has 30 addresses. What must hold the process up is admission (503), the body deadline and the engine's
# own budgets.
#   bench/hostile.sh                 # builds the jar first
#   SKIP_BUILD=1 bench/hostile.sh    # uses target/docker-tutorial-0.1.0-SNAPSHOT.jar as it is
set -uo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18083}
B="http://127.0.0.1:$PORT"
WORK=bench/target/hostile
JAR=target/docker-tutorial-0.1.0-SNAPSHOT.jar
rm -rf "$WORK" && mkdir -p "$WORK/in" "$WORK/out"
command -v curl >/dev/null && command -v python3 >/dev/null || { echo "needs curl and python3" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q package -DskipTests >"$WORK/build.log" 2>&1 || { echo "build failed: $WORK/build.log" >&2; exit 2; }
fi

# The image's JVM flags, read from the Dockerfile: every -XX flag of the ENTRYPOINT except the AOT cache
# (built only in the image) and MaxRAMPercentage, which stands for the heap it gives in the pod: -Xmx288m.
mapfile -t IMAGE_FLAGS < <(grep '^ENTRYPOINT' Dockerfile | grep -o '"-XX:[^"]*"' | tr -d '"' \
    | grep -v -e AOTCache -e MaxRAMPercentage)
JVM_FLAGS=(-Xmx288m "${IMAGE_FLAGS[@]}")
printf '%s\n' "${JVM_FLAGS[@]}" | grep -q ExitOnOutOfMemoryError || { echo "no -XX:+ExitOnOutOfMemoryError in the Dockerfile's ENTRYPOINT" >&2; exit 2; }

# A copy of the course with what the review added: linked images and lessons (M3), a hard link in an example
# project (L4) and 20,000 files under node_modules (M4).
CONTENT="$WORK/content"
OUTSIDE="$WORK/outside"
cp -r content "$CONTENT"
mkdir -p "$OUTSIDE" "$CONTENT/90-evil" "$CONTENT/examples/evilproj"
echo "OUTSIDE-SECRET" > "$OUTSIDE/secret.txt"
printf -- '---\ntitle: Evil\n---\n![leak](leak.png)\n' > "$CONTENT/90-evil/index.md"
ln -s "$PWD/$OUTSIDE/secret.txt" "$CONTENT/90-evil/leak.png"
ln -s /proc/self/cmdline "$CONTENT/90-evil/cmdline.png"
printf -- '---\ntitle: Linked\n---\nOUTSIDE-LESSON\n' > "$OUTSIDE/linked.md"
ln -s "$PWD/$OUTSIDE/linked.md" "$CONTENT/92-symlinked.md"
printf 'FROM alpine\n' > "$CONTENT/examples/evilproj/Dockerfile"
ln "$OUTSIDE/secret.txt" "$CONTENT/examples/evilproj/hard.txt" 2>/dev/null || true
python3 - "$CONTENT/examples/cache-demo/node_modules" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(200):
    p = os.path.join(root, f"pkg{d}", "lib")
    os.makedirs(p, exist_ok=True)
    for f in range(100):
        open(os.path.join(p, f"f{f}.js"), "w").close()
PY

RATE=()
[ "${RATE_LIMIT:-off}" = on ] || RATE=(--tutorial.rate-limit-burst=1000000 --tutorial.rate-limit-per-minute=1000000)
java "${JVM_FLAGS[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
     --tutorial.content-dir="$CONTENT" "${RATE[@]}" >"$WORK/app.log" 2>&1 &
APP=$!
PROBE=
trap 'kill $APP 2>/dev/null; [ -n "$PROBE" ] && kill $PROBE 2>/dev/null; true' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$B/lessons/overview" && break
  kill -0 $APP 2>/dev/null || break
  sleep 0.2
done

# --- the inputs of the review ---
I="$WORK/in"
python3 - "$I" <<'PY'
import json, sys
d = sys.argv[1]
def w(name, text): open(f"{d}/{name}", "w").write(text)
bomb = "FROM alpine\nARG a=aaaaaaaaaaaaaaaa\n" + "ARG a=${a}${a}\n" * 24 + "RUN echo $a\n"
w("bomb.txt", bomb)                                                                 # H1
w("bomb-cache.json", json.dumps({"dockerfile": bomb, "context": ["a"]}))
w("manylines.txt", "FROM alpine\n" + "RUN a\n" * 10000)                              # H5
n = "a" * 40
w("ignore.json", json.dumps({"dockerfile": "FROM alpine\nCOPY . .\n", "context": [n],
                             "dockerignore": "*a*a*a*a*a*a*a*b"}))                  # H2a
w("copyglob.json", json.dumps({"dockerfile": "FROM alpine\nCOPY *a*a*a*a*a*a*a*b ./\n", "context": [n]}))  # H2b
w("trim.txt", "FROM alpine\nARG X=" + n + "\nENV Y=${X%%*a*a*a*a*a*a*b}\nWORKDIR ${X%%*a*a*a*a*a*a*b}\n")  # H2c
w("trim-hash.txt", "FROM alpine\nARG X=" + n + "\nENV Y=${X#*a*a*a*a*a*b}\nENV Z=${X/*a*a*a*a*a*b/}\n")
w("nested.txt", "FROM alpine\nENV b=" + "${a:-" * 8000 + "x" + "}" * 8000 + "\n")  # M1
w("stages.json", json.dumps({"dockerfile": "FROM alpine AS s0\n" + "".join(
    f"FROM s{i-1} AS s{i}\n" for i in range(1, 2704)), "context": []}))             # M5
w("copyfrom.txt", "FROM alpine AS s0\n" + "".join(f"FROM alpine AS s{i}\nCOPY --from=s{i-1} /a /a\n" for i in range(1, 1800)))
w("argchain.txt", "FROM alpine\nARG v0=x\n" + "".join(f"ARG v{i}=${{v{i-1}}}${{v{i-1}}}\n" for i in range(1, 2700)))
files = [f"d{i}/f{i}.txt" for i in range(2500)]
w("rules.json", json.dumps({"dockerfile": "FROM alpine\n" + "COPY . .\n" * 300, "context": files,
                            "dockerignore": "\n".join(f"d{i}*/x" for i in range(1300))}))
PY

# --- the probe: a lesson page, every 100 ms, for as long as the attack lasts ---
(
  while kill -0 $APP 2>/dev/null && [ ! -f "$WORK/stop" ]; do
    curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' "$B/lessons/overview" >>"$WORK/probe.txt"
    sleep 0.1
  done
) &
PROBE=$!
sleep 0.5

O="$WORK/out"
PIDS=()
spawn() { "$@" & PIDS+=($!); }       # an attacking request in the background
join() { wait "${PIDS[@]}"; PIDS=(); } # waits for the attack (never for the probe)
req() { # name curl-args... : one request, its status and time appended to out/name.txt (000: no answer in 60 s)
  local name=$1 line; shift
  line=$(curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}' "$@" 2>/dev/null)
  if [ "$?" -ne 0 ]; then line="000 ${line#* }"; fi
  echo "${line:-000 60}" >>"$O/$name.txt"
}
explain() { req "$1" -H 'Content-Type: text/plain' --data-binary "@$I/$2" "$B/api/explain"; }
cache() { req "$1" -H 'Content-Type: application/json' --data-binary "@$I/$2" "$B/api/cache"; }
embed() { req "$1" -G --data-urlencode "dockerfile@$I/$2" "$B/embed/explain"; }
playground() { req "$1" --data-urlencode "dockerfile@$I/$2" "$B/playground"; }

# H4: 2,000 HEADs with one-off query strings, 8 at a time.
for i in $(seq 1 2000); do printf 'url = "%s/lessons/fixing-the-overview?p=%d"\noutput = "/dev/null"\n' "$B" "$i"; done >"$WORK/heads.cfg"
spawn curl -s -I -m 60 -K "$WORK/heads.cfg" --parallel --parallel-max 8 -w '%{http_code} %{time_total}\n' >"$O/heads.txt" 2>/dev/null
# H5: 16 concurrent 60 KB analyses.
for _ in $(seq 1 16); do spawn explain many manylines.txt; done
# M2: a trickled body, a byte a second.
python3 - "$PORT" >>"$O/trickle.txt" <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /api/explain HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 65000\r\n\r\n")
start, status = time.time(), "000"
s.settimeout(1)
while time.time() - start < 60:
    try:
        s.sendall(b"a")
        data = s.recv(4096)
        if not data:
            break
        if status == "000":
            status = data[9:12].decode()
    except socket.timeout:
        continue
    except OSError:
        break
print(status, round(time.time() - start, 3))
PY
PIDS+=($!)
join

# The engine reproducers, each through every route it reaches, two at a time per kind.
spawn explain bomb bomb.txt; spawn embed bomb bomb.txt; spawn cache bomb bomb-cache.json; spawn playground bomb bomb.txt; join
spawn cache glob ignore.json; spawn cache glob copyglob.json; join
spawn explain glob trim.txt; spawn embed glob trim.txt; spawn explain glob trim-hash.txt; spawn playground glob trim.txt; join
spawn explain nested nested.txt; spawn embed nested nested.txt; spawn playground nested nested.txt; join
spawn cache linear stages.json; spawn explain linear copyfrom.txt; spawn explain linear argchain.txt; spawn cache linear rules.json; join
# A crowd: 48 of them at once (review M5), mixed.
for _ in $(seq 1 12); do
  spawn explain crowd trim.txt; spawn cache crowd ignore.json; spawn explain crowd nested.txt; spawn explain crowd bomb.txt
done
join
touch "$WORK/stop"
while kill -0 $PROBE 2>/dev/null; do sleep 0.2; done

# --- checks that must hold ---
CHECKS="$WORK/checks.txt"; : >"$CHECKS"
check() { if eval "$2"; then echo "ok   $1" >>"$CHECKS"; else echo "FAIL $1" >>"$CHECKS"; fi; }
alive() { kill -0 $APP 2>/dev/null && curl -sf -o /dev/null -m 30 "$B/lessons/overview"; }
if alive; then
  curl -s -o /dev/null -H 'Host: school.lan' -H 'X-Forwarded-Host: evil.example' -H 'X-Forwarded-Proto: https' "$B/embed"
  curl -s -o /dev/null -H 'X-Forwarded-Host: evil.example' -H 'X-Forwarded-Proto: https' "$B/lessons/security-basics"
  check "H3: /embed for school.lan names no other host" "! curl -s -H 'Host: school.lan' $B/embed | grep -q evil.example"
  check "H3: a lesson for an ordinary visitor names no other host" "! curl -s $B/lessons/security-basics | grep -q evil.example"
  check "H4: no 5xx among the 2,000 HEADs" "! grep -q '^5' $O/heads.txt"
  check "M3: a linked image is not served" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' $B/lessons/evil/leak.png)\" = 404 ]"
  check "M3: /proc/self/cmdline is not served" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' $B/lessons/evil/cmdline.png)\" = 404 ]"
  check "M3: a linked lesson is not rendered" "! curl -s $B/lessons/symlinked | grep -q OUTSIDE-LESSON"
  check "M2: the trickled body was refused (408) within 30 s" "awk '{ exit !(\$1 == 408 && \$2 < 30) }' $O/trickle.txt"
  check "L1: redirects are relative" "curl -sI -H 'X-Forwarded-Host: evil.example' $B/lessons | tr -d '\r' | grep -qi '^location: /$'"
  check "L2: HSTS behind a TLS proxy" "curl -sI -H 'X-Forwarded-Proto: https' $B/ | grep -qi '^strict-transport-security'"
  check "no request answered 500" "! cat $O/*.txt | grep -q '^500'"
  check "the log has no stack trace" "! grep -q '^\sat ' $WORK/app.log"
  STATE=alive
else
  STATE=DEAD
fi

requests=$(cat "$O"/*.txt | wc -l)
p99=$(awk '{ print $2 * 1000 }' "$WORK/probe.txt" | sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; printf "%d", v[i] }')
slowest=$(cat "$O"/*.txt | awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { printf "%.1f", m }')
echo "hostile: $requests requests, process $STATE, lesson p99 $p99 ms under attack, slowest answer $slowest s"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); probe: $(wc -l <"$WORK/probe.txt") loads" >>"$CHECKS"
if [ "$STATE" = DEAD ]; then
  grep -m1 -i "outofmemory\|Terminating" "$WORK/app.log" >&2
  exit 1
fi
if grep -q '^FAIL' "$CHECKS"; then grep '^FAIL' "$CHECKS" >&2; exit 1; fi
