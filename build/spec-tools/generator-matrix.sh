#!/usr/bin/env bash
# Generator matrix: spec/openapi.yaml through the generators other language teams use, checked for usable 2.8
# campaign messages (EmailMessage and PushMessage chosen by the `channel_type` discriminator).
#   - Kiota (dotnet tool Microsoft.OpenApi.Kiota, pinned in .config/dotnet-tools.json) for C#, TypeScript, Python
#     and Go: the email and push message types exist and the discriminator maps to them; the C# output compiles
#     (a throwaway project in a temp dir, Kiota's abstraction packages at KIOTA_LIBS) and reads the documented 2.8
#     update body (seed 001) as an EmailMessage.
#   - @hey-api/openapi-ts (pinned in package.json): `tsc --strict` compiles matrix/hey-api-seed.ts, the seed update
#     body with its email message written inline.
# Every example is validated against its schema by check.sh (Redocly's no-invalid-media-type-examples,
# no-invalid-schema-examples and no-invalid-parameter-examples) and, through the SDK, by tests/Batch.Sdk.ContractTests.
# Offline after `npm ci --prefix build/spec-tools` and `dotnet tool restore`. Prints one PASS/FAIL line per step,
# then "generator-matrix: N passed, N failed"; outputs and logs go to build/spec-tools/out/matrix/.
set -euo pipefail

TOOLS_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
OUT_DIR="$TOOLS_DIR/out/matrix"
rm -rf "$OUT_DIR"
# shellcheck source=steps.sh
source "$TOOLS_DIR/steps.sh"
OUT="$OUT_DIR"
KIOTA_LIBS="${KIOTA_LIBS:-2.1.6}"
# Kiota asks GitHub for updates and shows a tutorial unless told not to; nothing here may leave the machine.
export KIOTA_UPDATE_ENABLED=false KIOTA_TUTORIAL_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# has FILE PATTERN...: every extended regex PATTERN occurs in FILE.
has() {
  local file="$1"; shift
  [ -f "$file" ] || { echo "missing: ${file#"$OUT"/}"; return 1; }
  local pattern
  for pattern in "$@"; do
    grep -Eq -- "$pattern" "$file" || { echo "${file#"$OUT"/}: no match for /$pattern/"; return 1; }
  done
  echo "ok: ${file#"$OUT"/}"
}

kiota() {
  local language="$1"
  (cd "$REPO_DIR" && dotnet tool run kiota generate -l "$language" -d "$SPEC_FILE" -o "$OUT/kiota/$language" \
    -c BatchClient -n BatchKiota --clean-output --log-level Error) || return
}

step_restore() { cd "$REPO_DIR" && dotnet tool restore; }

step_kiota_csharp() {
  kiota CSharp || return
  local models="$OUT/kiota/CSharp/Models"
  has "$models/EmailMessage.cs" 'class EmailMessage : global::BatchKiota\.Models\.CampaignMessage' 'public string\? Subject' || return
  has "$models/PushMessage.cs" 'class PushMessage : global::BatchKiota\.Models\.CampaignMessage' || return
  has "$models/CampaignMessage.cs" '"email" => new global::BatchKiota\.Models\.EmailMessage\(\)' '"push" => new global::BatchKiota\.Models\.PushMessage\(\)'
}

step_kiota_typescript() {
  kiota TypeScript || return
  has "$OUT/kiota/TypeScript/models/index.ts" 'export interface EmailMessage extends CampaignMessage' \
    'export interface PushMessage extends CampaignMessage' 'return deserializeIntoEmailMessage;' 'return deserializeIntoPushMessage;'
}

step_kiota_python() {
  kiota Python || return
  has "$OUT/kiota/Python/models/email_message.py" 'class EmailMessage\(CampaignMessage' 'subject: Optional\[str\]' || return
  has "$OUT/kiota/Python/models/push_message.py" 'class PushMessage\(CampaignMessage' || return
  has "$OUT/kiota/Python/models/campaign_message.py" '"email"\.casefold\(\)' 'from \.email_message import EmailMessage' \
    '"push"\.casefold\(\)' 'from \.push_message import PushMessage'
}

step_kiota_go() {
  kiota Go || return
  has "$OUT/kiota/Go/models/email_message.go" 'type EmailMessage struct' || return
  grep -A1 'type EmailMessage struct' "$OUT/kiota/Go/models/email_message.go" | grep -q 'CampaignMessage' || { echo "EmailMessage does not embed CampaignMessage"; return 1; }
  has "$OUT/kiota/Go/models/push_message.go" 'type PushMessage struct' || return
  has "$OUT/kiota/Go/models/campaign_message.go" 'case "email":' 'return NewEmailMessage\(\), nil' 'case "push":' 'return NewPushMessage\(\), nil'
}

step_kiota_csharp_compiles() {
  [ -d "$OUT/kiota/CSharp/Models" ] || { echo "kiota-csharp produced nothing"; return 1; }
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/batch-kiota-cs.XXXXXX")" || return
  # Outside the repository: its Directory.Build.props and central package versions do not apply.
  sed "s/@KIOTA_LIBS@/$KIOTA_LIBS/" "$TOOLS_DIR/matrix/KiotaCompile.csproj.template" > "$work/KiotaCompile.csproj"
  cp "$TOOLS_DIR/matrix/Usage.cs" "$work/" && cp -r "$OUT/kiota/CSharp" "$work/Generated" || return
  local rc=0
  dotnet build "$work" -nologo -v q -o "$work/bin" && dotnet "$work/bin/KiotaCompile.dll" || rc=$?
  rm -rf "$work"
  return "$rc"
}

step_hey_api() {
  cd "$TOOLS_DIR" || return
  ./node_modules/.bin/openapi-ts -i "$SPEC_FILE" -o "$OUT/hey-api" -p @hey-api/typescript --no-log-file || return
  has "$OUT/hey-api/types.gen.ts" "export type EmailMessage = " "export type PushMessage = " "channel_type: 'email';" "channel_type: 'push';" || return
  ./node_modules/.bin/tsc --project matrix/tsconfig.json || return
  echo "tsc --strict: matrix/hey-api-seed.ts compiles against out/matrix/hey-api/types.gen.ts"
}

echo "generator matrix: ${SPEC_FILE#"$REPO_DIR"/} (kiota $(cd "$REPO_DIR" && dotnet tool list --local 2>/dev/null | awk '/kiota/ { print $2 }'), Kiota libraries $KIOTA_LIBS)"
run_step dotnet-tool-restore step_restore || true
run_step kiota-csharp step_kiota_csharp || true
run_step kiota-typescript step_kiota_typescript || true
run_step kiota-python step_kiota_python || true
run_step kiota-go step_kiota_go || true
run_step kiota-csharp-compiles step_kiota_csharp_compiles || true
run_step hey-api-typescript step_hey_api || true
echo "generator-matrix: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
