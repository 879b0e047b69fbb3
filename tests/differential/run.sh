#!/usr/bin/env bash
# Differential test: `stackc config` against the Go oracle (docker compose config v5.5.0) on every entry of
# tests/differential/entries.tsv, in YAML and in JSON. See tests/differential/README.md.
#
# Usage: tests/differential/run.sh [STACKC [ORACLE]] [--update] [--only ID]... [-v] [-j N] [--known FILE]
#                                  [--spawn-oracle] [--corpus DIR]
#   STACKC defaults to build/cli/stackc, ORACLE to the oracle built by tests/oracle/build.sh (built if needed).
# Self-test of the runner: tests/differential/run.sh build/oracle/compose-config --known /dev/null
# Exit 0 when every difference is listed in known-differences.tsv and every listed one still differs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"

positional=()
flags=()
known="${here}/known-differences.tsv"
while (($#)); do
  case "$1" in
    --update | -update) flags+=(-update) ;;
    -v | --verbose) flags+=(-v) ;;
    --only | -only) flags+=(-only "$2"); shift ;;
    --only=*) flags+=(-only "${1#--only=}") ;;
    -j) flags+=(-j "$2"); shift ;;
    --corpus) flags+=(-corpus "$2"); shift ;;
    --known) known="$2"; shift ;;
    --spawn-oracle) flags+=(-spawn-oracle) ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) positional+=("$1") ;;
  esac
  shift
done

stackc="${positional[0]:-${repo}/build/cli/stackc}"
tools="${DIFFER_TOOLS_DIR:-${repo}/build/oracle}"
bash "${repo}/tests/oracle/build.sh" "${tools}" >/dev/null
oracle="${positional[1]:-${tools}/compose-config}"

exec "${tools}/differ" -entries "${here}/entries.tsv" -known "${known}" \
  -corpus "${CORPUS_DIR:-${repo}/../shared/corpus/public}" "${flags[@]}" "${stackc}" "${oracle}"
