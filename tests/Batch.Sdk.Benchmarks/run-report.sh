#!/usr/bin/env bash
# Regenerates REPORT.md: the in-process and loopback scenarios (about 6 minutes), the build timings (a temporary clone,
# about 2 minutes), then the hand-written notes of report-notes.md. Run it when the machine is otherwise idle.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
measured=$(mktemp)
build=$(mktemp)
trap 'rm -f "$measured" "$build"' EXIT

dotnet run -c Release --project "$root/tests/Batch.Sdk.Benchmarks" -- --report "$measured"
bash "$here/build-timings.sh" > "$build"
{ cat "$measured"; echo; cat "$build"; echo; cat "$here/report-notes.md"; } > "$here/REPORT.md"
echo "wrote $here/REPORT.md"
