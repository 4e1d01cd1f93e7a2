#!/usr/bin/env bash
# Lighthouse (from npm) against the app, with Debian's Chromium: performance, accessibility, best
# practices and SEO for the home page, a lesson and the playground, on the mobile and the desktop preset.
# Fails when a performance score is under the budget (98). Run by hand:
#   bench/lighthouse.sh                 # all pages, both presets
#   PAGES="/lessons/overview" bench/lighthouse.sh
#   SKIP_BUILD=1 bench/lighthouse.sh    # use the jar in target/ as it is
# Needs Node 20+ and npm (Lighthouse 12.x; 13.x wants Node 22), and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=12.8.2
BUDGET=${BUDGET:-98}
PORT=${PORT:-18083}
PAGES=${PAGES:-"/ /lessons/overview /playground"}
WORK=bench/target/lighthouse
CHROME=${CHROME_PATH:-/usr/bin/chromium}
mkdir -p "$WORK"
command -v node >/dev/null && command -v npm >/dev/null || { echo "needs node and npm"; exit 1; }
[ -x "$CHROME" ] || { echo "needs Chromium at $CHROME (apt-get install chromium)"; exit 1; }

if [ ! -x "$WORK/node_modules/.bin/lighthouse" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q package -DskipTests >"$WORK/build.log" 2>&1 || { echo "build failed; see $WORK/build.log"; exit 1; }
java -jar target/docker-tutorial-0.1.0-SNAPSHOT.jar --server.port="$PORT" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health" >/dev/null || { echo "the app did not start; see $WORK/app.log"; exit 1; }

FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
printf '%-22s %-8s %5s %5s %5s %5s\n' page preset perf a11y bp seo
status=0
for page in $PAGES; do
  # Warm the page cache, as a returning server would be.
  curl -fs "http://localhost:$PORT$page" >/dev/null
  for preset in mobile desktop; do
    name=$(echo "$page" | tr '/' '_')
    out="$WORK/${name:-_}-$preset.json"
    extra=()
    [ "$preset" = desktop ] && extra=(--preset=desktop)
    CHROME_PATH="$CHROME" "$WORK/node_modules/.bin/lighthouse" "http://localhost:$PORT$page" \
      --quiet --output=json --output-path="$out" --chrome-flags="$FLAGS" \
      --only-categories=performance,accessibility,best-practices,seo "${extra[@]}" >/dev/null 2>"$WORK/lighthouse.log" \
      || { echo "lighthouse failed for $page ($preset); see $WORK/lighthouse.log"; exit 1; }
    scores=$(node -e '
      const r = require(process.argv[1]); const c = r.categories;
      const s = k => Math.round(c[k].score * 100);
      console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo")].join(" "));' "$PWD/$out")
    read -r perf a11y bp seo <<<"$scores"
    printf '%-22s %-8s %5s %5s %5s %5s\n' "$page" "$preset" "$perf" "$a11y" "$bp" "$seo"
    [ "$perf" -ge "$BUDGET" ] || status=1
  done
done
[ $status -eq 0 ] && echo "performance >= $BUDGET everywhere" || echo "performance under $BUDGET somewhere (reports in $WORK)"
exit $status
