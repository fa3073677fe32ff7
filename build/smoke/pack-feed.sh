#!/usr/bin/env bash
# Packs Batch.Sdk and Batch.Sdk.Testing into a local folder feed for the smoke tests, with a version of their own so
# that the NuGet cache can never hand back an older build of the same version.
#   source build/smoke/pack-feed.sh; pack_smoke_feed WORK_DIR     (sets smoke_version, smoke_feed, smoke_nuget_config)
# With BATCH_SMOKE_SHARED_FEED set (a folder; .ci/run sets it for one run), the first smoke test packs there and the
# next ones reuse that feed instead of packing again.
pack_smoke_feed() {
  local work="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  smoke_nuget_config="$work/nuget.config"
  if [ -n "${BATCH_SMOKE_SHARED_FEED:-}" ] && [ -f "$BATCH_SMOKE_SHARED_FEED/version" ]; then
    smoke_feed="$BATCH_SMOKE_SHARED_FEED"
    smoke_version="$(cat "$smoke_feed/version")"
    echo "smoke feed: reusing $smoke_feed ($smoke_version)"
  else
    smoke_version="0.0.0-smoke.$(date +%s%N)"
    smoke_feed="${BATCH_SMOKE_SHARED_FEED:-$work/feed}"
    # MinVerVersionOverride: MinVer sets the package version itself, so a plain -p:Version would not reach the nupkg.
    # Packing Batch.Sdk.Testing builds Batch.Sdk first; the second pack only packs.
    dotnet pack "$root/src/Batch.Sdk.Testing" -c Release -o "$smoke_feed" -p:MinVerVersionOverride="$smoke_version" --nologo -warnaserror -v quiet
    dotnet pack "$root/src/Batch.Sdk" -c Release -o "$smoke_feed" -p:MinVerVersionOverride="$smoke_version" --nologo -warnaserror -v quiet
    echo "$smoke_version" > "$smoke_feed/version"
  fi
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
