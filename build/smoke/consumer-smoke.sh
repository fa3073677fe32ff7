#!/usr/bin/env bash
# Consumer smoke test: pack Batch.Sdk into a local folder feed, then build and run a fresh project OUTSIDE the
# repository (no Directory.Build.props, no project reference) that restores the package from that feed and calls an
# operation against WireMock on loopback. Proves the package works on its own.
#   build/smoke/consumer-smoke.sh            (about 30 s after a build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/batch-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A version of its own, so the NuGet cache can never hand back an older build of the same version.
version="0.0.0-smoke.$(date +%s)"

dotnet pack "$root/src/Batch.Sdk" -c Release -o "$work/feed" -p:Version="$version" --nologo -warnaserror -v quiet

mkdir -p "$work/app"
cp "$root/build/smoke/consumer/Consumer.csproj" "$root/build/smoke/consumer/Program.cs" "$work/app/"
# Adds the local feed to the machine's sources (no <clear/>: the other packages come from the usual registry).
cat > "$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="batch-smoke" value="$work/feed" />
  </packageSources>
</configuration>
XML

dotnet run --project "$work/app/Consumer.csproj" -p:BatchSdkVersion="$version" --nologo
