#!/usr/bin/env bash
# Regenerates REPORT.md: the in-process and loopback scenarios (about 6 minutes), the build timings (a temporary clone,
# about 2 minutes), then the hand-written notes of report-notes.md. Run it when the machine is otherwise idle.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
measured=$(mktemp)
build=$(mktemp)
bulk=$(mktemp)
trap 'rm -f "$measured" "$build" "$bulk"' EXIT
# The Bulk section (written by --bulk --report) is kept as it is: this script does not rerun it.
sed -n '/<!-- bulk:start -->/,/<!-- bulk:end -->/p' "$here/REPORT.md" > "$bulk" 2>/dev/null || true

dotnet run -c Release --project "$root/tests/Batch.Sdk.Benchmarks" -- --report "$measured"
bash "$here/build-timings.sh" > "$build"
{ cat "$measured"; echo; cat "$build"; echo; cat "$here/report-notes.md"; } > "$here/REPORT.md"
if [ -s "$bulk" ]; then { echo; cat "$bulk"; } >> "$here/REPORT.md"; fi
echo "wrote $here/REPORT.md"
