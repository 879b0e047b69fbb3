#!/usr/bin/env bash
# A short libFuzzer run of the loader on the seed corpus (corpus/fuzz/loader plus the awesome-compose files when
# ../shared is there). Usage: fuzz-smoke.sh BUILD_DIR SECONDS
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="$1"; seconds="${2:-60}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp corpus/fuzz/loader/* "$work/"
if [ -d ../shared/corpus/public/awesome-compose ]; then
  i=0; for f in ../shared/corpus/public/awesome-compose/*/compose.y*ml; do cp "$f" "$work/ac$i.yaml"; i=$((i+1)); done
fi
"$build/tests/yaml_fuzz" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 "$work" 2>&1 | tail -15
