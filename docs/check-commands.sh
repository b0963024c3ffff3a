#!/bin/bash
# Re-runs the shell commands of README.md, docs/aws-access.md and docs/operations.md that need
# neither Docker nor Kubernetes (the worker jar and the AWS simulator jar), once each, and checks
# their result against what the docs say. Prints each command with PASS or FAIL; exits 1 when
# any failed.
#
#   mvn -B -ntp -o -q -DskipTests package     # builds both jars first
#   bash docs/check-commands.sh               # about 2 minutes on 2 cores
#
# It starts the simulator with README's command (demo organisation, 127.0.0.1:4599, instance
# metadata on 4600) and the stand-in Resoto core of module test-core (8900), and needs ports 4599,
# 4600, 8900 and 9956 free. The only additions to the docs'
# commands: AWS_ENDPOINT_URL / RESOTOWORKER_AWS__ENDPOINT_URL pointing at the simulator (the
# README's aws-demo.yaml sets endpoint_url itself), AWS_EC2_METADATA_SERVICE_ENDPOINT for the
# instance profile, the demo's keys in place of "AKIA...", and HOME set to a scratch directory
# (the ~/.aws files and ~/.resotoworker/data it writes stay out of your home).
# Not part of .ci/run: the module tests cover the same behaviour; this checks the docs.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$ROOT/worker-app/target/worker.jar
SIM=$ROOT/aws-simulator/target/aws-simulator.jar
for j in "$W" "$SIM" "$ROOT/test-core/target/test-core.jar"; do
  [ -f "$j" ] || { echo "missing $j: run mvn -B -ntp -DskipTests package first"; exit 2; }
done
for p in 4599 4600 8900 9956; do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "port $p is in use"; exit 2; fi
done

