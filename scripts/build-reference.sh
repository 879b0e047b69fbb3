#!/usr/bin/env bash
# Builds the real Docker Compose v5.5.0 CLI once, into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/stackc/docker-compose-v5.5.0
# and prints its path. Used for manual checks of the Go oracle and for benchmarks; CI does not run it.
#
# docker/compose's go.mod has an `exclude` block that `go install pkg@version` refuses, so we make a
# throw-away wrapper module that requires github.com/docker/compose/v5 v5.5.0, copies the exclude
# lines, and builds compose's own main package (github.com/docker/compose/v5/cmd) from the module
# cache, with the ldflags of compose's Makefile. The binary works standalone (`docker-compose config`)
# and as a docker CLI plugin.
#
# Usage: scripts/build-reference.sh [--force]
set -euo pipefail

readonly version=v5.5.0
readonly out_dir="${XDG_CACHE_HOME:-$HOME/.cache}/stackc"
readonly out="${out_dir}/docker-compose-${version}"

if [[ "${1:-}" != "--force" && -x "${out}" ]]; then
  echo "${out}"
  exit 0
fi

export PATH="/usr/local/go/bin:${PATH}"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export GOTOOLCHAIN=local

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

cat >"${work}/go.mod" <<EOF
module stackc.dev/reference-compose

go 1.26.3

require github.com/docker/compose/v5 ${version}

// Copied from docker/compose ${version}'s go.mod: exclude directives only apply in the main module.
exclude (
	github.com/davecgh/go-spew v1.1.2-0.20180830191138-d8f796af33cc
	github.com/pmezard/go-difflib v1.0.1-0.20181226105442-5d4384ee4fb2
)
EOF
# Keeps the requirement (a main package cannot be imported, so pin a library package of the module).
cat >"${work}/tools.go" <<'EOF'
//go:build tools

package tools

import _ "github.com/docker/compose/v5/cmd/compose"
EOF

cd "${work}"
# Resolve the whole module graph of compose's main package (compose's go.mod decides every version:
# the wrapper requires nothing else, so minimal version selection picks exactly compose's pins).
go get "github.com/docker/compose/v5/cmd@${version}" >&2
mkdir -p "${out_dir}"
go build -trimpath \
  -ldflags "-w -X github.com/docker/compose/v5/internal.Version=${version}" \
  -o "${out}.tmp" github.com/docker/compose/v5/cmd
mv "${out}.tmp" "${out}"
echo "${out}"
