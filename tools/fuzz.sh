#!/usr/bin/env bash
# Fuzzes every @FuzzTest target of testkit, one after the other (Jazzer fuzzes one target per JVM).
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default 600 s, every target
# A crash fails the run and is saved beside the target's inputs
# (testkit/src/test/resources/io/github/berth/testkit/fuzz/<Class>Inputs/<method>/crash-...):
# fix the bug, keep the file (it runs in every `mvn -B verify`), commit both. See docs/fuzzing.md.
set -u
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    JsonFuzzTest#readEveryRequestType
    JsonFuzzTest#readTaskDefinitionFile
    ValidationFuzzTest#validateTaskDefinition
    ValidationFuzzTest#validateScalingRequest
    QueryFuzzTest#parsePrintAndEvaluate
    PlacementFuzzTest#placeRunTask
    ScalingFuzzTest#readCsvAndSimulate
    ScalingFuzzTest#scheduleExpressions
    WireFuzzTest#dispatch
  )
fi
status=0
for t in "${targets[@]}"; do
  echo "=== $t (${seconds}s)"
  JAZZER_FUZZ=1 mvn -B -o -pl testkit -am -Pfuzz verify -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.seconds="$seconds" > "target-fuzz-${t//#/-}.log" 2>&1 || status=1
  grep -E '^#[0-9]+.*(DONE|pulse|NEW)|stat::|Test.*(FAIL|ERROR)|crash-|Tests run:' "target-fuzz-${t//#/-}.log" | tail -6
done
exit $status
