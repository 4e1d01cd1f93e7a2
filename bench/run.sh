#!/usr/bin/env bash
# JMH benchmark of parse + explain + lint at 1k, 10k and 100k lines. Prints each size's time and
# the ratio to the 1k run scaled by size (1.00 = perfectly linear). Run by hand; not part of CI.
set -euo pipefail
cd "$(dirname "$0")"
../mvnw -B -q -f pom.xml package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main ExplainBenchmark -rf csv -rff target/jmh.csv "$@"
echo
echo "lines,ms per explain,ms per 1k lines,cost per line relative to 1k"
awk -F, 'NR>1 { gsub(/"/, ""); n=$NF; ms=$5; per=ms/(n/1000); if (!base) base=per; printf "%s,%.2f,%.3f,%.2f\n", n, ms, per, per/base }' target/jmh.csv
