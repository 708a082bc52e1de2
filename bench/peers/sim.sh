#!/usr/bin/env bash
# Simulation against MAGPIE (issue 29) with the shared script, from a clean clone: runs
# ../shared/peers/magpie/sim.mjs on this project's build through bench/peers/sim-cli.mjs, which
# gives the script the JSON names it reads. MAGPIE_OUT_DIR is the folder of the shared build.sh and
# data.sh; the other arguments go to sim.mjs (--wmp for MAGPIE's word maps, --positions, ...).
#   npm run build && bash bench/peers/sim.sh ../peers-out/magpie --wmp
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:?usage: sim.sh MAGPIE_OUT_DIR [sim.mjs options]}"
shift
SCRIPT="$ROOT/../shared/peers/magpie/sim.mjs"
[ -f "$SCRIPT" ] || { echo "sim.sh: $SCRIPT not found (../shared beside the project)" >&2; exit 2; }
[ -f "$ROOT/dist/cli.js" ] || { echo "sim.sh: no build in $ROOT/dist (npm run build)" >&2; exit 2; }
SHIM="$(mktemp -d)"
trap 'rm -rf "$SHIM"' EXIT
mkdir "$SHIM/bin"
cp "$ROOT/bench/peers/sim-cli.mjs" "$SHIM/bin/wordgame.mjs"
ln -s "$ROOT/dist" "$SHIM/dist"
WORDGAME_DIST="$ROOT/dist" node "$SCRIPT" "$SHIM" "$OUT" "$@"
