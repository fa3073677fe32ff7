#!/usr/bin/env bash
# Trimmed consumer smoke test: packs Batch.Sdk and Batch.Sdk.Testing into a local feed, publishes
# build/smoke/trimmed (PublishTrimmed, self-contained linux-x64, trim warnings as errors) and
# build/smoke/fake-host (the fake Batch server, untrimmed) outside the repository, starts the fake on 127.0.0.1, runs
# the trimmed app against it, and lets the fake host check that the requests arrived with their fields.
#   build/smoke/trimmed-smoke.sh            (about 1 to 2 minutes after a build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/batch-trimmed.XXXXXX")"
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

source "$root/build/smoke/pack-feed.sh"
pack_smoke_feed "$work"

for project in trimmed fake-host; do
  mkdir -p "$work/$project"
  cp "$root/build/smoke/$project/"*.csproj "$root/build/smoke/$project/Program.cs" "$work/$project/"
  cp "$smoke_nuget_config" "$work/$project/"
done

dotnet publish "$work/trimmed" -c Release -o "$work/out/trimmed" -p:BatchSdkVersion="$smoke_version" --nologo | tee "$work/publish.log"
# Trim warnings: "ILLink : Trim analysis warning IL2026: Origin.Member(...): ...". Only Newtonsoft.Json's warnings about
# its own members may remain (see TrimmedConsumer.csproj); one that names Batch.Sdk or anything else fails the test.
if grep -E 'warning IL[0-9]+' "$work/publish.log" | grep -vE 'warning IL[0-9]+: Newtonsoft\.Json\.' ; then
  echo "trimmed consumer: trim warnings other than Newtonsoft.Json's own (above)"
  exit 1
fi
# Native AOT is not supported: the same app built for it must get the SDK's own warning at build time.
cp -r "$root/build/smoke/trimmed" "$work/aot" && cp "$smoke_nuget_config" "$work/aot/"
dotnet build "$work/aot" -c Release -p:PublishAot=true -p:BatchSdkVersion="$smoke_version" --nologo -v quiet > "$work/aot.log" 2>&1 \
  || { cat "$work/aot.log"; exit 1; }
grep -q 'warning BATCHSDK001: Batch.Sdk does not support Native AOT' "$work/aot.log" || {
  cat "$work/aot.log"; echo "trimmed consumer: a PublishAot build did not get Batch.Sdk's warning BATCHSDK001"; exit 1; }
echo "Native AOT build: warned (BATCHSDK001)"

dotnet build "$work/fake-host" -c Release -o "$work/out/fake-host" -p:BatchSdkVersion="$smoke_version" --nologo -v quiet

# The fake host talks on a pipe: it prints "ready URL KEYS..." and checks what it received once its input ends.
mkfifo "$work/host-in"
dotnet "$work/out/fake-host/FakeHost.dll" < "$work/host-in" > "$work/host-out" &
host_pid=$!
exec 3> "$work/host-in"
for _ in $(seq 1 300); do
  grep -q '^ready ' "$work/host-out" 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host-out"; echo "fake host exited before it was ready"; exit 1; }
  sleep 0.1
done
read -r _ url rest_key project_key app_key < <(grep '^ready ' "$work/host-out")

consumer_rc=0
BATCH_FAKE_URL="$url" BATCH_FAKE_REST_API_KEY="$rest_key" BATCH_FAKE_PROJECT_KEY="$project_key" BATCH_FAKE_APP_API_KEY="$app_key" \
  "$work/out/trimmed/TrimmedConsumer" || consumer_rc=$?

exec 3>&-
host_rc=0
wait "$host_pid" || host_rc=$?
host_pid=""
grep -v '^ready ' "$work/host-out" || true
[ "$consumer_rc" -eq 0 ] && [ "$host_rc" -eq 0 ]
