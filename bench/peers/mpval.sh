#!/usr/bin/env bash
# Compiles bench/peers/mpval.c (our harness over MAGPIE's API) OUTSIDE the project, against the
# release objects that ../shared/peers/magpie/build.sh left in OUT_DIR: OUT_DIR/mpval.
#   bash bench/peers/mpval.sh ../peers-out/magpie
set -euo pipefail
OUT=$(cd "${1:?usage: mpval.sh MAGPIE_OUT_DIR}" && pwd)
SRC="$OUT/magpie"
OBJ="$SRC/obj/release-b15-r7/src"
[ -d "$OBJ" ] || { echo "mpval.sh: no MAGPIE build in $OUT (run ../shared/peers/magpie/build.sh first)" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2046
gcc -O3 -flto=auto -march=native -DNDEBUG -DBOARD_DIM=15 -DRACK_SIZE=7 -I"$SRC" -w "$HERE/mpval.c" \
  $(find "$OBJ" -name '*.o' | sort) -pthread -lm -o "$OUT/mpval"
echo "== ok: $OUT/mpval"
