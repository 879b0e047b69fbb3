#!/usr/bin/env bash
# `stackc lint --format sarif` against the SARIF 2.1.0 schema (../shared/schemas), with the validator
# of tests/oracle/cmd/sarifcheck: one project, several in one run, one with a suppression and fixes, the
# corpus when it is there; a log broken on purpose must fail; fingerprints must survive lines moving.
# Usage: run.sh STACKC SARIFCHECK
set -uo pipefail
stackc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
sarifcheck="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
schema="$here/../../../shared/schemas/sarif-schema-2.1.0.json"
examples="$here/../../examples"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail=0
check() { local name="$1"; shift; if "$@"; then echo "ok   sarif: $name"; else echo "FAIL sarif: $name"; fail=1; fi; }
if [ ! -f "$schema" ]; then echo "sarif: ../shared/schemas is absent: nothing to validate against" >&2; exit 1; fi

(cd "$examples/three-tier" && "$stackc" lint --format sarif -o "$work/three-tier.sarif" 2>/dev/null)
check "three-tier log exists" test -s "$work/three-tier.sarif"
"$stackc" lint --format sarif -o "$work/both.sarif" "$examples/three-tier" "$examples/two-tier" 2>/dev/null
corpus="$here/../../../shared/corpus/public/awesome-compose"
dirs=()
for d in "$corpus"/*/; do [ -f "$d/compose.yaml" ] && dirs+=("$d"); done
"$stackc" lint --format sarif --exit-zero -o "$work/corpus.sarif" "${dirs[@]}" 2>/dev/null
check "${#dirs[@]} awesome-compose projects linted into one log" test -s "$work/corpus.sarif"
# A suppression with its reason, and a fix (STY001 deletes the `version` line).
mkdir -p "$work/suppressed"
sed 's|^    - "80:80"$|    # stackc: ignore[PORT001] the demo publishes on purpose\n&|' \
  "$examples/three-tier/docker-compose.yaml" > "$work/suppressed/docker-compose.yaml"
(cd "$work/suppressed" && "$stackc" lint --format sarif --exit-zero -o "$work/suppressed.sarif" 2>/dev/null)
has() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; sys.exit(0 if eval(sys.argv[2]) else 1)' "$@"; }
check "a suppressed finding carries its reason" has "$work/suppressed.sarif" \
  'any(x["ruleId"] == "PORT001" and x["suppressions"] == [{"kind": "inSource", "justification": "the demo publishes on purpose"}] for x in r)'
check "and a fixable finding its fix" has "$work/suppressed.sarif" \
  'any(x["ruleId"] == "STY001" and x["fixes"][0]["artifactChanges"] for x in r)'
sed 's/"version": "2.1.0"/"version": "2.0.0"/' "$work/three-tier.sarif" > "$work/broken.sarif"
check "the logs are valid SARIF 2.1.0" "$sarifcheck" "$schema" "$work/three-tier.sarif" "$work/both.sarif" "$work/corpus.sarif" "$work/suppressed.sarif"
check "a log with the wrong version is not" bash -c "! '$sarifcheck' '$schema' '$work/broken.sarif' >/dev/null"

# Fingerprints do not depend on line numbers: two lines inserted at the top change none of them.
mkdir -p "$work/moved"
{ printf '# moved\n\n'; cat "$examples/three-tier/docker-compose.yaml"; } > "$work/moved/docker-compose.yaml"
cp "$examples/three-tier/docker-compose.yaml" "$work/docker-compose.yaml"
(cd "$work" && "$stackc" lint --format sarif -o a.sarif 2>/dev/null; cd moved && "$stackc" lint --format sarif -o ../b.sarif 2>/dev/null)
prints() { python3 -c 'import json,sys; print("\n".join(sorted(r["partialFingerprints"]["stackc/v1"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"])))' "$1"; }
check "fingerprints survive moved lines" test "$(prints "$work/a.sarif")" == "$(prints "$work/b.sarif")"
check "and the lines did move" bash -c "! cmp -s <(grep startLine '$work/a.sarif') <(grep startLine '$work/b.sarif')"
check "no secret value in the logs" bash -c "! grep -q foobar '$work/three-tier.sarif' '$work/both.sarif'"
exit $fail
