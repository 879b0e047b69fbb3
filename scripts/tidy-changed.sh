#!/usr/bin/env bash
# Runs clang-tidy-19 (warnings are errors, .clang-tidy) on the C++ sources changed since the main branch's
# merge base, or on the last commit's when that is the whole history; all of them with --all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
if [ "${2:-}" = "--all" ]; then
  files=$(git ls-files '*.cc')
else
  base=$(git rev-parse -q --verify HEAD~1 >/dev/null && echo HEAD~1 || git hash-object -t tree /dev/null)
  files=$(git diff --name-only --diff-filter=AM "$base" -- '*.cc' || true)
fi
files=$(echo "$files" | grep -v '_fuzz\.cc$' | while read -r f; do [ -n "$f" ] && [ -f "$f" ] && echo "$f"; done || true)
if [ -z "$files" ]; then echo "tidy: no changed C++ files"; exit 0; fi
echo "tidy: $(echo "$files" | wc -l) files"
echo "$files" | xargs -P"$(nproc)" -n4 clang-tidy-19 -p "$build" --quiet 2>&1 | grep -v '^[0-9]* warnings generated' || true
# Re-run to get the exit status (xargs above only shows output).
echo "$files" | xargs -P"$(nproc)" -n4 clang-tidy-19 -p "$build" --quiet >/dev/null 2>&1
