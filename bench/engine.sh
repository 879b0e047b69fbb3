#!/usr/bin/env bash
# Engine benchmarks: `stackc apply --wait` against Docker Compose v5.5.0's `up -d --wait` on the
# three-tier test stack and on a 20-service stack with depends_on chains and healthchecks (cold:
# after `down`; median wall time until everything is healthy), and a no-op re-apply. Needs the
# Docker Engine and the Compose binary of scripts/build-reference.sh. Usage: bench/engine.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTACKC_TESTS=OFF >/dev/null
ninja -C build-release stackc >/dev/null
stackc="$root/build-release/cli/stackc"
compose="$(bash scripts/build-reference.sh)"
bash tests/engine/make-image.sh
work=$(mktemp -d)
export STACKC_E2E_DIR="$work/host" STACKC_E2E_PORT=$((20000 + RANDOM % 20000)) STACKC_E2E_SECRET=bench
mkdir -p "$STACKC_E2E_DIR"
python3 bench/gen_engine_stack.py 20 5 > "$work/stack-20.yaml"
cleanup() {
  for stack in "$work/stack-20.yaml" tests/engine/stacks/three-tier.yaml; do
    "$stackc" -p "stackc-bench-$$-stackc" -f "$stack" down -t 1 --progress plain >/dev/null 2>&1 || true
    "$compose" -p "stackc-bench-$$-compose" -f "$stack" down -t 1 >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

printf '| stack | tool | cold apply to healthy, median ms | no-op re-apply, median ms |\n|---|---|---|---|\n'
for stack in tests/engine/stacks/three-tier.yaml "$work/stack-20.yaml"; do
  name=$(basename "$stack" .yaml)
  for tool in stackc compose; do
    p="stackc-bench-$$-$tool"  # each tool removes only what it created
    cold=(); noop=()
    for _ in $(seq "$runs"); do
      if [ "$tool" = stackc ]; then
        "$stackc" -p "$p" -f "$stack" down -t 1 --progress plain >/dev/null 2>&1
        cold+=("$(ms "$stackc" -p "$p" -f "$stack" apply --wait --progress plain)")
        noop+=("$(ms "$stackc" -p "$p" -f "$stack" apply --wait --progress plain)")
      else
        "$compose" -p "$p" -f "$stack" down -t 1 >/dev/null 2>&1
        cold+=("$(ms "$compose" -p "$p" -f "$stack" up -d --wait)")
        noop+=("$(ms "$compose" -p "$p" -f "$stack" up -d --wait)")
      fi
    done
    c=$(printf '%s\n' "${cold[@]}" | median); o=$(printf '%s\n' "${noop[@]}" | median)
    printf '| %s | %s | %s | %s |\n' "$name" "$tool" "$c" "$o"
    if [ "$tool" = stackc ]; then
      "$stackc" -p "$p" -f "$stack" down -t 1 --progress plain >/dev/null 2>&1
    else
      "$compose" -p "$p" -f "$stack" down -t 1 >/dev/null 2>&1
    fi
  done
done
