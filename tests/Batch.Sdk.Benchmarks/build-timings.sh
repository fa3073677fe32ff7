#!/usr/bin/env bash
# Build timings of the committed HEAD, in a temporary clone so the working tree is left alone: a clean build, a
# no-change build (NSwag's target must be skipped) and a build after the spec changed (NSwag runs again).
# Prints a markdown section on stdout; progress goes to stderr.
set -euo pipefail

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-checkout "$repo" "$work/repo"
git -C "$work/repo" checkout --quiet --detach "$commit"
cd "$work/repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "restoring $commit in $work/repo" >&2
dotnet restore BatchGenerated.sln > "$work/restore.log" 2>&1

# Builds the solution (Debug, as a developer would) and prints "<seconds> <NSwag ran|NSwag skipped> <NSwag seconds>".
timed_build() {
  local log="$work/$1.log" start end generated
  start=$(date +%s.%N)
  dotnet build BatchGenerated.sln --no-restore -v:n -clp:PerformanceSummary > "$log" 2>&1
  end=$(date +%s.%N)
  # "Skipping target" is MSBuild's word for an up-to-date target; the performance summary line reads "N ms  BatchGenerateClients  2 calls".
  generated=$(awk '/Target Performance Summary/ { on = 1 } on && $3 == "BatchGenerateClients" { print $1 " ms"; exit }' "$log")
  if grep -q 'Skipping target "BatchGenerateClients"' "$log"; then
    echo "$(echo "$end - $start" | bc) skipped ${generated:-?}"
  else
    echo "$(echo "$end - $start" | bc) ran ${generated:-?}"
  fi
}

echo "clean build" >&2
read -r clean_s clean_nswag clean_gen < <(timed_build clean)
echo "no-change build" >&2
read -r noop_s noop_nswag noop_gen < <(timed_build noop)
echo "build after a spec change" >&2
printf '\n# build-timings: spec touched\n' >> spec/openapi.yaml
read -r spec_s spec_nswag spec_gen < <(timed_build spec)

cat <<MD
## Build

\`tests/Batch.Sdk.Benchmarks/build-timings.sh\` on commit \`${commit:0:10}\`, in a temporary clone, \`dotnet build BatchGenerated.sln --no-restore\`
(Debug, every project of the solution; restore done beforehand). "NSwag" is the \`BatchGenerateClients\` target, once per
target framework of Batch.Sdk (netstandard2.0, net8.0); its time is MSBuild's performance summary, summed over both.

| Build | Wall time | NSwag target | NSwag time |
| --- | ---: | --- | ---: |
| Clean (fresh clone) | $(printf '%.1f' "$clean_s") s | $clean_nswag | $clean_gen |
| No change | $(printf '%.1f' "$noop_s") s | $noop_nswag | $noop_gen |
| After a spec change (comment appended) | $(printf '%.1f' "$spec_s") s | $spec_nswag | $spec_gen |
MD
