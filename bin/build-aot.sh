#!/usr/bin/env bash
# The production build with an AOT cache (README "Start-up with an AOT cache", JEP 483/514/515).
# Finds a JDK 25 or later (JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64 or /usr/lib/jvm/*25*) and
# runs `./mvnw verify -Paot` with it: Quarkus packages the aot-jar, and AotTrainingIT trains
# target/quarkus-app/app.aot on it (a few minutes). Run the result on that same JDK:
#   $JAVA25_HOME/bin/java -XX:AOTCache=quarkus-app/app.aot -Xmx256m … -jar quarkus-app/quarkus-run.jar
# Without a JDK 25 nothing is required: it says so and builds the ordinary fast-jar for Java 17.
# Extra arguments go to Maven (e.g. -Ppostgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA25=${JAVA25_HOME:-}
if [ -z "$JAVA25" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    [ -x "$j/bin/java" ] && { JAVA25=$j; break; }
  done
fi
if [ -n "$JAVA25" ] && "$JAVA25/bin/java" -version 2>&1 | grep -q 'version "\(2[5-9]\|[3-9][0-9]\)'; then
  echo "Building the aot-jar and its AOT cache with $JAVA25"
  JAVA_HOME=$JAVA25 ./mvnw -B verify -Paot "$@"
  echo "Done: target/quarkus-app/ with app.aot. Copy the folder with its timestamps (cp -a, rsync -a, tar) and run it on $JAVA25."
else
  echo "No JDK 25 found (set JAVA25_HOME to one): building the ordinary fast-jar for Java 17 instead, without an AOT cache."
  ./mvnw -B package -DskipTests "$@"
fi
