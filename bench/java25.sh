# Sourced by the benchmarks: JAVA25 = the java of a Java 25 JDK (JAVA25_HOME, else /usr/lib/jvm), or empty.
JAVA25=
for home in "${JAVA25_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25*; do
  if [ -n "$home" ] && [ -x "$home/bin/java" ] && "$home/bin/java" -version 2>&1 | grep -q 'version "25'; then
    JAVA25="$home/bin/java"
    break
  fi
done
