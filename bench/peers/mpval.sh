#!/usr/bin/env bash
# Compiles bench/peers/mpval.c OUTSIDE the project into MAGPIE_OUT_DIR/mpval (see harness.sh).
#   bash bench/peers/mpval.sh ../peers-out/magpie
exec bash "$(dirname "$0")/harness.sh" "${1:?usage: mpval.sh MAGPIE_OUT_DIR}" mpval
