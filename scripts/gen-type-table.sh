#!/usr/bin/env bash
# Regenerates frontend/compose_types.inc from compose-go's types package (see tests/oracle/cmd/typetable).
set -euo pipefail
export PATH="/usr/local/go/bin:$PATH"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root/tests/oracle" && go run ./cmd/typetable) > "$root/frontend/compose_types.inc"
