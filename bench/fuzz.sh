#!/usr/bin/env bash
# A longer run of the malformed-body fuzz test (src/test/java/org/tradeline/web/MalformedBodiesTest.java):
# COUNT mutated or random bodies, from SEED, to every POST and PUT route; no 5xx, no stack trace,
# nothing changed by a refused request. ./mvnw verify runs 2,000 from a fixed seed.
#
#   bash bench/fuzz.sh [COUNT] [SEED]      COUNT defaults to 20000, SEED to a random one
#
# Each failing request is written to target/fuzz/seed-SEED-request-N.txt; the same COUNT and SEED
# replay the same requests. Exits non-zero when any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
seed=${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "Fuzzing every POST and PUT route with $count bodies from seed $seed"
./mvnw -B -q test -Dskip.npm -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='MalformedBodiesTest#shouldNeverAnswer5xxNorChangeAnythingForMalformedBodies' \
  -Dfuzz.count="$count" -Dfuzz.seed="$seed"
