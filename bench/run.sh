#!/usr/bin/env bash
# Whole-process benchmarks of `stackc config` and `stackc lint` (Release build): median wall time over repeated runs and peak
# memory from /usr/bin/time, each also as a ratio to the PyYAML yardstick of ../shared/bench/README.md measured
# in the same run; Docker Compose v5.5.0's own `config` on the same inputs when scripts/build-reference.sh has
# built it. Usage: bench/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-21}"
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTACKC_TESTS=OFF >/dev/null
ninja -C build-release stackc >/dev/null
stackc="$root/build-release/cli/stackc"
# How much of the code a short run executes the Release link still places together (README, "link order").
bash scripts/gen-link-order.sh --check "$stackc" || true
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
small="$root/examples/three-tier/docker-compose.yaml"
large="$root/../shared/bench/large-2000.yaml"
python3 bench/gen_project.py 2000 > "$work/gen-2000.yaml"
python3 bench/gen_project.py 4000 > "$work/gen-4000.yaml"
compose="${XDG_CACHE_HOME:-$HOME/.cache}/stackc/docker-compose-v5.5.0"
python3 bench/measure.py "$runs" "$stackc" "$compose" "$small" "$large" "$work/gen-2000.yaml" "$work/gen-4000.yaml"
