#!/usr/bin/env bash
# Rewrites PublicAPI.Shipped.txt of each packable project from what the code declares today: run it when releasing,
# after reviewing that every change to the public API is intended. Between releases, the build fails (RS0017) when
# a member listed there is removed or changes signature.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

for project in src/Batch.Sdk src/Batch.Sdk.Testing; do
  name="$(basename "$project")"
  printf '#nullable enable\n' > "$project/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$project/PublicAPI.Unshipped.txt"
  # RS0016 ("not part of the declared public API") carries each symbol in the file's own format.
  dotnet build "$project" -p:BatchPublicApiUpdate=true -p:TreatWarningsAsErrors=false --no-incremental -nologo 2>&1 \
    | grep "warning RS0016" | grep "/$name.csproj" \
    | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" \
    | LC_ALL=C sort -u >> "$project/PublicAPI.Shipped.txt"
  echo "$project/PublicAPI.Shipped.txt: $(($(wc -l < "$project/PublicAPI.Shipped.txt") - 1)) symbols"
done
