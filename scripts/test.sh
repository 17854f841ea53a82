#!/usr/bin/env bash
# Runs every test: unit and CLI tests (swift test), then each step in scripts/test.d/
# (embedded build, fuzzing, loader boots...). A missing tool fails; nothing is skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || { echo "test: could not install dependencies"; exit 1; }

passed=0; failed=0; failures=()
step() {
    local name=$1; shift
    echo "=== $name"
    if "$@"; then passed=$((passed + 1)); echo "=== $name: ok"
    else failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED"; fi
}

step "swift build" swift build
step "swift test" swift test --no-parallel
for s in scripts/test.d/*.sh; do
    [ -e "$s" ] || continue
    step "$(basename "$s" .sh)" bash "$s"
done

echo
[ $failed -eq 0 ] || printf 'failed step: %s\n' "${failures[@]}"
echo "steps: $passed passed, $failed failed"
[ $failed -eq 0 ]
