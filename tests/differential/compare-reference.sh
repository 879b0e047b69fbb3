#!/usr/bin/env bash
# Manual check of the Go oracle against the real Docker Compose v5.5.0 CLI (scripts/build-reference.sh):
# runs entries of entries.tsv with both, in YAML and JSON, in the differential runner's clean environment,
# and counts how many agree (same exit status; same stdout; on error the same last stderr line, which is
# the error message: warnings are logged differently; an error compose-go words in Go map order counts as
# the same when the oracle prints the reference's wording in one of up to 30 more runs; listings that docker
# compose prints in Go map order are counted apart when only their order differs). Not run in CI.
#
# Usage: tests/differential/compare-reference.sh [-n N | --all] [-v] [REFERENCE [ORACLE]]
#   -n N    a fixed sample of N entries spread evenly over entries.tsv (default 30)
#   --all   every entry
# The real CLI only takes project flags (-f, -p, --project-directory, --env-file, --profile,
# --compatibility, --all-resources) before the `config` word, so they are moved there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"
corpus="${CORPUS_DIR:-${repo}/../shared/corpus/public}"
corpus="$(cd "${corpus}" && pwd)"

count=30
verbose=0
positional=()
while (($#)); do
  case "$1" in
    -n) count="$2"; shift ;;
    --all) count=0 ;;
    -v) verbose=1 ;;
    *) positional+=("$1") ;;
  esac
  shift
done
ref="${positional[0]:-$(bash "${repo}/scripts/build-reference.sh")}"
if [[ -n "${positional[1]:-}" ]]; then
  oracle="${positional[1]}"
else
  oracle="$(bash "${repo}/tests/oracle/build.sh" "${repo}/build/oracle")"
fi

mapfile -t lines < <(grep -v '^#' "${here}/entries.tsv")
total=${#lines[@]}
selected=()
if ((count == 0 || count >= total)); then
  selected=("${lines[@]}")
else
  for ((i = 0; i < count; i++)); do
    selected+=("${lines[$((i * total / count))]}")
  done
fi

mkdir -p /tmp/stackc-home
tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT

last_line() { grep -v '^$' "$1" | tail -1; }

same=0
reordered=0
differ=0
for line in "${selected[@]}"; do
  IFS=$'\t' read -r id dir args <<<"${line}"
  read -r -a argv <<<"${args}"
  root_flags=()
  cmd_flags=()
  for ((i = 0; i < ${#argv[@]}; i++)); do
    case "${argv[i]}" in
      -f | --file | -p | --project-name | --project-directory | --env-file | --profile)
        root_flags+=("${argv[i]}" "${argv[i + 1]}"); i=$((i + 1)) ;;
      --compatibility | --all-resources) root_flags+=("${argv[i]}") ;;
      *) cmd_flags+=("${argv[i]}") ;;
    esac
  done
  for format in yaml json; do
    fmt_flags=()
    [[ "${format}" == json ]] && fmt_flags=(--format json)
    abs="${corpus}/${dir}"
    ref_rc=0
    ora_rc=0
    (cd "${abs}" && env -i HOME=/tmp/stackc-home PWD="${abs}" USER=stackc PATH=/usr/local/bin:/usr/bin:/bin \
      "${ref}" "${root_flags[@]}" config "${fmt_flags[@]}" "${cmd_flags[@]}") >"${tmp}/ref.out" 2>"${tmp}/ref.err" || ref_rc=$?
    (cd "${abs}" && env -i HOME=/tmp/stackc-home PWD="${abs}" USER=stackc PATH=/usr/local/bin:/usr/bin:/bin \
      "${oracle}" "${fmt_flags[@]}" "${argv[@]}") >"${tmp}/ora.out" 2>"${tmp}/ora.err" || ora_rc=$?
    ok=1
    if [[ $((ref_rc == 0)) == $((ora_rc == 0)) ]] && ! cmp -s "${tmp}/ref.out" "${tmp}/ora.out" &&
      cmp -s <(sort "${tmp}/ref.out") <(sort "${tmp}/ora.out"); then
      # --services/--volumes/--networks/--images: docker compose prints them in Go map order, the oracle sorted.
      reordered=$((reordered + 1))
      continue
    fi
    if [[ $((ref_rc == 0)) != $((ora_rc == 0)) ]] || ! cmp -s "${tmp}/ref.out" "${tmp}/ora.out"; then
      ok=0
    elif ((ref_rc != 0)) && [[ "$(last_line "${tmp}/ref.err")" != "$(last_line "${tmp}/ora.err")" ]]; then
      ok=0
      # compose-go reports some errors in Go map order: accept any message the oracle can print.
      for ((try = 0; try < 30; try++)); do
        (cd "${abs}" && env -i HOME=/tmp/stackc-home PWD="${abs}" USER=stackc PATH=/usr/local/bin:/usr/bin:/bin \
          "${oracle}" "${fmt_flags[@]}" "${argv[@]}") >/dev/null 2>"${tmp}/ora.err" || true
        if [[ "$(last_line "${tmp}/ref.err")" == "$(last_line "${tmp}/ora.err")" ]]; then
          ok=1
          break
        fi
      done
    fi
    if ((ok)); then
      same=$((same + 1))
    else
      differ=$((differ + 1))
      echo "DIFFERENT ${id} [${format}] reference exit ${ref_rc}, oracle exit ${ora_rc}"
      if ((verbose)); then
        diff -u "${tmp}/ref.out" "${tmp}/ora.out" | head -40 || true
        echo "reference stderr: $(tail -1 "${tmp}/ref.err")"
        echo "oracle stderr:    $(tail -1 "${tmp}/ora.err")"
      fi
    fi
  done
done
echo "reference vs oracle: ${same} identical, ${reordered} same lines in another order, ${differ} different (${#selected[@]} entries x 2 formats)"
((differ == 0))
