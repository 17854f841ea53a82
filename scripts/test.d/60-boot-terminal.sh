#!/usr/bin/env bash
# `bcd boot --display terminal` in a real terminal (tmux): the serial console appears on the
# terminal and the boot succeeds (exit 0); Ctrl-A then X stops the machine (exit 2, STOPPED),
# and the terminal is usable afterwards. Every boot runs under `timeout`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in tmux qemu-system-x86_64 mformat timeout; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-term.XXXXXX")
session=bcdboot-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
tmux new-session -d -s "$session" -x 160 -y 50 "bash --norc --noprofile"
pane() { tmux capture-pane -t "$session" -p -S -200; }
# wait_for REGEX SECONDS: until the pane shows REGEX.
wait_for() {
    local i
    for ((i = 0; i < $2 * 5; i++)); do pane | grep -qE -- "$1" && return 0; sleep 0.2; done
    pane >&2; fail "the terminal never showed: $1"
}

tmux send-keys -t "$session" "timeout 300 '$bcd' boot '$work/demo/BCD' --display terminal --timeout 150 --serial-log '$work/ok.log'; echo RC=\$?" Enter
wait_for '^RC=[0-9]+' 200
pane | grep -q '^STANDIN file \\Sources\\boot.wim size=' || { pane >&2; fail "the serial console did not reach the terminal"; }
pane | grep -q '^OK: booted' || { pane >&2; fail "terminal boot: no success outcome"; }
pane | grep -q '^RC=0$' || { pane >&2; fail "terminal boot: exit status is not 0"; }
echo "60-boot-terminal: console on the terminal, boot ok"

tmux send-keys -t "$session" "clear" Enter
sleep 0.5
tmux clear-history -t "$session"
pane | grep -qE '^(RC=|qemu: running)' && fail "the pane still shows the first run"
tmux send-keys -t "$session" "timeout 300 '$bcd' boot '$work/demo/BCD' --display terminal --timeout 150 --serial-log '$work/stop.log'; echo RC=\$?" Enter
wait_for '^qemu: running' 120
sleep 2
tmux send-keys -t "$session" C-a
tmux send-keys -t "$session" x
wait_for '^RC=[0-9]+' 60
pane | grep -q '^STOPPED: the machine was closed before an outcome' || { pane >&2; fail "Ctrl-A X: no STOPPED outcome"; }
pane | grep -q '^RC=2$' || { pane >&2; fail "Ctrl-A X: exit status is not 2"; }
# The terminal is back in cooked mode: a command typed now runs.
tmux send-keys -t "$session" "echo still-$((6 * 7))" Enter
wait_for '^still-42$' 10
echo "60-boot-terminal: Ctrl-A X stops the machine (exit 2), terminal restored"
echo "60-boot-terminal: ok"
