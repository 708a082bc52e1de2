#!/usr/bin/env bash
# Compiles one of our harnesses over MAGPIE's API (bench/peers/NAME.c: mpval, mpend) OUTSIDE the
# project, against the release objects that ../shared/peers/magpie/build.sh left in OUT_DIR:
# OUT_DIR/NAME.
#   bash bench/peers/harness.sh ../peers-out/magpie mpend
set -euo pipefail
OUT=$(cd "${1:?usage: harness.sh MAGPIE_OUT_DIR NAME}" && pwd)
NAME=${2:?usage: harness.sh MAGPIE_OUT_DIR NAME}
SRC="$OUT/magpie"
OBJ="$SRC/obj/release-b15-r7/src"
[ -d "$OBJ" ] || { echo "harness.sh: no MAGPIE build in $OUT (run ../shared/peers/magpie/build.sh first)" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
[ -f "$HERE/$NAME.c" ] || { echo "harness.sh: no harness $HERE/$NAME.c" >&2; exit 2; }
# shellcheck disable=SC2046
gcc -O3 -flto=auto -march=native -DNDEBUG -DBOARD_DIM=15 -DRACK_SIZE=7 -I"$SRC" -I"$HERE" -w "$HERE/$NAME.c" \
  $(find "$OBJ" -name '*.o' | sort) -pthread -lm -o "$OUT/$NAME"
echo "== ok: $OUT/$NAME"
