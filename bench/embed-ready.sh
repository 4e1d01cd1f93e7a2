#!/usr/bin/env bash
# Time to ready of an embedded explainer (issue 26, item 5): from the moment embed.js inserts the frame to the
# moment the frame reports ready and is shown, in headless Chromium, for the seed Dockerfile and for 800
# instructions; median and range of five cold browser loads each (EmbedReadyBenchmark, which surefire does
# not run with the tests). Prints two lines, also written to target/embed-ready.txt with the load average.
# Target: 800 instructions ready within 1.5 s. Needs Debian's chromium and chromedriver. Run by hand:
#   bench/embed-ready.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SE_OFFLINE=true
# surefire:test@default-test alone: -Dtest would also run it again in the pom's fuzz-regression execution.
./mvnw -B -o -q test-compile surefire:test@default-test -Dtest=EmbedReadyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  >target/embed-ready.log 2>&1 \
  || { tail -40 target/embed-ready.log; exit 1; }
cat target/embed-ready.txt
