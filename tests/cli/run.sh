#!/usr/bin/env bash
# CLI outputs that the differential oracle does not cover, against goldens recorded from the real Docker
# Compose v5.5.0 (scripts/build-reference.sh builds it; `docker-compose -f compose.yaml config --variables`).
# Usage: run.sh PATH/TO/stackc
set -uo pipefail
stackc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pass=0; fail=0
check() {
  local name="$1" dir="$2" golden="$3"; shift 3
  if diff -u "$golden" <(cd "$dir" && env -i PATH=/usr/bin:/bin HOME=/tmp "$stackc" "$@" 2>/dev/null); then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name"
  fi
}
# compose prints the table rows in Go map order: the golden has them sorted, as stackc prints them.
check variables-table "$here/variables" "$here/variables/expected.txt" config -f compose.yaml --variables
check variables-yaml "$here/variables" "$here/variables/expected.yaml" config -f compose.yaml --variables --format yaml
check variables-json "$here/variables" "$here/variables/expected.json" config -f compose.yaml --variables --format json
# Configuration hashes (compose.ServiceHash), in service order (compose prints them in map order).
check hash-three-tier "$here/../../examples/three-tier" "$here/hash/three-tier.txt" config --hash '*'
if [ -d "$here/../../../shared/corpus/public/awesome-compose/nginx-flask-mysql" ]; then
  check hash-selected "$here/../../../shared/corpus/public/awesome-compose/nginx-flask-mysql" \
    "$here/hash/nginx-flask-mysql.txt" config --hash backend,db
fi
check hash-default-platform "$here/hash-platform" "$here/hash-platform/expected.txt" \
  config -f compose.yaml --hash web,multi
# Images, with pre_start hook images that differ from the service's (api.GetDependentImages).
check images-hooks "$here/images" "$here/images/expected.txt" config -f compose.yaml --images
# The Docker Engine plan for an empty Engine (stackc's own format: recorded from stackc, reviewed by
# hand against the brief's stacks).
check compile-three-tier "$here/../../examples/three-tier" "$here/compile/three-tier.txt" \
  compile --target docker
check compile-two-tier-json "$here/../../examples/two-tier" "$here/compile/two-tier.json" \
  -p compose compile --target docker --scale os=2 --format json
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
