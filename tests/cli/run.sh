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
# Reachability drawn for people (reviewed by hand against the brief: web reaches db only through app).
check graph-three-tier-chains "$here/../../examples/three-tier" "$here/graph/three-tier-chains.txt" \
  graph --format text --chains-from web
check graph-three-tier-dot "$here/../../examples/three-tier" "$here/graph/three-tier.dot" graph --format dot
check graph-two-tier-mermaid "$here/../../examples/two-tier" "$here/graph/two-tier.mmd" graph --format mermaid
# Each subcommand declares its options only when it runs (cli/deferred_options.h): its help lists them
# all, as recorded before the deferral, and an option of another subcommand is refused.
for cmd in config plan apply down ps logs compile lint explain graph; do
  check "help-$cmd" "$here" "$here/help/$cmd.txt" "$cmd" --help
done
err=$(cd "$here/../../examples/three-tier" && "$stackc" config --exit-zero 2>&1 >/dev/null); rc=$?
name="options-of-another-subcommand-are-refused"
ok() { if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi; }
ok test "$rc:$err" = "2:error: unknown flag: --exit-zero
Run 'stackc --help' for usage."
# lint --fix rewrites the files on disk (the goldens of corpus/lint/fix/), and a baseline silences
# what it recorded but not a new finding.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for golden in unquoted_port unused_definitions; do
  mkdir -p "$tmp/$golden" && cp "$here/../../corpus/lint/fix/$golden.yaml" "$tmp/$golden/compose.yaml"
  (cd "$tmp/$golden" && "$stackc" lint --fix >/dev/null 2>&1)
  name="lint-fix-$golden"; ok cmp -s "$tmp/$golden/compose.yaml" "$here/../../corpus/lint/fix/$golden.fixed.yaml"
done
mkdir -p "$tmp/base" && cp "$here/../../examples/three-tier/docker-compose.yaml" "$tmp/base/compose.yaml"
(cd "$tmp/base" && "$stackc" lint --write-baseline base.json >/dev/null 2>&1)
name="lint-baseline-silences"; ok bash -c "cd '$tmp/base' && '$stackc' lint --baseline base.json >/dev/null 2>&1"
printf '    privileged: true\n' >>"$tmp/base/compose.yaml"
name="lint-baseline-new-finding-fails"
ok bash -c "cd '$tmp/base' && '$stackc' lint --baseline base.json >out.txt 2>&1; test \$? -eq 1 && grep -q CTR001 out.txt"
# Only the new finding is shown, the nine recorded ones are counted, and JSON holds the one finding.
name="lint-baseline-shows-only-the-new-finding"
ok bash -c "cd '$tmp/base' && grep -qx '9 known problems in the baseline not shown' out.txt && grep -qx 'found 1 problem (1 error, 0 warnings, 0 notes)' out.txt && test \"\$('$stackc' lint --baseline base.json --format json | grep -c '\"code\"')\" = 1"
# Fixes that are fine one by one but not together (two unused networks: the section would be left
# empty) are applied one per round; a symbolic link stays a link; `--select X FILE` keeps FILE.
mkdir -p "$tmp/two" && printf 'services: {web: {image: nginx:1.25}}\nnetworks:\n  front: {}\n  back: {}\n' >"$tmp/two/compose.yaml"
(cd "$tmp/two" && "$stackc" lint --fix >/dev/null 2>&1)
name="lint-fix-keeps-the-project-loadable"
ok bash -c "cd '$tmp/two' && test \"\$(cat compose.yaml)\" = 'services: {web: {image: nginx:1.25}}' && '$stackc' config -q"
mkdir -p "$tmp/link/real" && printf 'version: "3"\nservices: {web: {image: nginx:1.25}}\n' >"$tmp/link/real/c.yaml"
ln -s real/c.yaml "$tmp/link/compose.yaml"
(cd "$tmp/link" && "$stackc" lint --fix compose.yaml >/dev/null 2>&1)
name="lint-fix-keeps-a-symbolic-link"
ok bash -c "test -L '$tmp/link/compose.yaml' && ! grep -q version '$tmp/link/real/c.yaml' && test -z \"\$(ls '$tmp/link/real' | grep -v '^c.yaml$')\""
name="lint-select-then-a-file"
ok bash -c "cd '$tmp/link' && '$stackc' lint --select STY001 compose.yaml >/dev/null 2>&1"
# A loader warning's code frame masks a secret on its line, in every command but config (which prints
# the user's own file).
mkdir -p "$tmp/mask" && printf 'services:\n  app:\n    image: example/app:1.0\n    environment:\n      DB_URL: postgres://app:pw-in-url-1@${DB_HOST}/app\n' >"$tmp/mask/compose.yaml"
for cmd in "lint" "compile --target docker"; do
  name="warning-masks-secrets-$cmd"
  ok bash -c "cd '$tmp/mask' && env -u DB_HOST '$stackc' $cmd >/dev/null 2>err.txt; grep -q 'LOAD062' err.txt && grep -q 'app:\*\*\*' err.txt && ! grep -q pw-in-url err.txt"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
