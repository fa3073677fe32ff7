#!/usr/bin/env bash
# Consumer smoke test: pack Batch.Sdk and Batch.Sdk.Testing into a local folder feed, then build and run a fresh
# project OUTSIDE the repository (no Directory.Build.props, no project reference) that restores both packages from
# that feed and calls the SDK against the packaged fake Batch server on loopback. Proves the packages work on their own.
#   build/smoke/consumer-smoke.sh            (about 30 to 60 s after a build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/batch-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT

source "$root/build/smoke/pack-feed.sh"
pack_smoke_feed "$work"

mkdir -p "$work/app"
cp "$root/build/smoke/consumer/Consumer.csproj" "$root/build/smoke/consumer/Program.cs" "$smoke_nuget_config" "$work/app/"
dotnet run --project "$work/app/Consumer.csproj" -p:BatchSdkVersion="$smoke_version" --nologo
