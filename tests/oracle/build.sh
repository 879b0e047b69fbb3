#!/usr/bin/env bash
# Builds the Go test oracle (cmd/compose-config, `docker compose config` of Docker Compose v5.5.0 on
# compose-go v2.14.0) and the differential runner (cmd/differ) into OUT_DIR (default: build/oracle under
# the repository root). Fast when already built: go's build cache does the work.
#
# Usage: tests/oracle/build.sh [OUT_DIR]
#   OUT_DIR/compose-config   the oracle
#   OUT_DIR/differ           the differential runner (see tests/differential/run.sh)
#   OUT_DIR/sarifcheck       the SARIF 2.1.0 schema validator (see tests/sarif/run.sh)
#   OUT_DIR/vectors          compose-go's results for the unit tests' vectors (corpus/frontend/vectors/)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-${here}/../../build/oracle}"
mkdir -p "${out}"
out="$(cd "${out}" && pwd)"

export PATH="/usr/local/go/bin:${PATH}"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
command -v go >/dev/null || { echo "build.sh: go not found (expected in /usr/local/go/bin)" >&2; exit 2; }

cd "${here}"
go build -trimpath -o "${out}/compose-config" ./cmd/compose-config
go build -trimpath -o "${out}/differ" ./cmd/differ
go build -trimpath -o "${out}/sarifcheck" ./cmd/sarifcheck
go build -trimpath -o "${out}/vectors" ./cmd/vectors
echo "${out}/compose-config"
