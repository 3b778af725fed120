#!/bin/sh
# spans.sh: re-imports that skip unchanged cards store what a full read
# stores (the cases and the random edits are in spans.py).
. "${top_srcdir:-.}/tests/setup"

python3 "$top_srcdir/tests/cli/spans.py" "$REHEARSE" "$tmp"
