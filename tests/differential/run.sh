#!/usr/bin/env bash
# Differential test: `stackc config` against the Go oracle (docker compose config v5.5.0) on every entry of
# tests/differential/entries.tsv, in YAML and in JSON. See tests/differential/README.md.
#
# Usage: tests/differential/run.sh [STACKC [ORACLE]] [--update] [--only ID]... [-v] [-j N] [--known FILE]
#                                  [--spawn-oracle] [--corpus DIR]
#   STACKC defaults to build/cli/stackc, ORACLE to the oracle built by tests/oracle/build.sh (built if needed).
# Self-test of the runner: tests/differential/run.sh build/oracle/compose-config --known /dev/null
# Exit 0 when every difference is listed in known-differences.tsv and every listed one still differs.
#
# tests/differential/run.sh --write-goldens | --check-goldens [ORACLE]
#   writes (or checks) corpus/frontend/loader/: the oracle's outputs for the extends, include and profiles
#   entries, which frontend/loader_test.cc (CorpusLoaderVectors) compares stackc's loader with in-process.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"

# The entries whose oracle outputs are unit-test goldens: compose-go's extends, include and profile fixtures
# and vectors, the spec's extends/include/profiles examples, and the Docker Compose end-to-end projects that use
# them.
goldens_match='(?i)^(compose-go/(loader|loader-inline)/.*(extend|include|profile)|compose-spec/examples/(05-extends|1[0-9]-(profiles|include))|docker-compose-e2e/testdata/[^/]*(Profile|Include|Extend))'
goldens_dir="${repo}/corpus/frontend/loader"

positional=()
flags=()
goldens=""
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
    --write-goldens) goldens=write ;;
    --check-goldens) goldens=check ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) positional+=("$1") ;;
  esac
  shift
done

tools="${DIFFER_TOOLS_DIR:-${repo}/build/oracle}"
bash "${repo}/tests/oracle/build.sh" "${tools}" >/dev/null
if [ -n "${goldens}" ]; then
  check=(); [ "${goldens}" = check ] && check=(-check)
  exec "${tools}/differ" -entries "${here}/entries.tsv" -corpus "${CORPUS_DIR:-${repo}/../shared/corpus/public}" \
    -goldens "${goldens_dir}" -match "${goldens_match}" "${check[@]}" "${positional[0]:-${tools}/compose-config}"
fi
stackc="${positional[0]:-${repo}/build/cli/stackc}"
oracle="${positional[1]:-${tools}/compose-config}"

exec "${tools}/differ" -entries "${here}/entries.tsv" -known "${known}" \
  -corpus "${CORPUS_DIR:-${repo}/../shared/corpus/public}" "${flags[@]}" "${stackc}" "${oracle}"
