#!/usr/bin/env bash
# Builds the worker image with podman and runs it for real, on a machine without a Docker engine
# or a container registry (the recipe: docs/docker.md#testing-the-image).
#
#   mvn -B -ntp -DskipTests package && bash docker/test-image.sh
#
# What it proves: the image builds from docker/Dockerfile; it runs as user resoto (home
# /home/resoto) with the JVM sized from the container's memory limit; the worker in it collects
# the AWS simulator's demo organisation (credentials from a mounted /home/resoto/.aws, the data
# directory on a named volume) and the graph arrives there; the image's HEALTHCHECK and /health
# answer; `podman stop` during a collect ends it cleanly (exit 0, "shutdown complete", nothing
# half-written); docker-compose accepts docker/docker-compose.yaml.
#
# Needs root (podman rootful) and, on a machine without them, apt-get to install podman, runc,
# debootstrap and docker-compose. No registry is needed: unless BASE_IMAGE names another image,
# the JRE base is built once with debootstrap from the Debian mirror apt uses and kept as
# localhost/jre17-base for the next run. Everything else it creates (image, containers, volume,
# simulator process, temp files) is removed at the end, pass or fail.
#
# Environment: BASE_IMAGE (default localhost/jre17-base, built if missing; or e.g.
# eclipse-temurin:17-jre where a registry is reachable), KEEP_BASE=0 to remove a base image this
# run built, RESOTOWORKER_SKIP_IMAGE_TEST=1 to skip (prints that it skipped; CI never sets it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
T0=$(date +%s)
step() { printf '\n== [%3ds] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
info() { printf '   %s\n' "$*"; }
fail() { printf '\nFAIL [%ds]: %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; exit 1; }

if [[ "${RESOTOWORKER_SKIP_IMAGE_TEST:-}" == 1 ]]; then
  echo "docker/test-image.sh: skipped (RESOTOWORKER_SKIP_IMAGE_TEST=1)"
  exit 0
fi

DEFAULT_BASE=localhost/jre17-base
BASE_IMAGE=${BASE_IMAGE:-$DEFAULT_BASE}
RUN_ID="rw-test-$$"
IMAGE="localhost/resotoworker:$RUN_ID"
CONTAINER="$RUN_ID"
VOLUME="$RUN_ID-data"
WORK=$(mktemp -d /tmp/resotoworker-image-test.XXXXXX)
SIM_PID=""
SVC_PID=""
COMPOSE_UP=0
BUILT_BASE=0
PSK="psk-$RUN_ID-$RANDOM$RANDOM"

cleanup() {
  local rc=$?
  set +e
  if [[ $rc -ne 0 ]]; then
    if podman container exists "$CONTAINER" 2>/dev/null; then
      echo "--- last 40 lines of the worker container's log ---" >&2
      podman logs --tail 40 "$CONTAINER" >&2
    fi
    if [[ -s "$WORK/simulator.log" ]]; then
      echo "--- last 10 lines of the simulator's log ---" >&2
      tail -n 10 "$WORK/simulator.log" >&2
    fi
  fi
  step "cleaning up"
  if command -v podman >/dev/null 2>&1; then
    podman rm -f -t 0 "$CONTAINER" >/dev/null 2>&1
    podman volume rm -f "$VOLUME" >/dev/null 2>&1
    podman rmi -f "$IMAGE" >/dev/null 2>&1
    if [[ $BUILT_BASE == 1 && "${KEEP_BASE:-1}" == 0 ]]; then podman rmi -f "$BASE_IMAGE" >/dev/null 2>&1; fi
  fi
  if [[ $COMPOSE_UP == 1 ]]; then
    DOCKER_HOST="unix://$SOCK" docker-compose -p "$RUN_ID" -f docker/docker-compose.yaml down -v >/dev/null 2>&1
    podman network rm -f "${RUN_ID}_default" >/dev/null 2>&1
  fi
  if [[ -n "$SVC_PID" ]]; then kill "$SVC_PID" 2>/dev/null; wait "$SVC_PID" 2>/dev/null; fi
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null; wait "$SIM_PID" 2>/dev/null; fi
  rm -rf "$WORK"
  info "removed container $CONTAINER, volume $VOLUME, image $IMAGE, the simulator (pid ${SIM_PID:-none}), the podman service (pid ${SVC_PID:-none}), $WORK"
  if [[ $rc -eq 0 ]]; then
    printf '\nPASS: docker/test-image.sh in %ds\n' "$(( $(date +%s) - T0 ))"
  else
    printf '\nFAIL: docker/test-image.sh (exit %d) after %ds\n' "$rc" "$(( $(date +%s) - T0 ))" >&2
  fi
  exit $rc
}
trap cleanup EXIT

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds=$1; shift
  local deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    (( $(date +%s) < deadline )) || return 1
    sleep 0.2
  done
}

free_port() {
  local port
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "no free port found"
}

# ---------------------------------------------------------------------------------------------
step "prerequisites"
WORKER_JAR=worker-app/target/worker.jar
SIM_JAR=aws-simulator/target/aws-simulator.jar
for jar in "$WORKER_JAR" "$SIM_JAR"; do
  [[ -f "$jar" ]] || fail "$jar is missing: build it first (mvn -B -ntp -DskipTests package)"
done
info "jars: $WORKER_JAR, $SIM_JAR"

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [[ "$BASE_IMAGE" == "$DEFAULT_BASE" ]] && ! command -v debootstrap >/dev/null 2>&1; then missing+=(debootstrap); fi
if (( ${#missing[@]} )); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    fail "this test needs ${missing[*]} and root to install them with apt-get (or run it where podman works as root)"
  fi
  info "installing ${missing[*]} from Debian (apt-get)"
  t=$(date +%s)
  apt-get update -qq >"$WORK/apt.log" 2>&1 || { tail -n 20 "$WORK/apt.log"; fail "apt-get update failed"; }
  # podman with its recommended packages (netavark, aardvark-dns, slirp4netns, uidmap, ...), as
  # in the tested recipe; docker-compose without them (they would add a Docker engine)
  podman_set=() compose_set=()
  for p in "${missing[@]}"; do if [[ $p == docker-compose ]]; then compose_set+=("$p"); else podman_set+=("$p"); fi; done
  if (( ${#podman_set[@]} )); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${podman_set[@]}" >>"$WORK/apt.log" 2>&1 \
      || { tail -n 20 "$WORK/apt.log"; fail "apt-get install ${podman_set[*]} failed"; }
  fi
  if (( ${#compose_set[@]} )); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${compose_set[@]}" >>"$WORK/apt.log" 2>&1 \
      || { tail -n 20 "$WORK/apt.log"; fail "apt-get install ${compose_set[*]} failed"; }
  fi
  info "installed in $(( $(date +%s) - t ))s"
fi
[[ $(id -u) -eq 0 ]] || fail "run as root: the test uses rootful podman"

# podman's defaults do not work on this kind of machine: its crun refuses hybrid cgroups (runc
# works) and its default rlimits exceed what a process without CAP_SYS_RESOURCE may set. A
# containers.conf of our own (CONTAINERS_CONF) fixes both without touching /etc.
hard_nofile=$(ulimit -Hn); [[ "$hard_nofile" == unlimited || "$hard_nofile" -gt 1048576 ]] && hard_nofile=1048576
hard_nproc=$(ulimit -Hu); [[ "$hard_nproc" == unlimited || "$hard_nproc" -gt 32768 ]] && hard_nproc=32768
cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$hard_nofile:$hard_nofile", "nproc=$hard_nproc:$hard_nproc"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF="$WORK/containers.conf"
podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Store.GraphDriverName}}' >"$WORK/podman-info" 2>&1 \
  || { cat "$WORK/podman-info"; fail "podman info failed"; }
info "podman $(podman version --format '{{.Client.Version}}'): runtime, cgroups, storage = $(cat "$WORK/podman-info")"

# ---------------------------------------------------------------------------------------------
step "base image $BASE_IMAGE"
if podman image exists "$BASE_IMAGE"; then
  info "present, reused"
elif [[ "$BASE_IMAGE" == "$DEFAULT_BASE" ]]; then
  # No registry: a Debian bookworm with OpenJDK 17's JRE, curl and wget (what the Temurin JRE
  # image offers the Dockerfile), from the mirror apt already uses.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n "$mirror" ]] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n "$mirror" ]] || fail "cannot find the Debian mirror in /etc/apt/sources.list(.d)"
  info "not present: building it with debootstrap from $mirror (about a minute)"
  t=$(date +%s)
  rootfs="$WORK/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl,wget \
      bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log"; fail "debootstrap failed"; }
  mkdir -p "$rootfs/opt/java"
  ln -s /usr/lib/jvm/java-17-openjdk-amd64 "$rootfs/opt/java/openjdk"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import \
      --change 'ENV JAVA_HOME=/opt/java/openjdk' \
      --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["java","-version"]' \
      - "$BASE_IMAGE" >/dev/null 2>>"$WORK/debootstrap.log" || { tail -n 20 "$WORK/debootstrap.log"; fail "podman import failed"; }
  rm -rf "$rootfs"
  BUILT_BASE=1
  info "built in $(( $(date +%s) - t ))s"
else
  info "not present: podman build will pull it"
fi

# ---------------------------------------------------------------------------------------------
step "building $IMAGE from docker/Dockerfile"
t=$(date +%s)
# --format docker: the OCI format has no HEALTHCHECK and podman would drop it.
podman build --format docker --pull=missing --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg VERSION=test \
    -f docker/Dockerfile -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
  || { tail -n 30 "$WORK/build.log"; fail "podman build failed"; }
info "built in $(( $(date +%s) - t ))s, $(podman image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%d MB", $1/1e6}')"

inspect() { podman image inspect "$IMAGE" --format "$1"; }
[[ "$(inspect '{{.Config.User}}')" == "10001:10001" ]] || fail "image user is '$(inspect '{{.Config.User}}')', expected 10001:10001"
[[ "$(inspect '{{range $p, $_ := .Config.ExposedPorts}}{{$p}} {{end}}')" == *"9956/tcp"* ]] || fail "image does not expose 9956/tcp"
[[ "$(inspect '{{range $v, $_ := .Config.Volumes}}{{$v}} {{end}}')" == *"/home/resoto/.resotoworker/data"* ]] || fail "image has no volume /home/resoto/.resotoworker/data"
[[ "$(inspect '{{json .Config.Entrypoint}}')" == '["java","-jar","/opt/resotoworker/worker.jar"]' ]] || fail "entrypoint is $(inspect '{{json .Config.Entrypoint}}'), expected the exec form java -jar"
[[ "$(inspect '{{json .Config.Healthcheck}}')" == *resotoworker-healthcheck* ]] || fail "image has no HEALTHCHECK: $(inspect '{{json .Config.Healthcheck}}')"
[[ "$(inspect '{{index .Config.Labels "org.opencontainers.image.title"}}')" == resotoworker ]] || fail "OCI title label missing"
[[ "$(inspect '{{index .Config.Labels "org.opencontainers.image.base.name"}}')" == "$BASE_IMAGE" ]] || fail "OCI base.name label is not $BASE_IMAGE"
[[ "$(podman run --rm --no-healthcheck --entrypoint id "$IMAGE" -un)" == resoto ]] || fail "the image does not run as user resoto"
info "user 10001 (resoto), EXPOSE 9956, VOLUME data dir, exec-form ENTRYPOINT, HEALTHCHECK, OCI labels: ok"

# ---------------------------------------------------------------------------------------------
step "JVM heap follows the container's memory limit (--memory 512m)"
heap=$(podman run --rm --no-healthcheck --memory 512m --entrypoint java "$IMAGE" -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '$2 == "MaxHeapSize" {print $4}')
[[ -n "$heap" ]] || fail "could not read MaxHeapSize from the JVM in the image"
heap_mb=$(( heap / 1024 / 1024 ))
(( heap_mb >= 370 && heap_mb <= 390 )) || fail "MaxHeapSize is $heap_mb MiB with a 512 MiB limit, expected 75% (384 MiB)"
info "MaxHeapSize $heap_mb MiB = 75% of 512 MiB"

# ---------------------------------------------------------------------------------------------
step "docker-compose accepts docker/docker-compose.yaml"
docker-compose --version | sed 's/^/   /'
docker-compose -f docker/docker-compose.yaml config -q 2>"$WORK/compose.log" \
  || { cat "$WORK/compose.log"; fail "docker-compose config rejects docker/docker-compose.yaml"; }
services=$(docker-compose -f docker/docker-compose.yaml config --services)
[[ "$services" == resotoworker ]] || fail "compose services are '$services', expected resotoworker"
info "config -q: ok; services: $services"
# the guide's optional credentials mount, uncommented
sed 's|# - \$HOME/\.aws:|- $HOME/.aws:|' docker/docker-compose.yaml >"docker/.compose-$RUN_ID.yaml"
docker-compose -f "docker/.compose-$RUN_ID.yaml" config >"$WORK/compose-aws.yaml" 2>&1 \
  || { rm -f "docker/.compose-$RUN_ID.yaml"; cat "$WORK/compose-aws.yaml"; fail "docker-compose rejects the file with the .aws mount uncommented"; }
rm -f "docker/.compose-$RUN_ID.yaml"
grep -q ":/home/resoto/.aws:ro" "$WORK/compose-aws.yaml" || fail "uncommenting the .aws line did not add the mount"
info "with the \$HOME/.aws line uncommented: ok"

# ---------------------------------------------------------------------------------------------
step "starting the AWS simulator (demo organisation) on 127.0.0.1"
java -jar "$SIM_JAR" --port 0 --imds-port 0 >"$WORK/simulator.log" 2>&1 &
SIM_PID=$!
wait_for 60 grep -q '^AWS simulator: http' "$WORK/simulator.log" || fail "the simulator did not start"
ENDPOINT=$(sed -n 's/^AWS simulator: \(http:[^ ]*\) .*/\1/p' "$WORK/simulator.log")
info "simulator pid $SIM_PID at $ENDPOINT"

# The guide's way of giving the worker credentials: a credentials file in /home/resoto/.aws.
mkdir -p "$WORK/aws"
cat >"$WORK/aws/credentials" <<'EOF'
[default]
aws_access_key_id = AKIADEMO00000000000A
aws_secret_access_key = demo-secret-0000000000000000000000000000
EOF
chmod 755 "$WORK" "$WORK/aws"; chmod 644 "$WORK/aws/credentials"

# ---------------------------------------------------------------------------------------------
WEB_PORT=$(free_port)
step "running the worker container (host network, web port $WEB_PORT, data on volume $VOLUME)"
podman volume create "$VOLUME" >/dev/null
# Host network: the simulator listens on the host's loopback only. podman's complaint that it
# cannot schedule the healthcheck (no systemd here) goes to podman.log; the check is run below.
podman run -d --name "$CONTAINER" --network host --memory 768m \
  -v "$VOLUME:/home/resoto/.resotoworker/data" \
  -v "$WORK/aws:/home/resoto/.aws:ro" \
  -e RESOTOWORKER_WEB_PORT="$WEB_PORT" \
  -e RESOTOWORKER_PSK="$PSK" \
  -e RESOTOWORKER_COLLECTOR=aws \
  -e RESOTOWORKER_AWS__ENDPOINT_URL="$ENDPOINT" \
  -e RESOTOWORKER_AWS__ROLE=ResotoAccess \
  -e RESOTOWORKER_AWS__EXTERNAL_ID=demo-external-id \
  -e RESOTOWORKER_AWS__SCRAPE_ORG=true \
  "$IMAGE" >/dev/null 2>"$WORK/podman.log" || { cat "$WORK/podman.log"; fail "podman run failed"; }
health_ok() { [[ "$(curl -sS -m 2 "http://127.0.0.1:$WEB_PORT/health" 2>/dev/null)" == ok* ]]; }
wait_for 60 health_ok || fail "GET /health on port $WEB_PORT did not answer ok within 60 s"
info "GET /health from the host: ok"
podman healthcheck run "$CONTAINER" >"$WORK/hc.log" 2>&1 || { cat "$WORK/hc.log"; fail "the image's HEALTHCHECK failed"; }
status=$(podman inspect "$CONTAINER" --format '{{.State.Health.Status}}')
[[ "$status" == healthy ]] || fail "health status after the HEALTHCHECK ran is '$status', expected healthy"
info "the image's HEALTHCHECK (podman healthcheck run): $status"
pid1=$(podman exec "$CONTAINER" cat /proc/1/cmdline | tr '\0' ' ')
[[ "$pid1" == "java -jar /opt/resotoworker/worker.jar"* ]] || fail "PID 1 in the container is '$pid1', expected the JVM"
info "PID 1 is the JVM: $pid1"
[[ "$(podman exec "$CONTAINER" id -un)" == resoto ]] || fail "the worker does not run as resoto"
info "runs as $(podman exec "$CONTAINER" id)"

DATA=$(podman volume inspect "$VOLUME" --format '{{.Mountpoint}}')
RUNS="$DATA/runs"

# ---------------------------------------------------------------------------------------------
step "triggering a collect (worker trigger with the PSK from RESOTOWORKER_PSK)"
t=$(date +%s)
podman exec "$CONTAINER" java -jar /opt/resotoworker/worker.jar trigger --url "http://127.0.0.1:$WEB_PORT" \
  >"$WORK/trigger.log" 2>&1 || { cat "$WORK/trigger.log"; fail "worker trigger failed"; }
info "$(grep -v 'Picked up' "$WORK/trigger.log" | head -n 1)"
wait_for 120 test -s "$RUNS/latest" || fail "no finished run in the data volume ($RUNS) within 120 s"
RUN1=$(cat "$RUNS/latest")
info "run $RUN1 finished $(( $(date +%s) - t ))s after the trigger"
grep -q '"status" : "complete"' "$RUNS/$RUN1/summary.json" \
  || { head -n 20 "$RUNS/$RUN1/summary.json"; fail "run $RUN1 is not complete"; }
for account in 111111111111 222222222222 333333333333; do
  f="$RUNS/$RUN1/aws-$account.ndjson"
  [[ -s "$f" ]] || fail "$f is missing or empty"
  grep -q "\"kind\":\"aws_account\"" "$f" || fail "$f has no aws_account node"
done
[[ -s "$RUNS/$RUN1/model.json" ]] || fail "model.json missing"
owner=$(stat -c %u "$RUNS/$RUN1/summary.json")
[[ "$owner" == 10001 ]] || fail "summary.json is owned by uid $owner, expected 10001"
info "summary: complete; aws-{111111111111,222222222222,333333333333}.ndjson ($(cat "$RUNS/$RUN1"/aws-*.ndjson | wc -l) lines), model.json; owner uid 10001"

# ---------------------------------------------------------------------------------------------
step "podman stop during a second collect"
podman exec "$CONTAINER" java -jar /opt/resotoworker/worker.jar trigger --url "http://127.0.0.1:$WEB_PORT" \
  >"$WORK/trigger2.log" 2>&1 || { cat "$WORK/trigger2.log"; fail "second worker trigger failed"; }
in_progress() { compgen -G "$RUNS/.*.partial" >/dev/null || [[ "$(cat "$RUNS/latest")" != "$RUN1" ]]; }
wait_for 30 in_progress || fail "the second collect did not start"
if compgen -G "$RUNS/.*.partial" >/dev/null; then info "collect in progress ($(basename "$(compgen -G "$RUNS/.*.partial" | head -n 1)"))"; else info "the second collect had already finished"; fi
t=$(date +%s%N)
podman stop -t 10 "$CONTAINER" >/dev/null 2>>"$WORK/podman.log"
stop_ms=$(( ($(date +%s%N) - t) / 1000000 ))
code=$(podman inspect "$CONTAINER" --format '{{.State.ExitCode}}')
podman logs "$CONTAINER" >"$WORK/worker.log" 2>&1
[[ "$code" == 0 ]] || fail "exit code after podman stop is $code, expected 0 (137 = killed after the 10 s timeout)"
grep -q 'shutting down (SIGTERM)' "$WORK/worker.log" || fail "the log does not show SIGTERM reaching the worker"
grep -q 'shutdown complete' "$WORK/worker.log" || fail "the log has no 'shutdown complete'"
info "stopped in ${stop_ms} ms, exit code 0; the worker's log:"
grep -E 'shutting down|waiting up to|collect run .* (finished|aborted)|shutdown complete' "$WORK/worker.log" | tail -n 5 | sed 's/^/     /'

if compgen -G "$RUNS/.*" >/dev/null; then ls -la "$RUNS"; fail "something half-written is left in $RUNS"; fi
for dir in "$RUNS"/*/; do
  [[ -s "$dir/summary.json" ]] || fail "run directory $dir has no summary.json"
done
RUN2=$(cat "$RUNS/latest")
[[ "$RUN2" != "$RUN1" ]] || fail "the second collect left no run"
info "nothing half-written; second run $RUN2: $(sed -n 's/^  "status" : "\(.*\)",/\1/p' "$RUNS/$RUN2/summary.json")"

# ---------------------------------------------------------------------------------------------
step "docker-compose up with the compose file, against podman's Docker API"
# docker-compose 1.29 talks to podman's Docker-compatible socket; it uses the image built above
# (RESOTOWORKER_IMAGE, --no-build): the build itself was the same Dockerfile and context.
if podman container exists resotoworker; then
  fail "a container named resotoworker exists on this machine; the compose file's container_name would clash (remove it, or run this elsewhere)"
fi
SOCK="$WORK/podman.sock"
podman system service --time=0 "unix://$SOCK" >"$WORK/podman-service.log" 2>&1 &
SVC_PID=$!
wait_for 20 test -S "$SOCK" || fail "podman system service did not open $SOCK"
COMPOSE_UP=1
compose() {
  DOCKER_HOST="unix://$SOCK" RESOTOWORKER_IMAGE="$IMAGE" RESOTOWORKER_PORT="$COMPOSE_PORT" \
    RESOTOWORKER_PSK="$PSK" AWS_ACCESS_KEY_ID=AKIATESTPASSTHROUGH0 \
    docker-compose -p "$RUN_ID" -f docker/docker-compose.yaml "$@"
}
COMPOSE_PORT=$(free_port)
t=$(date +%s)
compose up -d --no-build >"$WORK/compose-up.log" 2>&1 || { cat "$WORK/compose-up.log"; fail "docker-compose up failed"; }
info "up in $(( $(date +%s) - t ))s: container $(podman ps --filter name=resotoworker --format '{{.Names}} {{.Status}}')"
compose_health() { [[ "$(curl -sS -m 2 "http://127.0.0.1:$COMPOSE_PORT/health" 2>/dev/null)" == ok* ]]; }
wait_for 60 compose_health || fail "GET /health on the published port $COMPOSE_PORT did not answer ok within 60 s"
info "GET /health on the published port $COMPOSE_PORT -> 9956: ok"
podman healthcheck run resotoworker >/dev/null 2>&1 || fail "the HEALTHCHECK failed in the compose container"
info "HEALTHCHECK: $(podman inspect resotoworker --format '{{.State.Health.Status}}')"
[[ "$(podman exec resotoworker printenv RESOTOWORKER_PSK)" == "$PSK" ]] || fail "RESOTOWORKER_PSK was not passed through"
[[ "$(podman exec resotoworker printenv AWS_ACCESS_KEY_ID)" == AKIATESTPASSTHROUGH0 ]] || fail "AWS_ACCESS_KEY_ID was not passed through"
if podman exec resotoworker printenv AWS_SESSION_TOKEN >/dev/null 2>&1; then fail "the unset AWS_SESSION_TOKEN reached the container"; fi
info "environment: RESOTOWORKER_PSK and AWS_ACCESS_KEY_ID passed through, unset AWS_SESSION_TOKEN left out"
mem=$(podman inspect resotoworker --format '{{.HostConfig.Memory}}')
[[ "$mem" == 2147483648 ]] || fail "mem_limit did not apply: memory limit $mem"
compose_volume=$(podman inspect resotoworker --format '{{range .Mounts}}{{if eq .Destination "/home/resoto/.resotoworker/data"}}{{.Name}}{{end}}{{end}}')
[[ "$compose_volume" == *_resotoworker-data ]] || fail "the data directory is not on the named volume (got '$compose_volume')"
info "mem_limit 2g, data on volume $compose_volume"
t=$(date +%s%N)
compose stop >"$WORK/compose-stop.log" 2>&1 || { cat "$WORK/compose-stop.log"; fail "docker-compose stop failed"; }
code=$(podman inspect resotoworker --format '{{.State.ExitCode}}')
[[ "$code" == 0 ]] || fail "exit code after docker-compose stop is $code, expected 0"
podman logs resotoworker 2>&1 | grep -q 'shutdown complete' || fail "no 'shutdown complete' after docker-compose stop"
info "docker-compose stop in $(( ($(date +%s%N) - t) / 1000000 )) ms: exit code 0, shutdown complete"
compose down -v >"$WORK/compose-down.log" 2>&1 || { cat "$WORK/compose-down.log"; fail "docker-compose down -v failed"; }
COMPOSE_UP=0
! podman volume exists "$compose_volume" || fail "docker-compose down -v left the volume $compose_volume"
info "down -v: container, network and volume removed"