WORK=$(mktemp -d /tmp/check-commands.XXXXXX)
export HOME=$WORK/home
# the SDK finds ~/.aws through HOME, the worker's data_dir default through user.home
export JDK_JAVA_OPTIONS="-Duser.home=$HOME"
mkdir -p "$HOME"
cd "$WORK"
SIM_PID=; DAEMON_PID=; CORE_PID=
cleanup() {
  [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null
  [ -n "$CORE_PID" ] && kill "$CORE_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

KEY=AKIADEMO00000000000A
SECRET=demo-secret-0000000000000000000000000000
SIMENV="RESOTOWORKER_AWS__ENDPOINT_URL=http://127.0.0.1:4599 AWS_ENDPOINT_URL=http://127.0.0.1:4599"
PASSED=0; FAILED=0

# check DOC "COMMAND" EXPECTED_EXIT REGEX... : runs COMMAND (with the worker jar as in the docs)
# in bash, output and errors together; passes when the exit code is EXPECTED_EXIT and every
# REGEX matches a line of the output. A REGEX starting with ! must match no line.
check() {
  local doc=$1 cmd=$2 want_rc=$3; shift 3
  local out rc ok=1 why=
  out=$(cd "$WORK" && env $SIMENV bash -c "${cmd//worker-app\/target\/worker.jar/$W}" 2>&1); rc=$?
  [ "$rc" = "$want_rc" ] || { ok=0; why="exit code $rc, expected $want_rc"; }
  for re in "$@"; do
    if [[ $re == !* ]]; then
      grep -qE -- "${re:1}" <<<"$out" && { ok=0; why="$why; unexpected /${re:1}/"; }
    else
      grep -qE -- "$re" <<<"$out" || { ok=0; why="$why; missing /$re/"; }
    fi
  done
  if [ $ok = 1 ]; then
    PASSED=$((PASSED + 1)); printf 'PASS  %-16s %s\n' "$doc" "$cmd"
  else
    FAILED=$((FAILED + 1)); printf 'FAIL  %-16s %s\n      %s\n' "$doc" "$cmd" "${why#; }"
    tail -n 15 <<<"$out" | sed 's/^/      | /'
  fi
}
# the account lines of a collect summary: "  aws <name> (<id>) ..."
acct() { echo "^  aws .*\\($1\\)"; }

# ---------------------------------------------------------------- README.md
( cd "$ROOT" && exec java -jar aws-simulator/target/aws-simulator.jar ) > sim.log 2>&1 &
SIM_PID=$!
for _ in $(seq 60); do grep -q 'instance metadata' sim.log 2>/dev/null && break; sleep 0.5; done
if grep -q '127.0.0.1:4599' sim.log && grep -q '127.0.0.1:4600' sim.log; then
  PASSED=$((PASSED + 1)); echo "PASS  README.md        java -jar aws-simulator/target/aws-simulator.jar &"
else
  FAILED=$((FAILED + 1)); echo "FAIL  README.md        java -jar aws-simulator/target/aws-simulator.jar &"; cat sim.log; exit 1
fi

cat > aws-demo.yaml <<'YAML'
resotoworker:
  collector: [aws]
aws:
  endpoint_url: http://127.0.0.1:4599
  access_key_id: AKIADEMO00000000000A
  secret_access_key: demo-secret-0000000000000000000000000000
  role: ResotoAccess
  external_id: demo-external-id
  scrape_org: true
YAML
# without the SIMENV variables: the file alone must be enough
SIMENV_SAVED=$SIMENV; SIMENV=
check README.md "java -jar worker-app/target/worker.jar collect -c aws-demo.yaml" 0 \
  'COMPLETE' "$(acct 111111111111)" "$(acct 222222222222)" "$(acct 333333333333)" 'skipped'
check README.md "java -jar worker-app/target/worker.jar demo" 0 \
  'COMPLETE' "$(acct 111111111111)" "$(acct 222222222222)" "$(acct 333333333333)" 'aws_ec2_instance' "written to: $HOME/.resotoworker/data/runs/"
check README.md "java -jar worker-app/target/worker.jar collect --override resotoworker.collector=example" 0 \
  'COMPLETE' '^  example ' 'example_instance'
SIMENV=$SIMENV_SAVED
check README.md "java -jar worker-app/target/worker.jar config show --sources -c aws-demo.yaml" 0 \
  'access_key_id' 'aws-demo.yaml' "!$SECRET"
check README.md "java -jar worker-app/target/worker.jar config validate aws-demo.yaml" 0
check README.md "java -jar worker-app/target/worker.jar config defaults" 0 '^resotoworker:' '^aws:'
check README.md "java -jar worker-app/target/worker.jar --version" 0 'resotoworker'
check README.md "java -jar worker-app/target/worker.jar collect --help" 0 'Usage: worker collect'

# ---------------------------------------------------------------- docs/aws-access.md
mkdir -p "$HOME/.aws"
check aws-access.md "AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET java -jar worker-app/target/worker.jar collect --override resotoworker.collector=aws" 0 \
  'COMPLETE' "$(acct 111111111111)"

cat > worker.yaml <<YAML
resotoworker:
  collector: [aws]
aws:
  access_key_id: $KEY
  secret_access_key: $SECRET
YAML
check aws-access.md "java -jar worker-app/target/worker.jar collect -c worker.yaml  # keys in the file" 0 \
  'COMPLETE' "$(acct 111111111111)"

cat > placeholders.yaml <<'YAML'
resotoworker:
  collector: [aws]
aws:
  access_key_id: $(COLLECTOR_KEY_ID)
  secret_access_key: $(COLLECTOR_SECRET)
YAML
check aws-access.md "COLLECTOR_KEY_ID=$KEY COLLECTOR_SECRET=$SECRET java -jar worker-app/target/worker.jar collect -c placeholders.yaml" 0 \
  'COMPLETE' "$(acct 111111111111)"
check aws-access.md "COLLECTOR_KEY_ID=$KEY java -jar worker-app/target/worker.jar collect -c placeholders.yaml  # one variable unset" 2 \
  'COLLECTOR_SECRET'

cat > "$HOME/.aws/credentials" <<INI
[production]
aws_access_key_id = $KEY
aws_secret_access_key = $SECRET
INI
cat > "$HOME/.aws/config" <<'INI'
[profile sandbox]
role_arn = arn:aws:iam::333333333333:role/ResotoAccess
source_profile = production
region = us-east-1
INI
cat > profiles.yaml <<'YAML'
resotoworker:
  collector: [aws]
aws:
  profiles: [production, sandbox]
  prefer_profile_as_account_name: true
YAML
check aws-access.md "java -jar worker-app/target/worker.jar collect -c profiles.yaml" 0 \
  'COMPLETE' '^  aws production \(111111111111\)' '^  aws sandbox \(333333333333\)'
check aws-access.md "AWS_PROFILE=sandbox java -jar worker-app/target/worker.jar collect --override resotoworker.collector=aws" 0 \
  'COMPLETE' "$(acct 333333333333)|^  aws 333333333333 " "!$(acct 111111111111)"
sed -i '/^region/d' "$HOME/.aws/config"
check aws-access.md "java -jar worker-app/target/worker.jar collect -c profiles.yaml  # role profile without region" 3 \
  'profile sandbox\] credentials do not get in, skipped' '^  aws production \(111111111111\)'

rm -rf "$HOME/.aws"; mkdir -p "$HOME/.aws"
check aws-access.md "AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4600 java -jar worker-app/target/worker.jar collect --override resotoworker.collector=aws  # instance profile" 0 \
  'COMPLETE' "$(acct 111111111111)"
cat > "$HOME/.aws/config" <<'INI'
[default]
region = us-east-1
role_arn = arn:aws:iam::222222222222:role/ResotoAccess
external_id = demo-external-id
credential_source = Ec2InstanceMetadata
INI
check aws-access.md "AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4600 java -jar worker-app/target/worker.jar collect --override resotoworker.collector=aws  # instance profile + role" 0 \
  'COMPLETE' "$(acct 222222222222)" "!$(acct 111111111111)"
rm -rf "$HOME/.aws"

echo demo-token > token
check aws-access.md "AWS_REGION=us-east-1 AWS_ROLE_ARN=arn:aws:iam::111111111111:role/worker-pod AWS_WEB_IDENTITY_TOKEN_FILE=$WORK/token java -jar worker-app/target/worker.jar collect --override resotoworker.collector=aws" 0 \
  'COMPLETE' "$(acct 111111111111)"

cat > accounts.yaml <<'YAML'
resotoworker:
  collector: [aws]
aws:
  role: ResotoAccess                 # a name: the ARN is built per account; or a full role ARN
  external_id: $(RESOTO_EXTERNAL_ID) # when the role's trust policy requires an ExternalId
  account: ["222222222222", "333333333333"]   # these accounts ...
  # scrape_org: true                 # ... or every account of the organisation
YAML
sed -e 's/^  account:/  # account:/' -e 's/^  # scrape_org:/  scrape_org:/' accounts.yaml > org.yaml
check aws-access.md "RESOTO_EXTERNAL_ID=demo-external-id AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET java -jar worker-app/target/worker.jar collect -c accounts.yaml" 0 \
  'COMPLETE' "$(acct 222222222222)" "$(acct 333333333333)" "!$(acct 111111111111)"
check aws-access.md "RESOTO_EXTERNAL_ID=demo-external-id AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET java -jar worker-app/target/worker.jar collect -c org.yaml" 0 \
  'COMPLETE' "$(acct 111111111111)" "$(acct 222222222222)" "$(acct 333333333333)"
check aws-access.md "RESOTO_EXTERNAL_ID=demo-external-id AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET RESOTOWORKER_AWS__SHARD=resotoworker-0/2 java -jar worker-app/target/worker.jar collect -c org.yaml" 0 \
  'COMPLETE' "$(acct 222222222222)" "!$(acct 111111111111)" "!$(acct 333333333333)"
check aws-access.md "RESOTO_EXTERNAL_ID=demo-external-id AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET RESOTOWORKER_AWS__SHARD=resotoworker-1/2 java -jar worker-app/target/worker.jar collect -c org.yaml" 0 \
  'COMPLETE' "$(acct 111111111111)" "$(acct 333333333333)" "!$(acct 222222222222)"
check kubernetes.md "RESOTO_EXTERNAL_ID=x RESOTOWORKER_AWS__SHARD=2/2 java -jar worker-app/target/worker.jar config validate org.yaml" 2 \
  'aws.shard: the shard index must be between 0 and 1 \(shards are numbered from 0\), got 2/2'

# ---------------------------------------------------------------- docs/operations.md
check operations.md "java -jar worker-app/target/worker.jar collect  # no collector set, no credentials" 3 \
  'not auto-enabled: no credentials answered sts:GetCallerIdentity' 'no collector configured and none could be auto-enabled'

# the daemon of operations.md "Scale-out", then the trigger of aws-access.md against it
export RESOTOWORKER_PSK=check-commands-psk RESOTO_EXTERNAL_ID=demo-external-id AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET
cp org.yaml worker.yaml
DCMD="RESOTOWORKER_AWS__SHARD=0/2 java -jar worker-app/target/worker.jar -c worker.yaml   # host one"
env $SIMENV RESOTOWORKER_AWS__SHARD=0/2 java -jar "$W" -c worker.yaml > daemon.log 2>&1 &
DAEMON_PID=$!
for _ in $(seq 60); do curl -sf http://127.0.0.1:9956/health >/dev/null 2>&1 && break; sleep 0.5; done
if curl -sf http://127.0.0.1:9956/health | grep -q ok; then
  PASSED=$((PASSED + 1)); echo "PASS  operations.md    $DCMD  (/health ok)"
else
  FAILED=$((FAILED + 1)); echo "FAIL  operations.md    $DCMD"; tail -n 15 daemon.log | sed 's/^/      | /'
fi
check aws-access.md 'java -jar worker-app/target/worker.jar trigger --url http://127.0.0.1:9956 --psk "$RESOTOWORKER_PSK"' 0 \
  '^collect (started|queued|already_queued)$'
for _ in $(seq 60); do grep -q 'collected: ' daemon.log && grep -q '^Collect run' daemon.log && break; sleep 0.5; done
kill -TERM "$DAEMON_PID"; wait "$DAEMON_PID"; rc=$?; DAEMON_PID=
if [ $rc = 0 ] && grep -qE 'account .*\(222222222222\) collected: .* nodes' daemon.log \
   && ! grep -qE '\((111111111111|333333333333)\) collected' daemon.log && grep -q 'shutdown complete' daemon.log; then
  PASSED=$((PASSED + 1)); echo "PASS  aws-access.md    (the triggered run: log line 'account <name> (<id>) collected: ... nodes' for shard 0/2 only; SIGTERM exit 0)"
else
  FAILED=$((FAILED + 1)); echo "FAIL  aws-access.md    (the triggered run: exit $rc)"; tail -n 15 daemon.log | sed 's/^/      | /'
fi

# operations.md "Running next to a Resoto core", against the stand-in core of module test-core
( cd "$ROOT" && exec java -jar test-core/target/test-core.jar --port 8900 --psk "$RESOTOWORKER_PSK" ) > core.log 2>&1 &
CORE_PID=$!
for _ in $(seq 60); do grep -q 'listening' core.log 2>/dev/null && break; sleep 0.5; done
core_check() {
  local shown=$1; shift
  env "$@" --override resotoworker.collector=example > core-worker.log 2>&1 &
  DAEMON_PID=$!
  for _ in $(seq 60); do grep -q 'actions channel connected' core-worker.log && break; sleep 0.5; done
  local ready; ready=$(curl -s http://127.0.0.1:9956/ready | tr -d '\r')
  kill -TERM "$DAEMON_PID"; wait "$DAEMON_PID"; local rc=$?; DAEMON_PID=
  if [ $rc = 0 ] && [ "$ready" = ok ] && grep -q 'connected to the core at http://127.0.0.1:8900' core-worker.log \
     && grep -q 'core actions channel connected' core-worker.log; then
    PASSED=$((PASSED + 1)); echo "PASS  operations.md    $shown  (connected, /ready ok, SIGTERM exit 0)"
  else
    FAILED=$((FAILED + 1)); echo "FAIL  operations.md    $shown  (exit $rc, /ready '$ready')"; tail -n 15 core-worker.log | sed 's/^/      | /'
  fi
}
PSK=$RESOTOWORKER_PSK
core_check 'java -jar worker.jar --resotocore-uri http://resotocore:8900 --psk "$PSK"  # core at 127.0.0.1:8900' \
  -u RESOTOWORKER_PSK java -jar "$W" --resotocore-uri http://127.0.0.1:8900 --psk "$PSK"
core_check 'RESOTOWORKER_RESOTOCORE_URI=http://resotocore:8900 RESOTOWORKER_PSK=... java -jar worker.jar  # core at 127.0.0.1:8900' \
  RESOTOWORKER_RESOTOCORE_URI=http://127.0.0.1:8900 RESOTOWORKER_PSK="$PSK" java -jar "$W"
kill "$CORE_PID" 2>/dev/null; wait "$CORE_PID" 2>/dev/null

echo
echo "$PASSED passed, $FAILED failed"
[ $FAILED = 0 ]
