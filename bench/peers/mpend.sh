#!/usr/bin/env bash
# Compiles bench/peers/mpend.c OUTSIDE the project into MAGPIE_OUT_DIR/mpend (see harness.sh).
#   bash bench/peers/mpend.sh ../peers-out/magpie
exec bash "$(dirname "$0")/harness.sh" "${1:?usage: mpend.sh MAGPIE_OUT_DIR}" mpend
