#!/usr/bin/env bash
# End-to-end tests of `stackc apply / plan / ps / down` against the real Docker Engine, with the
# local test image of make-image.sh. Each run uses its own project names, removes what carries
# their label before and after, and applies one stack at a time. Probes run inside the project's
# containers (DNS through the Engine's resolver, ping) or against 127.0.0.1.
#
#   bash tests/engine/run.sh build/cli/stackc
set -uo pipefail
stackc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_id="$$-$RANDOM"
work="$(mktemp -d)"
failures=0
projects=()

export STACKC_E2E_DIR="$work/host"
export STACKC_E2E_SECRET="e2e-secret-$run_id-value"
export STACKC_E2E_PORT=$((20000 + RANDOM % 20000))
mkdir -p "$STACKC_E2E_DIR"

cleanup() {
  for p in "${projects[@]}"; do
    ids=$(docker ps -aq --filter "label=io.stackc.project=$p")
    [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
    nets=$(docker network ls -q --filter "label=io.stackc.project=$p")
    [ -n "$nets" ] && docker network rm $nets >/dev/null 2>&1
    vols=$(docker volume ls -q --filter "label=io.stackc.project=$p")
    [ -n "$vols" ] && docker volume rm $vols >/dev/null 2>&1
  done
  # The reachability stacks (tests/engine/reachability.py) downs each one itself; after a crash,
  # whatever carries their prefix goes.
  ids=$(docker ps -a --format '{{.ID}} {{.Label "io.stackc.project"}}' | \
    awk -v p="stackc-e2e-reach-$run_id-" 'index($2, p) == 1 {print $1}')
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
  for net in $(docker network ls --format '{{.Name}}' | grep -F "stackc-e2e-reach-$run_id-"); do
    docker network rm "$net" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
check() {  # check NAME COMMAND...: passes when the command succeeds
  local name="$1"; shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}
# Sets $p to a new project name and remembers it for the cleanup (not in a subshell: the list must
# reach the EXIT trap).
new_project() {
  p="stackc-e2e-$1-$run_id"
  projects+=("$p")
  cleanup_one "$p"
}
cleanup_one() {
  local ids; ids=$(docker ps -aq --filter "label=io.stackc.project=$1")
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
  true
}
# Runs stackc under a watchdog; output to $work/out.N and $work/err.N (scanned for the secret).
n=0
# apply and down stop containers with a 1 s grace period: the test stacks run `sh` as PID 1, which
# ignores SIGTERM.
sc() {
  n=$((n + 1))
  local extra=()
  case " $* " in *" apply "*|*" down "*) extra=(-t 1) ;; esac
  timeout 180 "$stackc" "$@" "${extra[@]}" >"$work/out.$n" 2>"$work/err.$n"
  local rc=$?
  cp "$work/out.$n" "$work/last.out"; cp "$work/err.$n" "$work/last.err"
  return $rc
}
ids_of() {  # "name id startedAt" of the project's containers, sorted
  docker ps -aq --filter "label=io.stackc.project=$1" | xargs -r docker inspect \
    -f '{{.Name}} {{.Id}} {{.State.StartedAt}}' | sort
}

bash "$here/make-image.sh" || { echo "FAIL cannot build the test image"; exit 1; }

# ---- two-tier, --scale os=2, as the brief runs it with -p compose ----
new_project compose
f="$here/stacks/two-tier.yaml"
check "two-tier: apply --scale os=2" sc -p "$p" -f "$f" apply --scale os=2
probe=$(docker exec "$p-os-1" sh -c "nslookup os 127.0.0.11; echo ===; nslookup $p-os-1 127.0.0.11; \
  echo ===; nslookup $p-os-2 127.0.0.11; echo ===; nslookup db 127.0.0.11" 2>&1)
os1=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$p-os-1")
os2=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$p-os-2")
db=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$p-db-1")
section() { echo "$probe" | awk -v n="$1" 'BEGIN{RS="==="} NR==n'; }
check "two-tier: os resolves to both replicas" \
  bash -c "grep -q 'Address: $os1' <<<\"$(section 1)\" && grep -q 'Address: $os2' <<<\"$(section 1)\""
check "two-tier: each container name resolves" \
  bash -c "grep -q 'Address: $os1' <<<\"$(section 2)\" && grep -q 'Address: $os2' <<<\"$(section 3)\""
check "two-tier: db resolves" bash -c "grep -q 'Address: $db' <<<\"$(section 4)\""
check "two-tier: docker ps sees the stack by label" \
  test "$(docker ps -q --filter "label=io.stackc.project=$p" | wc -l)" -eq 3
"$stackc" -p "$p" -f "$f" ps >"$work/ps.txt" 2>/dev/null
check "two-tier: stackc ps output" grep -q "$p-os-2   os" "$work/ps.txt"
before=$(ids_of "$p")
check "two-tier: second apply succeeds" sc -p "$p" -f "$f" apply --scale os=2
check "two-tier: second apply prints an empty plan" grep -qx "no changes" "$work/last.out"
check "two-tier: second apply keeps IDs and start times" test "$before" == "$(ids_of "$p")"
check "two-tier: scale to 3 adds os-3 only" sc -p "$p" -f "$f" apply --scale os=3
check "two-tier: scale plan" bash -c "grep -c 'container' '$work/last.out' | grep -qx 2 && grep -q \"create container '$p-os-3'\" '$work/last.out'"
after=$(ids_of "$p")
check "two-tier: scale keeps the other containers" \
  bash -c "diff <(grep -v -- '-os-3 ' <<<\"$after\") <(echo \"$before\") >/dev/null"
check "two-tier: down" sc -p "$p" -f "$f" down
check "two-tier: down removed every container" test -z "$(docker ps -aq --filter "label=io.stackc.project=$p")"
check "two-tier: down twice is fine" sc -p "$p" -f "$f" down

# ---- three-tier: segmentation as the brief shows it ----
new_project three
f="$here/stacks/three-tier.yaml"
check "three-tier: apply" sc -p "$p" -f "$f" apply
probe=$(docker exec "$p-web-1" sh -c "nslookup app 127.0.0.11 >/dev/null && echo app-resolves; \
  ping -c1 -W2 app >/dev/null && echo app-reachable; nslookup db 127.0.0.11 >/dev/null || echo db-unknown" 2>&1)
check "three-tier: web resolves app" grep -q app-resolves <<<"$probe"
check "three-tier: web reaches app" grep -q app-reachable <<<"$probe"
check "three-tier: web cannot resolve db" grep -q db-unknown <<<"$probe"
check "three-tier: app has an address on both networks" test "$(docker inspect -f \
  '{{range $k, $v := .NetworkSettings.Networks}}{{if $v.IPAddress}}{{$k}} {{end}}{{end}}' "$p-app-1" | wc -w)" -eq 2
check "three-tier: web answers on 127.0.0.1:$STACKC_E2E_PORT" \
  bash -c "curl -sf http://127.0.0.1:$STACKC_E2E_PORT/ | grep -qx ok"
# What `docker compose ps -p NAME` lists (compose's getDefaultFilters): the project's containers
# that carry a config hash and are not one-offs.
check "three-tier: Docker Compose's ps filter sees the three containers" test "$(docker ps -q \
  --filter "label=com.docker.compose.project=$p" --filter label=com.docker.compose.config-hash \
  --filter label=com.docker.compose.oneoff=False | wc -l)" -eq 3
check "three-tier: so does stackc's label" \
  test "$(docker ps -q --filter "label=io.stackc.project=$p" | wc -l)" -eq 3
before=$(ids_of "$p")
check "three-tier: plan after apply is empty" sc -p "$p" -f "$f" plan
check "three-tier: empty plan text" grep -qx "no changes" "$work/last.out"
check "three-tier: second apply changes nothing" sc -p "$p" -f "$f" apply
check "three-tier: same IDs and start times" test "$before" == "$(ids_of "$p")"

# One change at a time: exactly the expected containers are recreated.
changed_only() {  # changed_only NAME EXPECTED-CHANGED-SERVICES...: compares IDs before and after
  local label="$1"; shift
  local now; now=$(ids_of "$p")
  local changed; changed=$(diff <(echo "$before" | awk '{print $1, $2}') \
    <(echo "$now" | awk '{print $1, $2}') | awk '/^>/ {print $2}' | sed "s|^/$p-||; s|-[0-9]*$||" | sort -u | xargs)
  if [ "$changed" == "$*" ]; then pass "$label"; else fail "$label (recreated: '$changed', expected: '$*')"; fi
  before=$now
}
edit() { sed "$1" "$f" > "$work/stack.tmp" && mv "$work/stack.tmp" "$work/stack.yaml"; f="$work/stack.yaml"; }
f0="$f"
edit 's/MYSQL_DATABASE=mydb1/MYSQL_DATABASE=mydb2/'
sc -p "$p" -f "$f" apply; changed_only "change: an environment value recreates db only" db
edit 's/"-p", "80"/"-p", "80", "-v"/'
sc -p "$p" -f "$f" apply; changed_only "change: the command recreates web only" web
edit "s/\${STACKC_E2E_PORT}:80/\$((STACKC_E2E_PORT + 1)):80/"
sed -i "s/\$((STACKC_E2E_PORT + 1))/$((STACKC_E2E_PORT + 1))/" "$f"
sc -p "$p" -f "$f" apply; changed_only "change: a port recreates web only" web
check "change: the new port answers" bash -c "curl -sf http://127.0.0.1:$((STACKC_E2E_PORT + 1))/ | grep -qx ok"
edit 's|/log:/var/log/httpd|/log2:/var/log/httpd|'
sc -p "$p" -f "$f" apply; changed_only "change: a mount recreates web only" web
python3 - "$f" <<'PY'
import sys; p=sys.argv[1]; s=open(p).read()
s=s.replace("  app:\n    image: stackc-test/busybox:1\n    networks:\n      - webapp\n      - appdb\n",
            "  app:\n    image: stackc-test/busybox:1\n    networks:\n      webapp:\n        aliases: [api]\n      appdb: {}\n")
open(p,'w').write(s)
PY
sc -p "$p" -f "$f" apply; changed_only "change: an alias recreates app only" app
check "change: the alias resolves from web" bash -c "docker exec $p-web-1 nslookup api 127.0.0.11 >/dev/null"
printf 'one' > "$work/secret.txt"
python3 - "$f" "$work/secret.txt" <<'PY'
import sys; p=sys.argv[1]; s=open(p).read()
s=s.replace("  db:\n    image: stackc-test/busybox:1\n", "  db:\n    image: stackc-test/busybox:1\n    secrets: [dbpass]\n")
s+="secrets:\n  dbpass:\n    file: %s\n" % sys.argv[2]
open(p,'w').write(s)
PY
sc -p "$p" -f "$f" apply; changed_only "change: adding a secret recreates db only" db
check "secret: mounted at /run/secrets/dbpass" bash -c "docker exec $p-db-1 cat /run/secrets/dbpass | grep -qx one"
printf 'two' > "$work/secret.txt"
sc -p "$p" -f "$f" apply; changed_only "change: the content of a secret file recreates db only" db
docker tag stackc-test/busybox:1 "stackc-test/busybox:e2e-$run_id"
edit "/^  app:/,/^  db:/ s|image: stackc-test/busybox:1|image: stackc-test/busybox:e2e-$run_id|"
sc -p "$p" -f "$f" apply; changed_only "change: another image reference recreates app only" app
docker image rm "stackc-test/busybox:e2e-$run_id" >/dev/null
bash "$here/make-image.sh" "stackc-test/busybox:e2e-$run_id" "ENV E2E=$run_id"
sc -p "$p" -f "$f" apply; changed_only "change: the image ID behind the same reference recreates app only" app
sc -p "$p" -f "$f" apply --scale db=2; changed_only "change: scale db=2 adds db-2 only" db
check "change: db-1 kept" bash -c "docker inspect $p-db-1 >/dev/null 2>&1"
check "three-tier: down keeps no container" sc -p "$p" -f "$f" down
check "three-tier: no container left" test -z "$(docker ps -aq --filter "label=io.stackc.project=$p")"
check "three-tier: no network left" test -z "$(docker network ls -q --filter "label=io.stackc.project=$p")"
docker image rm "stackc-test/busybox:e2e-$run_id" >/dev/null 2>&1

# ---- secrets and configs from the environment and inline content ----
new_project inject
f="$here/stacks/injected.yaml"
check "inject: apply" sc -p "$p" -f "$f" apply
probe=$(docker exec "$p-db-1" sh -c 'cat /run/secrets/dbpass; echo; stat -c %a /run/secrets/db_root; cat /etc/app.conf')
check "inject: the secret's value is in /run/secrets/dbpass" grep -qx -- "$STACKC_E2E_SECRET" <<<"$probe"
check "inject: mode 0400 on the second target" grep -qx 400 <<<"$probe"
check "inject: the config's content at its target" grep -qx "mode=production" <<<"$probe"
check "inject: unchanged, the plan is empty" sc -p "$p" -f "$f" apply
check "inject: no changes" grep -qx "no changes" "$work/last.out"
STACKC_E2E_SECRET="$STACKC_E2E_SECRET-rotated" sc -p "$p" -f "$f" apply
check "inject: a new value recreates the container" grep -q "create container '$p-db-1' (configuration changed)" "$work/last.out"
check "inject: and copies the new value in" bash -c "docker exec $p-db-1 cat /run/secrets/dbpass | grep -qx -- '$STACKC_E2E_SECRET-rotated'"
sc -p "$p" -f "$f" down

# ---- build: a missing image with `build:` is built from its context ----
new_project build
f="$here/stacks/build/compose.yaml"
check "build: apply builds and runs" sc -p "$p" -f "$f" apply
check "build: the plan had a build step" grep -q "build image '$p-app' (missing)" "$work/last.out"
probe=$(docker exec "$p-app-1" sh -c 'ls /ctx; echo "greeting=$GREETING"')
check "build: the context is in the image" grep -qx keep.txt <<<"$probe"
check "build: .dockerignore kept ignored.txt out" bash -c "! grep -qx ignored.txt <<<\"\$1\"" _ "$probe"
check "build: build args reach the Dockerfile" grep -qx "greeting=hello" <<<"$probe"
check "build: a second apply changes nothing" sc -p "$p" -f "$f" apply
check "build: no changes" grep -qx "no changes" "$work/last.out"
sc -p "$p" -f "$f" down
docker image rm "$p-app" >/dev/null 2>&1

# ---- the live progress display, under a pseudo-terminal ----
new_project tty
f="$here/stacks/three-tier.yaml"
script -qec "'$stackc' -p '$p' -f '$f' apply -t 1" /dev/null >"$work/out.tty" 2>&1
check "tty: redraws lines in place" grep -q $'\x1b\[2K' "$work/out.tty"
check "tty: moves the cursor back up" grep -q $'\x1b\[[0-9]*A' "$work/out.tty"
last_frame=$(awk -v RS=$'\x1b\\[[0-9]+A' 'END {print}' "$work/out.tty" | sed $'s/\x1b\\[[0-9;]*[A-Za-z]//g; s/\r//g')
for want in "Network $p""_appdb" "Network $p""_webapp" "Container $p-app-1" "Container $p-db-1" "Container $p-web-1"; do
  check "tty: final frame shows '$want' done" bash -c "grep -E '✔ $want +(Created|Started)' <<<\"\$1\" >/dev/null" _ "$last_frame"
done
"$stackc" -p "$p" -f "$f" down -t 1 >"$work/tty-down.txt" 2>&1
check "tty: plain lines when not a terminal" grep -q "container '$p-web-1' removed" "$work/tty-down.txt"

# ---- depends_on conditions ----
new_project deps
f="$here/stacks/depends.yaml"
t0=$(date +%s)
check "depends: apply waits for health and completion" sc -p "$p" -f "$f" apply
sleep 1.2  # --until is in whole seconds: let the last events fall before it
events=$(docker events --since "$t0" --until "$(date +%s)" --filter "label=io.stackc.project=$p" \
  --format '{{.Action}} {{.Actor.Attributes.name}}')
line() { grep -n -- "$1" <<<"$events" | head -1 | cut -d: -f1; }
healthy=$(line "health_status: healthy $p-db-1")
web_start=$(line "^start $p-web-1")
job_die=$(line "^die $p-migrate-1")
app_start=$(line "^start $p-app-1")
check "depends: web starts after db is healthy (events)" test -n "$healthy" -a -n "$web_start" -a "${healthy:-0}" -lt "${web_start:-0}"
check "depends: app starts after migrate exited (events)" test -n "$job_die" -a -n "$app_start" -a "${job_die:-0}" -lt "${app_start:-0}"
"$stackc" -p "$p" -f "$f" logs migrate >"$work/logs.out" 2>"$work/logs.err"
check "logs: stdout lines with the container's name" grep -qx "$p-migrate-1 | migrated" "$work/logs.out"
check "logs: stderr lines on stderr" grep -qx "$p-migrate-1 | one warning" "$work/logs.err"
"$stackc" -p "$p" -f "$f" logs --tail 1 --no-log-prefix migrate >"$work/logs.tail" 2>&1
check "logs: --tail 1" test "$(cat "$work/logs.tail")" == "one warning"
docker exec "$p-web-1" sh -c 'sleep 1; echo followed > /proc/1/fd/1' &
timeout 4 "$stackc" -p "$p" -f "$f" logs -f web >"$work/logs.follow" 2>&1
wait
check "logs: -f follows new lines" grep -qx "$p-web-1 | followed" "$work/logs.follow"
check "depends: second apply changes nothing" sc -p "$p" -f "$f" apply
check "depends: empty plan" grep -qx "no changes" "$work/last.out"
sc -p "$p" -f "$f" down >/dev/null
sed 's/exit 0/exit 3/' "$f" > "$work/deps-fail.yaml"
sc -p "$p" -f "$work/deps-fail.yaml" apply; rc=$?
check "depends: a failed dependency stops the apply with exit 1" test "$rc" -eq 1
check "depends: and says why" grep -q "service \"migrate\" didn't complete successfully: exit 3" "$work/last.err"
check "depends: the dependent was not started" \
  bash -c "! docker inspect -f '{{.State.Running}}' $p-app-1 2>/dev/null | grep -q true"
sc -p "$p" -f "$f" down >/dev/null

# ---- lifecycle hooks ----
new_project hooks
f="$here/stacks/hooks.yaml"
t0=$(date +%s)
check "hooks: apply runs the post_start hooks" sc -p "$p" -f "$f" apply
check "hooks: both post_start hooks ran, in order, as root" \
  test "$(docker exec "$p-app-1" cat /data/started | tr '\n' ' ')" = "started second "
sleep 1.2
events=$(docker events --since "$t0" --until "$(date +%s)" --filter "label=io.stackc.project=$p" \
  --format '{{.Action}} {{.Actor.Attributes.name}}')
hook_done=$(grep -n "^exec_die $p-app-1" <<<"$events" | sed -n 2p | cut -d: -f1)  # the second hook
web_start=$(grep -n "^start $p-web-1" <<<"$events" | head -1 | cut -d: -f1)
check "hooks: the dependent starts after the hooks (events)" \
  test -n "$hook_done" -a -n "$web_start" -a "${hook_done:-0}" -lt "${web_start:-0}"
check "hooks: a second apply changes nothing" sc -p "$p" -f "$f" apply
check "hooks: empty plan" grep -qx "no changes" "$work/last.out"
check "hooks: down runs pre_stop" sc -p "$p" -f "$f" down
check "hooks: pre_stop left its mark on the kept volume" test "$(docker run --rm -v "${p}_data:/data" \
  --label "io.stackc.project=$p" stackc-test/busybox:1 cat /data/stopped)" = "stopping"
sed 's/echo started > \/data\/started/exit 5/' "$f" >"$work/hooks-fail.yaml"
sc -p "$p" -f "$work/hooks-fail.yaml" apply; rc=$?
check "hooks: a failing post_start hook fails the apply (exit 1)" test "$rc" -eq 1
check "hooks: and says which hook" grep -q "post_start hook 1 in container '$p-app-1' exited with 5" "$work/last.err"
check "hooks: the dependent was not started" \
  bash -c "! docker inspect -f '{{.State.Running}}' $p-web-1 2>/dev/null | grep -q true"
sed 's/echo started > \/data\/started/sleep 3600/' "$f" >"$work/hooks-stuck.yaml"
t0=$(date +%s)
sc -p "$p" -f "$work/hooks-stuck.yaml" apply --wait-timeout 3; rc=$?
check "hooks: a post_start hook that never exits fails the apply after --wait-timeout (exit 1)" \
  test "$rc" -eq 1 -a $(($(date +%s) - t0)) -lt 60
check "hooks: and names the stuck hook" \
  grep -q "post_start hook 1 in container '$p-app-1' did not exit within 3 s" "$work/last.err"
# Ctrl-C while a hook runs gives the hook's exec up at once: exit 130, not a wait for the timeout.
sc -p "$p" -f "$work/hooks-stuck.yaml" down >/dev/null
timeout 60 "$stackc" -p "$p" -f "$work/hooks-stuck.yaml" apply --wait-timeout 60 -t 1 \
  >"$work/out.hook-int" 2>"$work/err.hook-int" &
pid=$!
sleep 3
t0=$(date +%s)
kill -INT "$pid"
wait "$pid"
rc=$?
check "hooks: Ctrl-C during a hook that never exits stops the apply at once (exit 130)" \
  test "$rc" -eq 130 -a $(($(date +%s) - t0)) -le 5
check "hooks: and says it was interrupted, not that the hook timed out" \
  bash -c "grep -q '^error: interrupted; run apply again to finish' '$work/err.hook-int' &&
    ! grep -q 'did not exit' '$work/err.hook-int'"
sc -p "$p" -f "$f" down --volumes >/dev/null
# A `restart: true` dependent restarted for its recreated dependency runs its pre_stop hooks first.
cat >"$work/hooks-restart.yaml" <<'EOF'
services:
  app:
    image: stackc-test/busybox:1
    command: ["sh", "-c", "sleep 3600"]
    environment: [GEN=1]
  web:
    image: stackc-test/busybox:1
    command: ["sh", "-c", "sleep 3600"]
    volumes: [data:/data]
    depends_on: {app: {condition: service_started, restart: true}}
    pre_stop:
      - command: ["sh", "-c", "echo restarted >> /data/web"]
volumes:
  data: {}
EOF
check "hooks: the restart stack applies" sc -p "$p" -f "$work/hooks-restart.yaml" apply
web_id=$(docker inspect -f '{{.Id}}' "$p-web-1" 2>/dev/null)
sed 's/GEN=1/GEN=2/' "$work/hooks-restart.yaml" >"$work/hooks-restart2.yaml"
check "hooks: a recreated dependency restarts its restart: true dependent" \
  sc -p "$p" -f "$work/hooks-restart2.yaml" apply
check "hooks: the restart keeps the dependent's container" \
  test -n "$web_id" -a "$(docker inspect -f '{{.Id}}' "$p-web-1" 2>/dev/null)" = "$web_id"
check "hooks: and runs its pre_stop hook before the stop" \
  test "$(docker exec "$p-web-1" cat /data/web 2>/dev/null)" = "restarted"
sc -p "$p" -f "$work/hooks-restart2.yaml" down --volumes >/dev/null

# ---- faults ----
new_project faults
f="$here/stacks/three-tier.yaml"
DOCKER_HOST=unix://$work/no.sock timeout 30 "$stackc" -p "$p" -f "$f" apply >"$work/out.nosock" 2>"$work/err.nosock"
rc=$?
check "faults: no daemon socket exits 2" test "$rc" -eq 2
check "faults: and says so" grep -q "cannot connect to the Docker daemon" "$work/err.nosock"
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $STACKC_E2E_PORT)); s.listen(); time.sleep(60)" &
holder=$!
sleep 0.5
sc -p "$p" -f "$f" apply; rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check "faults: a taken host port fails the apply (exit 1)" test "$rc" -eq 1
check "faults: the error names the service and the port" \
  bash -c "grep -q \"service 'web'\" '$work/last.err' && grep -q '$STACKC_E2E_PORT' '$work/last.err'"
