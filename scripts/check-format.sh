#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format-19's output, or a Go file (the test oracles) from gofmt's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bad=0
while IFS= read -r f; do
  if ! clang-format-19 --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (run: clang-format-19 -i $f)"
    bad=1
  fi
done < <(git ls-files '*.cc' '*.h')
gofmt="$(command -v gofmt || echo /usr/local/go/bin/gofmt)"
[ -x "$gofmt" ] || { echo "check-format: gofmt not found (expected on PATH or in /usr/local/go/bin)"; exit 1; }
if ! unformatted=$(git ls-files -z '*.go' | xargs -0 -r "$gofmt" -l); then
  echo "check-format: gofmt failed"
  exit 1
fi
for f in $unformatted; do
  echo "not formatted: $f (run: gofmt -w $f)"
  bad=1
done
exit $bad
