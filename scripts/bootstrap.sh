#!/usr/bin/env bash
# Installs everything stackc needs to build and test on a fresh Debian 12 machine.
# Quick when everything is already present: it checks with dpkg before calling apt.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config git
  # libraries
  libyaml-dev libcli11-dev libfmt-dev libboost-graph-dev libgtest-dev libgmock-dev
  libbenchmark-dev libcurl4-openssl-dev nlohmann-json3-dev libre2-dev libssl-dev libarchive-dev
  # clang-19 tools: tidy, format, sanitizers, libFuzzer
  clang-19 clang-tidy-19 clang-format-19 libclang-rt-19-dev
  # tests and benchmarks
  busybox-static python3-yaml time hyperfine curl valgrind
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go test oracles (compose-go v2.14.0): fetch modules into the module cache once.
export PATH="/usr/local/go/bin:$PATH"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Go is part of this machine kind (/usr/local/go); the build embeds compose-go's schema from its module cache.
if ! command -v go >/dev/null; then
  echo "bootstrap: Go is missing: install Go 1.25 or newer in /usr/local/go (the build and the test oracles need it)" >&2
  exit 1
fi
(cd "$root/tests/oracle" && go mod download)
echo "bootstrap: ok"
