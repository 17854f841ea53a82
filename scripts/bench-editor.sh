#!/usr/bin/env bash
# Editor benchmark (not a test): time to the first full screen on a 1,000-object store and
# time from a keypress to the redrawn screen, in a 120x40 tmux pane.
#
# The store is made with bcd commands (scripts/make-large-store.sh). The editor writes its
# own timings when BCD_EDITOR_TIMINGS is set: "first-screen" (from the start of `bcd edit`
# to the first refresh), then per key "key" (handling) and "redraw" (render + refresh).
# The script also measures from launching the process to the first-screen line appearing.
# Usage: scripts/bench-editor.sh [N]   (BCD=path/to/bcd to choose the binary; default: release build)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
command -v tmux >/dev/null || { echo "bench-editor: tmux is missing (scripts/install-deps.sh)"; exit 1; }
if [ -z "${BCD:-}" ]; then
    swift build -c release --product bcd >/dev/null
    BCD=$PWD/.build/release/bcd
fi
export BCD
work=$(mktemp -d)
timings=$work/timings
socket=bcdbench-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; [ -n "${KEEP_TIMINGS:-}" ] && cp "$timings" "$KEEP_TIMINGS"; rm -rf "$work"' EXIT

store=$work/BCD
scripts/make-large-store.sh "$store" "$count"
objects=$("$BCD" enum all -v --store "$store" | grep -c '^identifier')
echo "store: $objects objects ($(stat -c %s "$store") bytes)"


now_ns() { date +%s%N; }
launch=$(now_ns)
tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 \
    "env TERM=screen-256color BCD_EDITOR_TIMINGS=$timings $BCD edit $store; sleep 600"
for _ in $(seq 1 2000); do
    grep -q '^first-screen' "$timings" 2>/dev/null && break
    sleep 0.005
done
shown=$(now_ns)
grep -q '^first-screen' "$timings" || { echo "bench-editor: the editor did not draw a screen"; exit 1; }

# Keys: move through the 1,000-entry list, page, jump to the end and back, switch panes,
# open and close the help, toggle the raw view, filter and clear.
keys=(j j j j j j j j j j PageDown PageDown PageDown End Home Tab j j j Tab '?' x v v / W i n P E Enter Escape)
for key in "${keys[@]}"; do
    before=$(grep -c '^redraw' "$timings" || true)
    tmux -L "$socket" send-keys "$key"
    for _ in $(seq 1 400); do
        [ "$(grep -c '^redraw' "$timings" || true)" -gt "$before" ] && break
        sleep 0.005
    done
done
tmux -L "$socket" send-keys q

awk -v launch="$launch" -v shown="$shown" -v n="$objects" '
    /^first-screen/ { first = $2 }
    /^key/ { key[++k] = $2 }
    /^redraw/ { redraw[++r] = $2 }
    END {
        m = (k < r) ? k : r
        for (i = 1; i <= m; i++) total[i] = key[i] + redraw[i]
        # sort
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (total[j] < total[i]) { t = total[i]; total[i] = total[j]; total[j] = t }
        printf "first full screen (%d objects): %.1f ms inside bcd edit, %.1f ms from process launch (tmux, polled every 5 ms)\n", n, first, (shown - launch) / 1e6
        printf "keypress to redrawn screen over %d keys: median %.2f ms, p90 %.2f ms, max %.2f ms\n", m, total[int((m + 1) / 2)], total[int(m * 0.9 + 0.5)], total[m]
        printf "targets: first screen < 150 ms, keypress to screen < 16 ms\n"
    }' "$timings"
