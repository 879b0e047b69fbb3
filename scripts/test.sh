#!/usr/bin/env bash
# The whole test suite, as the README gives it and as CI runs it: bootstrap, build, unit and corpus tests,
# the differential test against the reference loader, the end-to-end tests against the Docker Engine, then the sanitizer build with its tests and a short fuzz
# run, formatting and clang-tidy on changed files. Prints the time of each stage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="/usr/local/go/bin:$PATH"
jobs=$(nproc)

stage_start=0
stage() {
  local now; now=$(date +%s)
  if [ "$stage_start" -ne 0 ]; then echo "=== stage '$current' took $((now - stage_start))s"; fi
  current="$1"; stage_start=$now
  echo "=== stage '$current'"
}
finish() { stage done; }

stage bootstrap
bash scripts/bootstrap.sh

stage build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_COMPILE_WARNING_AS_ERROR=ON >/dev/null
ninja -C build -j"$jobs"

stage unit-tests
(cd build && ctest --output-on-failure -j"$jobs")

stage differential
bash tests/oracle/build.sh build/oracle
# The unit tests' expected values computed by compose-go (interpolation, port and volume vectors; the
# loader's extends, include and profile goldens) must be what it computes today.
if [ -d ../shared/corpus/public ]; then
  build/oracle/vectors -check -corpus ../shared/corpus/public corpus/frontend/vectors
  bash tests/differential/run.sh --check-goldens build/oracle/compose-config
else
  echo "vectors: ../shared/corpus/public is absent: the goldens are not checked against compose-go" >&2
fi
bash tests/differential/run.sh build/cli/stackc build/oracle/compose-config

stage sarif
bash tests/sarif/run.sh build/cli/stackc build/oracle/sarifcheck

stage engine
# End-to-end tests against the Docker Engine (not in the sanitizer build).
docker_host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
if [ -S "${docker_host#unix://}" ]; then
  bash tests/engine/run.sh build/cli/stackc
else
  echo "engine: no Docker Engine socket (DOCKER_HOST or /var/run/docker.sock); the engine tests need one" >&2
  exit 1
fi

stage format
bash scripts/check-format.sh

stage tidy
bash scripts/tidy-changed.sh build

stage sanitizers
CC=clang-19 CXX=clang++-19 cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DSTACKC_SANITIZE=ON -DSTACKC_FUZZ=ON -DSTACKC_BENCH=OFF -DCMAKE_COMPILE_WARNING_AS_ERROR=ON >/dev/null
ninja -C build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
bash scripts/fuzz-smoke.sh build-asan 60

finish
