#!/usr/bin/env bash
# Spec checks for spec/openapi.yaml, with the tools pinned in build/spec-tools/package-lock.json.
#
#   bash build/spec-tools/check.sh          (from any directory; needs node 20.19+/22.12+ and npm)
#
# Steps: npm ci, Redocly lint, Spectral lint (warnings fail), descriptions, rule fixtures, openapi-typescript + tsc,
# Prism mock smoke test, README endpoint table up to date. Prints one PASS/FAIL line per step (with the step's output on failure) and exits
# non-zero if any step failed. Step logs are kept in build/spec-tools/out/.
# Environment: SPEC_FILE overrides the spec path (default: <repo>/spec/openapi.yaml);
#              SKIP_NPM_CI=1 reuses an existing node_modules (local iteration only).
set -euo pipefail

TOOLS_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
OUT_DIR="$TOOLS_DIR/out"
# shellcheck source=steps.sh
source "$TOOLS_DIR/steps.sh"
BIN="$TOOLS_DIR/node_modules/.bin"

# No telemetry, update checks or banners that phone home: only the npm registry and 127.0.0.1 are used.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export SCARF_ANALYTICS=false DO_NOT_TRACK=1 NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false

require_spec() {
  if [ ! -f "$SPEC_FILE" ]; then
    echo "spec not found: $SPEC_FILE"
    return 1
  fi
}

step_npm_ci() {
  cd "$TOOLS_DIR" || return
  if [ "${SKIP_NPM_CI:-}" = "1" ] && [ -d node_modules ]; then
    echo "SKIP_NPM_CI=1: reusing node_modules"
    return 0
  fi
  npm ci --no-audit --no-fund --loglevel=error
}

step_redocly() {
  require_spec || return
  cd "$TOOLS_DIR" || return
  local json="$OUT_DIR/redocly.json" stderr="$OUT_DIR/redocly.stderr"
  local rc=0
  "$BIN/redocly" lint "$SPEC_FILE" --config "$SPEC_DIR/redocly.yaml" --lint-config error \
    --format json --max-problems 1000 >"$json" 2>"$stderr" || rc=$?
  # Redocly exits 0 on warnings: count every problem (errors AND warnings) ourselves.
  node -e '
    const fs = require("fs");
    let report;
    try { report = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
    catch (e) {
      console.log("redocly produced no JSON report; its output:\n" + fs.readFileSync(process.argv[2], "utf8"));
      process.exit(1);
    }
    const t = report.totals || {};
    for (const p of report.problems || []) {
      const loc = (p.location && p.location[0]) || {};
      console.log(`${p.severity.padEnd(7)} ${p.ruleId}  ${loc.pointer || ""}\n        ${p.message}`);
    }
    console.log(`redocly: ${t.errors || 0} error(s), ${t.warnings || 0} warning(s), ${t.ignored || 0} ignored`);
    process.exit((t.errors || 0) + (t.warnings || 0) > 0 ? 1 : 0);
  ' "$json" "$stderr" || return
  return "$rc"
}

step_spectral() {
  require_spec || return
  cd "$TOOLS_DIR" || return
  "$BIN/spectral" lint "$SPEC_FILE" --ruleset "$SPEC_DIR/.spectral.yaml" --fail-severity=warn --format stylish
}

step_descriptions() {
  require_spec || return
  node "$TOOLS_DIR/descriptions.mjs" "$SPEC_FILE"
}

step_rule_fixtures() {
  cd "$TOOLS_DIR" || return
  node "$TOOLS_DIR/test-fixtures/run.mjs"
}

step_typescript() {
  require_spec || return
  cd "$TOOLS_DIR" || return
  rm -rf generated && mkdir -p generated || return
  "$BIN/openapi-typescript" "$SPEC_FILE" --output generated/batch.d.ts --default-non-nullable false || return
  "$BIN/tsc" --project tsconfig.json --noEmit || return
  echo "tsc: reuse/seed-bodies.ts compiles against generated/batch.d.ts (strict)"
}

step_prism() {
  require_spec || return
  cd "$TOOLS_DIR" || return
  node "$TOOLS_DIR/prism-smoke.mjs" "$SPEC_FILE"
}

step_readme_endpoints() {
  require_spec || return
  node "$TOOLS_DIR/endpoints-table.mjs"
}

echo "spec: ${SPEC_FILE#"$REPO_DIR"/}  (node $(node --version), npm $(npm --version 2>/dev/null))"
if ! run_step npm-ci step_npm_ci; then
  echo "FAIL  npm ci failed: remaining steps not run"
  exit 1
fi
run_step redocly-lint step_redocly || true
run_step spectral-lint step_spectral || true
run_step descriptions step_descriptions || true
run_step rule-fixtures step_rule_fixtures || true
run_step typescript-reuse step_typescript || true
run_step prism-smoke step_prism || true
run_step readme-endpoints step_readme_endpoints || true

echo "check.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
