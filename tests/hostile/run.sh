#!/usr/bin/env bash
# Hostile input for `stackc config`: each case must end with exit code 2 and an error located at file:line:col
# (where the input has a location), within a watchdog timeout and a memory cap, and never with a crash.
# Usage: run.sh PATH/TO/stackc
set -uo pipefail
stackc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# check NAME DIR PATTERN [ARGS...]: runs stackc config in DIR under a 20 s watchdog and a 1 GiB address-space
# cap; the exit code must be 2 and stderr must match PATTERN (an extended regex).
check() {
  local name="$1" dir="$2" pattern="$3"; shift 3
  local out rc
  out=$(cd "$dir" && ulimit -v 1048576 && timeout 20 "$stackc" config "$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -eq 2 ] && grep -Eq "$pattern" <<<"$out"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name (exit $rc)"; echo "$out" | head -5 | cut -c1-300
  fi
}

mk() { mkdir -p "$work/$1"; echo "$work/$1"; }

d=$(mk alias-bomb)
{ echo 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'
  for i in 1 2 3 4 5 6 7 8 9; do
    p=$([ "$i" -eq 1 ] && echo a || echo "a$((i-1))")
    echo "a$i: &a$i [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"
  done
  echo 'services: {web: {image: x}}'; } > "$d/compose.yaml"
check alias-bomb "$d" 'compose\.yaml:[0-9]+:[0-9]+: error: .*document contains excessive aliasing'

d=$(mk deep-nesting)
python3 -c "print('services: ' + '['*10000 + ']'*10000)" > "$d/compose.yaml"
check deep-nesting "$d" 'compose\.yaml:1:[0-9]+: error: .*exceeded max depth of 256'

# services FILE MB [TAIL]: services of 260 bytes each up to MB megabytes, then TAIL.
services() {
  python3 - "$@" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("services:\n")
    line = "  s%d:\n    image: busybox\n    environment: {PAD: '" + "x" * 200 + "'}\n"
    i = 0
    while f.tell() < int(sys.argv[2]) * 1024 * 1024:
        f.write(line % i); i += 1
    f.write(sys.argv[3] if len(sys.argv) > 3 else "")
PY
}

d=$(mk huge-file)
services "$d/compose.yaml" 70
check huge-file "$d" 'file is larger than the 64 MB limit'

d=$(mk large-file)
# 50 MB, under the cap: read and parsed to its end, where a flow sequence is never closed (the error is on
# the line after the last).
services "$d/compose.yaml" 50 $'  last:\n    image: [busybox\n'
check large-file "$d" "compose\.yaml:$(($(wc -l < "$d/compose.yaml") + 1)):1: error: .*did not find expected ',' or ']'"

d=$(mk invalid-utf8)
printf 'services:\n  web:\n    image: "\xff\xfe"\n' > "$d/compose.yaml"
check invalid-utf8 "$d" 'compose\.yaml:[0-9]+:[0-9]+: error: go-yaml load error in reader'

d=$(mk binary-junk)
python3 -c "import random,sys; r=random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))" > "$d/compose.yaml"
check binary-junk "$d" 'compose\.yaml:[0-9]+:[0-9]+: error: '

d=$(mk missing-env-file)
printf 'services:\n  web:\n    image: busybox\n    env_file: ./nope.env\n' > "$d/compose.yaml"
check missing-env-file "$d" 'compose\.yaml:4:15: error: env file .*/nope\.env not found'

d=$(mk extends-cycle)
printf 'services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n' > "$d/compose.yaml"
check extends-cycle "$d" 'Circular reference'

d=$(mk deep-extends)
# Listed deepest first, so resolving the first service walks the whole chain.
python3 - "$d/compose.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("services:\n")
    for i in range(5999, 0, -1):
        f.write(f"  s{i}:\n    extends: s{i-1}\n")
    f.write("  s0:\n    image: x\n")
PY
check deep-extends "$d" 'compose\.yaml:[0-9]+:[0-9]+: error: service "s5999" extends a chain of more than 256 services'

d=$(mk deep-depends-on)
# A 20,000-service depends_on ring: the cycle check must walk it without exhausting the stack.
python3 - "$d/compose.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("services:\n")
    for i in range(20000):
        f.write(f"  s{i}:\n    image: x\n    depends_on: [s{(i + 1) % 20000}]\n")
PY
check deep-depends-on "$d" 'error: dependency cycle detected: s0 -> s1 -> s2 -> s3 -> '

d=$(mk include-cycle)
printf 'include:\n  - other.yaml\nservices:\n  a:\n    image: x\n' > "$d/compose.yaml"
printf 'include:\n  - compose.yaml\nservices:\n  b:\n    image: x\n' > "$d/other.yaml"
check include-cycle "$d" 'include cycle detected'

d=$(mk wrong-types)
printf 'services:\n  web:\n    image: [1, 2]\n' > "$d/compose.yaml"
check wrong-types "$d" 'compose\.yaml:3:12: error: .*services\.web\.image must be a string'

d=$(mk no-file)
check no-file "$d" 'no configuration file provided: not found'

# Tight memory limits (a sandbox's `ulimit -v` or `-d`) are no reason to fail on a small project: the
# heap's large reservations are for unlimited processes only (cli/heap.cc).
for limit in "-v 262144" "-d 102400"; do
  out=$(cd "$work/wrong-types" && printf 'services:\n  web:\n    image: busybox\n' > ok.yaml &&
        ulimit $limit && timeout 20 "$stackc" config -f ok.yaml 2>&1); rc=$?
  if [ "$rc" -eq 0 ] && grep -q 'image: busybox' <<<"$out"; then
    pass=$((pass + 1)); echo "ok   memory-limit ulimit $limit"
  else
    fail=$((fail + 1)); echo "FAIL memory-limit ulimit $limit (exit $rc)"; echo "$out" | head -5
  fi
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
