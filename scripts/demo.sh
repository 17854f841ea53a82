#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, build, make the demo workspace
# (demo/, or $DEMO_DIR), and open the editor on its store.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product bcd
dir=${DEMO_DIR:-demo}
scripts/make-demo-workspace.sh "$dir"
exec .build/debug/bcd edit "$dir/BCD" "$@"
