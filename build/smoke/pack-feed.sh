#!/usr/bin/env bash
# Packs Batch.Sdk and Batch.Sdk.Testing into a local folder feed for the smoke tests, with a version of their own so
# that the NuGet cache can never hand back an older build of the same version. Prints the feed's nuget.config path.
#   source build/smoke/pack-feed.sh; pack_smoke_feed WORK_DIR     (sets smoke_version, smoke_feed, smoke_nuget_config)
pack_smoke_feed() {
  local work="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  smoke_version="0.0.0-smoke.$(date +%s%N)"
  smoke_feed="$work/feed"
  # Packing Batch.Sdk.Testing builds Batch.Sdk first; the second pack only packs.
  dotnet pack "$root/src/Batch.Sdk.Testing" -c Release -o "$smoke_feed" -p:Version="$smoke_version" --nologo -warnaserror -v quiet
  dotnet pack "$root/src/Batch.Sdk" -c Release -o "$smoke_feed" -p:Version="$smoke_version" --nologo -warnaserror -v quiet
  smoke_nuget_config="$work/nuget.config"
  # Adds the local feed to the machine's sources (no <clear/>: the other packages come from the usual registry).
  cat > "$smoke_nuget_config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="batch-smoke" value="$smoke_feed" />
  </packageSources>
</configuration>
XML
}
