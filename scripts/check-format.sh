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
while IFS= read -r f; do
  echo "not formatted: $f (run: gofmt -w $f)"
  bad=1
done < <(git ls-files '*.go' | xargs -r "$gofmt" -l)
exit $bad
