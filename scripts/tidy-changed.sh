#!/usr/bin/env bash
# Runs clang-tidy-19 (.clang-tidy; every warning is an error) on the C++ sources changed by the last commit, or
# on all of them with --all. Usage: tidy-changed.sh BUILD_DIR [--all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
if [ "${2:-}" = "--all" ] || ! git rev-parse -q --verify HEAD~1 >/dev/null; then
  files=$(git ls-files '*.cc')
else
  files=$(git diff --name-only --diff-filter=AM HEAD~1 -- '*.cc' || true)
fi
files=$(for f in $files; do case "$f" in tests/fuzz/*) ;; *) [ -f "$f" ] && echo "$f" ;; esac; done)
if [ -z "$files" ]; then echo "tidy: no changed C++ files"; exit 0; fi
echo "tidy: $(echo "$files" | wc -l) files"
log=$(mktemp); trap 'rm -f "$log"' EXIT
status=0
echo "$files" | xargs -P"$(nproc)" -n2 clang-tidy-19 -p "$build" --quiet --extra-arg=-Wno-deprecated-declarations >"$log" 2>&1 || status=$?
grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed|^Use -header-filter' "$log" || true
exit $status
