#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, build, make the demo workspace
# (demo/), and open the editor on its store.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product bcd
scripts/make-demo-workspace.sh demo
exec .build/debug/bcd edit demo/BCD "$@"
