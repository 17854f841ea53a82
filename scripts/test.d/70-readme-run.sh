#!/usr/bin/env bash
# The README's "run" command, as a new user runs it, in a real terminal (tmux): it reaches the
# editor on the demo workspace, the boot key shows the STAND-IN's success report, and q quits.
# The command is read from the README (the sh block after "Run the main job"); DEMO_DIR keeps
# the workspace in a scratch directory instead of the checkout's demo/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v tmux >/dev/null || fail "missing tool 'tmux' (scripts/install-deps.sh installs it)"
run=$(awk '/^Run the main job/ { found = 1 } found && /^```sh$/ { getline; print; exit }' "$root/README.md")
[ -n "$run" ] || fail "README.md has no sh block after 'Run the main job'"
[ -x "$root/${run%% *}" ] || fail "the README's run command '$run' is not an executable script in the repository"
work=$(mktemp -d "${TMPDIR:-/tmp}/readme-run.XXXXXX")
socket=bcd-readme-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tmux -L "$socket" new-session -d -x 120 -y 40 \
    "cd '$root' && DEMO_DIR='$work/demo' $run; echo \"RUN-EXIT=\$?\" > '$work/exit'; sleep 600"
pane() { tmux -L "$socket" capture-pane -p; }
# wait_for REGEX SECONDS: until the pane shows REGEX.
wait_for() {
    local i
    for ((i = 0; i < $2 * 5; i++)); do pane | grep -qE -- "$1" && return 0; sleep 0.2; done
    pane >&2
    fail "the terminal never showed: $1"
}
echo "70-readme-run: running '$run'"
wait_for 'g diagnostics: clean' 900
pane | grep -q 'Boot Loaders (1)' || fail "the editor does not show the demo store's boot loader"
echo "70-readme-run: the editor is open on the demo workspace"
tmux -L "$socket" send-keys b
wait_for 'Press Enter to return to the editor\.' 300
pane | grep -q '^OK: booted' || { pane >&2; fail "the boot key did not report success"; }
tmux -L "$socket" send-keys Enter
wait_for '^ OK: booted' 30
echo "70-readme-run: the boot key shows the stand-in's success report"
tmux -L "$socket" send-keys q
for ((i = 0; i < 50; i++)); do [ -s "$work/exit" ] && break; sleep 0.2; done
grep -q '^RUN-EXIT=0$' "$work/exit" 2>/dev/null || fail "the run command did not exit 0 after q: $(cat "$work/exit" 2>/dev/null || echo 'no exit')"
echo "70-readme-run: ok"
