#!/usr/bin/env bash
# Serves the same pages from the app and from nginx (the static export) on loopback, loads both with
# wrk at 32 connections, and prints requests/s, p99, the app/nginx ratio, the app's start-up time to
# its first served page and its peak RSS. Run by hand (needs nginx and wrk: apt-get install nginx wrk).
#   bench/serve.sh            # 15 s per run
#   DURATION=30s bench/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
APP_PORT=${APP_PORT:-18081}
NGINX_PORT=${NGINX_PORT:-18080}
WORK=bench/target/serve
rm -rf "$WORK" && mkdir -p "$WORK/content"
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk (apt-get install nginx wrk)"; exit 1; }

[ -f target/docker-tutorial-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q package -DskipTests
JAR=target/docker-tutorial-0.1.0-SNAPSHOT.jar

# The course, plus a lesson with several explainers.
cp -r content/. "$WORK/content/"
cp src/test/resources/browser-content/01-explainer-cases.md "$WORK/content/90-explainer-cases.md"

java -jar "$JAR" export "$WORK/site" --tutorial.content-dir="$WORK/content" >/dev/null

# Run the app as the Dockerfile does: the extracted jar on Java 25 with an AOT cache from a training run
# (the static export) and Spring's build-time bean wiring; without a Java 25 JDK, on the default java
# with a CDS archive from the same training.
. bench/java25.sh
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
if [ -n "$JAVA25" ]; then
  APP_JAVA=("$JAVA25" -XX:AOTCache="$WORK/app/app.aot" -Dspring.aot.enabled=true)
  "$JAVA25" -XX:AOTCacheOutput="$WORK/app/app.aot" -Dspring.aot.enabled=true -jar "$APP_JAR" \
      export "$WORK/training" --tutorial.content-dir="$WORK/content" >/dev/null 2>&1
else
  APP_JAVA=(java -XX:SharedArchiveFile="$WORK/app/app.jsa")
  java -XX:ArchiveClassesAtExit="$WORK/app/app.jsa" -jar "$APP_JAR" \
      export "$WORK/training" --tutorial.content-dir="$WORK/content" >/dev/null 2>&1
fi

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $PWD/$WORK/nginx.pid;
error_log $PWD/$WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$NGINX_PORT; root $PWD/$WORK/site; }
}
NGINX
nginx -c "$PWD/$WORK/nginx.conf"
trap 'nginx -c "$PWD/$WORK/nginx.conf" -s stop 2>/dev/null || true; kill $APP_PID 2>/dev/null || true' EXIT

start=$(date +%s%N)
"${APP_JAVA[@]}" -Xmx96m -jar "$APP_JAR" --server.port=$APP_PORT --server.address=127.0.0.1 \
     --tutorial.content-dir="$WORK/content" > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/lessons/overview"; do sleep 0.02; done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))

run() { # url -> "requests/s p99_ms"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" > "$WORK/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk.txt")
  [ -n "$errors" ] && echo "  ($1: $errors)" >&2
  echo "$rps $p99"
}

# Warm the JIT before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT/lessons/overview" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT/lessons/explainer-cases" >/dev/null

printf "%-22s %12s %10s %12s %10s %8s\n" page "app req/s" "app p99" "nginx req/s" "nginx p99" "app/nginx"
for page in overview explainer-cases; do
  read -r app_rps app_p99 < <(run "http://127.0.0.1:$APP_PORT/lessons/$page")
  read -r ngx_rps ngx_p99 < <(run "http://127.0.0.1:$NGINX_PORT/lessons/$page.html")
  ratio=$(awk -v a="$app_rps" -v n="$ngx_rps" 'BEGIN {printf "%.2f", a/n}')
  printf "%-22s %12s %8sms %12s %8sms %8s\n" "$page" "$app_rps" "$app_p99" "$ngx_rps" "$ngx_p99" "$ratio"
done
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$APP_PID/status)
echo "app start-up to first served page: ${startup_ms} ms"
echo "app JVM: $("${APP_JAVA[0]}" -version 2>&1 | head -1)"
echo "app peak RSS: $((rss_kb / 1024)) MiB (heap capped with -Xmx96m)"
