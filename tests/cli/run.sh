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
check graph-three-tier-mermaid "$here/../../examples/three-tier" "$here/graph/three-tier.mmd" \
  graph --format mermaid
check graph-three-tier-json "$here/../../examples/three-tier" "$here/graph/three-tier.json" graph --format json
# Exposure in every format: web publishes (loopback and every interface), agent is in the host's
# network, and sealed's port is not drawn: on an internal network only, the Engine maps nothing.
for format in dot mermaid json; do
  ext=$format; [ "$format" = mermaid ] && ext=mmd
  check "graph-exposure-$format" "$here/graph/exposure" "$here/graph/exposure/expected.$ext" \
    graph --format "$format"
done
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
# The options of lint and config, on small projects written for them (lint-options/, config-options/;
# goldens recorded from stackc and reviewed by hand against the README). check_rc NAME DIR RC
# [VAR=VALUE...] ARGS... runs stackc in DIR as check does, with the VAR=VALUE words added to its
# environment, and checks its exit code; it leaves the run's output in $tmp/stdout and $tmp/stderr with
# DIR's absolute path written '.' (stackc names files by absolute path; goldens hold no path of this
# machine). check_file NAME GOLDEN FILE diffs one of them (or any file) with a golden.
vars_and_args() {  # sets vars (the leading VAR=VALUE words) and args (the rest)
  vars=(); args=("$@")
  while [ ${#args[@]} -gt 0 ] && [[ "${args[0]}" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do
    vars+=("${args[0]}"); args=("${args[@]:1}")
  done
}
check_rc() {
  local name="$1" dir="$2" want="$3" abs pattern rc f vars args; shift 3
  vars_and_args "$@"
  (cd "$dir" && env -i PATH=/usr/bin:/bin HOME=/tmp "${vars[@]}" "$stackc" "${args[@]}") \
    >"$tmp/stdout.raw" 2>"$tmp/stderr.raw"
  rc=$?
  abs=$(cd "$dir" && pwd -P); pattern=$(printf '%s' "$abs" | sed 's/[][\\|.*^$]/\\&/g')
  for f in stdout stderr; do sed "s|$pattern|.|g" "$tmp/$f.raw" >"$tmp/$f"; done
  if [ "$rc" -eq "$want" ]; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name (exit $rc, expected $want)"; sed 's/^/     /' "$tmp/stderr"
  fi
}
check_file() {
  local name="$1" golden="$2" file="$3"
  if diff -u "$golden" "$file"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name"
  fi
}
lo="$here/lint-options"; co="$here/config-options"
# --fail-on: a project with warnings only passes at the default threshold (error) and fails at
# warning; one with a note only fails at note and not at warning; another value is a usage error.
check_rc lint-warnings-only "$lo/warnings" 0 lint
check_file lint-warnings-only-report "$lo/warnings/expected.txt" "$tmp/stdout"
check_rc lint-fail-on-error "$lo/warnings" 0 lint --fail-on error
check_rc lint-fail-on-warning "$lo/warnings" 1 lint --fail-on warning
check_rc lint-fail-on-note-with-warnings "$lo/warnings" 1 lint --fail-on note
check_rc lint-note-only "$lo/notes" 0 lint
check_file lint-note-only-report "$lo/notes/expected.txt" "$tmp/stdout"
check_rc lint-fail-on-warning-with-a-note "$lo/notes" 0 lint --fail-on warning
check_rc lint-fail-on-note "$lo/notes" 1 lint --fail-on note
check_rc lint-fail-on-unknown "$lo/warnings" 2 lint --fail-on warnings
check_file lint-fail-on-unknown-message \
  <(echo 'error: --fail-on takes error, warning or note, not "warnings"') "$tmp/stderr"
# An error fails the run; --exit-zero passes it with the same report; --statistics adds a count per
# rule (sorted by code) before the summary.
check_rc lint-error-fails "$lo/mixed" 1 lint
check_file lint-error-fails-report "$lo/mixed/expected.txt" "$tmp/stdout"
check_rc lint-exit-zero "$lo/mixed" 0 lint --exit-zero
check_file lint-exit-zero-report "$lo/mixed/expected.txt" "$tmp/stdout"
check_rc lint-statistics "$lo/mixed" 1 lint --statistics
check_file lint-statistics-report "$lo/mixed/statistics.txt" "$tmp/stdout"
# --color always: bold locations, red errors, yellow warnings and notes, also on a pipe and with
# NO_COLOR set (the option wins); --color never and a pipe: no escape codes (mixed/expected.txt).
check_rc lint-color-always "$lo/mixed" 1 --color always lint
check_file lint-color-always-report "$lo/mixed/color.txt" "$tmp/stdout"
check_rc lint-color-always-despite-no-color "$lo/mixed" 1 NO_COLOR=1 --color always lint
check_file lint-color-always-despite-no-color-report "$lo/mixed/color.txt" "$tmp/stdout"
check_rc lint-color-never "$lo/mixed" 1 --color never lint
check_file lint-color-never-report "$lo/mixed/expected.txt" "$tmp/stdout"
# --color auto colours a terminal only, and not when NO_COLOR is set: script(1) gives stackc one.
# Each run must show the findings, so that "no escape code" is not an empty output.
on_tty() {  # on_tty DIR [VAR=VALUE...] ARGS...: stackc's output on a terminal, into $tmp/tty
  local dir="$1" vars args; shift
  vars_and_args "$@"
  (cd "$dir" && env -i PATH=/usr/bin:/bin HOME=/tmp "${vars[@]}" \
    script -qec "$(printf '%q ' "$stackc" "${args[@]}")" /dev/null </dev/null) >"$tmp/tty" 2>&1
}
coloured() { grep -q PORT001 "$tmp/tty" && grep -q $'\033\\[1;33mwarning:' "$tmp/tty"; }
plain() { grep -q PORT001 "$tmp/tty" && ! grep -q $'\033' "$tmp/tty"; }
if command -v script >/dev/null; then
  on_tty "$lo/mixed" --color auto lint; name="lint-color-auto-on-a-terminal"; ok coloured
  on_tty "$lo/mixed" NO_COLOR=1 --color auto lint; name="lint-color-auto-no-color"; ok plain
  on_tty "$lo/mixed" NO_COLOR=1 lint; name="lint-color-default-no-color"; ok plain
  on_tty "$lo/mixed" NO_COLOR= lint; name="lint-color-empty-no-color-is-unset"; ok coloured
  on_tty "$lo/mixed" --color never lint; name="lint-color-never-on-a-terminal"; ok plain
else
  echo "skip lint-color-auto-* (no script(1) to give stackc a terminal)"
fi
# -f a.yaml -f b.yaml lints the merged project: each file alone is clean, together web and api
# publish the same host port; given as paths, the same files are two projects and both clean.
check_rc lint-merge-a-alone "$lo/merge" 0 lint -f a.yaml
check_rc lint-merge-b-alone "$lo/merge" 0 lint -f b.yaml
check_rc lint-merge "$lo/merge" 1 lint -f a.yaml -f b.yaml
check_file lint-merge-report "$lo/merge/expected.txt" "$tmp/stdout"
check_rc lint-paths-are-projects "$lo/merge" 0 lint a.yaml b.yaml
check_file lint-paths-are-projects-report <(echo 'no problems found') "$tmp/stdout"
# A directory argument is linted through the compose file in it; a directory without one is an error.
check_rc lint-directory "$lo/dir" 1 lint project
check_file lint-directory-report "$lo/dir/expected.txt" "$tmp/stdout"
# As Compose finds them there: the override file beside the compose file is linted with it, and of
# docker-compose.yml and docker-compose.yaml the .yml wins (only the merge and the .yml run privileged).
check_rc lint-directory-with-override "$lo/dir" 1 lint override
name="lint-directory-with-override-report"
ok grep -q '^\./override/compose\.override\.yaml:3:17: error: .*\[CTR001\]$' "$tmp/stdout"
check_rc lint-directory-prefers-yml "$lo/dir" 1 lint both-names
name="lint-directory-prefers-yml-report"
ok grep -q '^\./both-names/docker-compose\.yml:4:17: error: .*\[CTR001\]$' "$tmp/stdout"
name="lint-directory-warns-of-both-names"  # as Compose does, on stderr
ok grep -qx 'warning: found multiple config files with supported names: both-names/docker-compose.yml, both-names/docker-compose.yaml \[LOAD002\]' "$tmp/stderr"
name="lint-directory-warns-which-it-uses"
ok grep -qx 'warning: using both-names/docker-compose.yml \[LOAD002\]' "$tmp/stderr"
check_rc lint-directory-without-compose-file "$lo/dir" 2 lint .
check_file lint-directory-without-compose-file-message \
  <(echo 'error: no compose file (compose.yaml, docker-compose.yml, ...) in .') "$tmp/stderr"
# Malformed YAML: exit 2, nothing on stdout, file:line:col, the line and a caret on stderr (coloured
# with --color always).
check_rc lint-malformed-yaml "$lo/malformed" 2 lint
check_file lint-malformed-yaml-message "$lo/malformed/expected-stderr.txt" "$tmp/stderr"
check_file lint-malformed-yaml-no-report /dev/null "$tmp/stdout"
check_rc lint-malformed-yaml-color "$lo/malformed" 2 --color always lint
name="lint-malformed-yaml-message-coloured"
ok grep -q $'^\033\\[1m\\./compose\\.yaml:5:4:\033\\[0m \033\\[1;31merror:' "$tmp/stderr"
# config --environment: the interpolation environment, sorted (the run's, .env's, PWD and
# COMPOSE_PROJECT_NAME as Docker Compose adds them); the shell's value wins over .env's.
check_rc config-environment "$co" 0 config --environment
check_file config-environment-print "$co/environment.txt" "$tmp/stdout"
check_rc config-environment-shell-wins "$co" 0 TAG=1.27 config --environment
check_file config-environment-shell-wins-print <(sed 's/^TAG=1.25$/TAG=1.27/' "$co/environment.txt") \
  "$tmp/stdout"
# Compose sorts the KEY=value lines as strings: A1=x comes before A=y.
check_rc config-environment-sorted-as-lines "$co" 0 A=y A1=x config --environment
name="config-environment-sorted-as-lines-print"
ok test "$(grep -E '^A1?=' "$tmp/stdout" | tr '\n' ' ')" = "A1=x A=y "
# config -o FILE: the file holds what standard output holds without it (expected.yaml), and
# standard output is empty; a file that cannot be written is exit 2.
check_rc config-stdout "$co" 0 config
check_file config-stdout-print "$co/expected.yaml" "$tmp/stdout"
check_rc config-output-file "$co" 0 config -o "$tmp/config.yaml"
check_file config-output-file-holds-the-print "$co/expected.yaml" "$tmp/config.yaml"
check_file config-output-file-stdout-empty /dev/null "$tmp/stdout"
check_rc config-output-file-unwritable "$co" 2 config -o missing/config.yaml
check_file config-output-file-unwritable-message \
  <(echo 'error: open missing/config.yaml: cannot write the file') "$tmp/stderr"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