check "faults: the next apply converges" sc -p "$p" -f "$f" apply
# SIGINT after the Nth Engine API call (interrupt/ proxies the socket and counts the calls), at
# several N over a cold apply and over an apply that recreates every container: exit 130, then the
# next apply converges, a third plans nothing, and no container is left but the project's own.
export PATH="/usr/local/go/bin:$PATH"
check "faults: the interrupting proxy builds" \
  bash -c "cd '$here/interrupt' && GOFLAGS=-buildvcs=false go build -o '$work/interrupt' ."
expected_names="$p-app-1 $p-db-1 $p-web-1"
names_of() {  # every container whose name mentions the project, labelled or not, sorted
  docker ps -a --format '{{.Names}}' | grep -F -- "$p" | sort | tr '\n' ' ' | sed 's/ $//'
}
sed -e 's/MYSQL_DATABASE=mydb1/MYSQL_DATABASE=mydb2/' -e 's|"/www"|"/tmp"|' \
  -e 's|stdin_open: true|stdin_open: true\n    working_dir: /tmp|' "$f" >"$work/three-tier-changed.yaml"
# interrupted_run LABEL BEFORE FILE: from nothing (BEFORE empty) or from BEFORE applied, count
# the calls of applying FILE, then interrupt that apply at several N.
interrupted_run() {
  local label="$1" before="$2" file="$3" total rc
  prepare() {
    if [ -z "$before" ]; then sc -p "$p" -f "$file" down >/dev/null; else sc -p "$p" -f "$before" apply >/dev/null; fi
  }
  prepare
  "$work/interrupt" -log "$work/calls.$label" -- "$stackc" -p "$p" -f "$file" apply -t 1 >/dev/null 2>&1
  total=$(awk '/^calls/ {print $2}' "$work/calls.$label")
  check "faults: $label apply counted ($total calls)" test "${total:-0}" -gt 8
  for at in $((total / 4)) $((total / 2)) $((3 * total / 4)) $((total - 2)); do
    prepare
    "$work/interrupt" -after "$at" -log "$work/calls.$label.$at" -- \
      "$stackc" -p "$p" -f "$file" apply -t 1 >"$work/out.int" 2>"$work/err.int"
    rc=$?
    cat "$work/out.int" "$work/err.int" >>"$work/all-interrupted.txt"
    check "faults: $label, SIGINT after call $at of $total stops the apply (exit 130)" test "$rc" -eq 130
    check "faults: $label, then the next apply converges ($at)" sc -p "$p" -f "$file" apply
    sc -p "$p" -f "$file" apply
    check "faults: $label, and a third plans nothing ($at)" grep -qx "no changes" "$work/last.out"
    check "faults: $label, no temporary or stray container ($at)" test "$(names_of)" = "$expected_names"
  done
}
interrupted_run cold "" "$f"
interrupted_run recreate "$f" "$work/three-tier-changed.yaml"
sc -p "$p" -f "$f" apply >/dev/null
docker volume create --label "io.stackc.project=$p" --label io.stackc.volume=data "${p}_data" >/dev/null
check "volumes: down keeps named volumes" sc -p "$p" -f "$f" down
check "volumes: the volume is still there" bash -c "docker volume inspect ${p}_data >/dev/null"
check "volumes: down --volumes removes it" sc -p "$p" -f "$f" down --volumes
check "volumes: gone" bash -c "! docker volume inspect ${p}_data >/dev/null 2>&1"

# ---- the reachability and egress analyses against what the Engine lets through ----
check "reachability: every prediction holds on the Engine (tests/engine/reachability.py)" \
  python3 "$here/reachability.py" "$stackc" "$work" "stackc-e2e-reach-$run_id"
check "reachability: nothing left behind" test -z "$(docker ps -a \
  --format '{{.Label "io.stackc.project"}}' | grep -F "stackc-e2e-reach-$run_id")"

# ---- no secret value in any output ----
leaks=$(grep -l -- "$STACKC_E2E_SECRET" "$work"/out.* "$work"/err.* "$work/all-interrupted.txt" 2>/dev/null)
check "secrets: no output of stackc shows the secret value" test -z "$leaks"
"$stackc" -p "$p" -f "$f" plan --format json >"$work/plan.json" 2>&1
check "secrets: the JSON plan does not show it" bash -c "! grep -q -- '$STACKC_E2E_SECRET' '$work/plan.json'"

for q in "${projects[@]}"; do
  check "cleanup: down left no container of $q" \
    test -z "$(docker ps -aq --filter "label=io.stackc.project=$q")"
done
echo "engine tests: $failures failed"
[ "$failures" -eq 0 ]
