#!/usr/bin/env bash
# MAGPIE's move generation with its word maps, for the shared comparison (issue 29): builds
# OUT_DIR/wmp/, a second output folder for ../shared/peers/magpie/compare.mjs whose harness is the
# shared mpgen.c with the word maps switched on (`-wmp true`; the same calls otherwise), compiled
# OUTSIDE the project against the release objects of ../shared/peers/magpie/build.sh, over the
# data folder of ../shared/peers/magpie/data.sh that holds the word map (TWLENABLE.wmp, zeroed
# leaves, so MAGPIE's best play is by score as the project's `bestPlay`).
#   bash bench/peers/mpgen-wmp.sh ../peers-out/magpie
#   node ../shared/peers/magpie/compare.mjs . ../peers-out/magpie/wmp --agree none
set -euo pipefail
OUT=$(cd "${1:?usage: mpgen-wmp.sh MAGPIE_OUT_DIR}" && pwd)
SRC="$OUT/magpie"
OBJ="$SRC/obj/release-b15-r7/src"
HARNESS="$(cd "$(dirname "$0")" && pwd)/../../../shared/peers/magpie/mpgen.c"
[ -d "$OBJ" ] || { echo "mpgen-wmp.sh: no MAGPIE build in $OUT (run ../shared/peers/magpie/build.sh first)" >&2; exit 2; }
[ -s "$OUT/data-zero/lexica/TWLENABLE.wmp" ] || { echo "mpgen-wmp.sh: no word map in $OUT/data-zero (run ../shared/peers/magpie/data.sh first)" >&2; exit 2; }
[ -f "$HARNESS" ] || { echo "mpgen-wmp.sh: $HARNESS not found" >&2; exit 2; }
W="$OUT/wmp"
mkdir -p "$W/magpie"
sed -e 's/-wmp false/-wmp true/' -e 's/\.use_wmp = false/.use_wmp = true/' "$HARNESS" > "$W/mpgen.c"
grep -q 'exec_or_die(config, "set -lex TWLENABLE -wmp true' "$W/mpgen.c" && grep -q '\.use_wmp = true' "$W/mpgen.c" || { echo "mpgen-wmp.sh: the harness's settings changed upstream: adapt the edit" >&2; exit 2; }
# shellcheck disable=SC2046
gcc -O3 -flto=auto -march=native -DNDEBUG -DBOARD_DIM=15 -DRACK_SIZE=7 -I"$SRC" -w "$W/mpgen.c" \
  $(find "$OBJ" -name '*.o' | sort) -pthread -lm -o "$W/mpgen"
ln -sfn "$OUT/data-zero" "$W/magpie/data"
echo "== ok: $W/mpgen (word maps on)"
