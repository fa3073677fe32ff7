# Sourced by check.sh and generator-matrix.sh (set TOOLS_DIR and OUT_DIR first): the repository paths, the spec
# (SPEC_FILE overrides it) and run_step, which runs one step with its output in $OUT_DIR/<step>.log and prints one
# PASS/FAIL line (with the output on failure), counting them in $passed and $failed.
REPO_DIR="$(cd -- "$TOOLS_DIR/../.." && pwd -P)"
SPEC_DIR="$REPO_DIR/spec"
SPEC_FILE="${SPEC_FILE:-$SPEC_DIR/openapi.yaml}"

mkdir -p "$OUT_DIR"
passed=0
failed=0

# run_step NAME COMMAND... : run COMMAND with output to $OUT_DIR/NAME.log; print PASS/FAIL with the duration.
run_step() {
  local name="$1"; shift
  local log="$OUT_DIR/$name.log"
  local start end rc
  start=$(date +%s%N)
  # Step functions chain their commands with explicit `|| return`: `set -e` is not reliable inside them,
  # because bash ignores it in functions that are called as part of a `||` list.
  set +e
  ( "$@" ) >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s%N)
  local secs
  secs=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    printf 'PASS  %-22s (%ss)\n' "$name" "$secs"
  else
    failed=$((failed + 1))
    printf 'FAIL  %-22s (%ss, exit %s) -- output follows (also in %s)\n' "$name" "$secs" "$rc" "${log#"$REPO_DIR"/}"
    awk '{ print "      | " $0 }' "$log"
  fi
  return "$rc"
}
