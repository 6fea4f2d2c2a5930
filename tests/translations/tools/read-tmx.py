#!/usr/bin/python3
"""Reads a TMX file with translate-toolkit's TMX store (what its tmx2po converter reads with; the
Debian package's translate-toolkit 3.8 has no tmx2po command) and prints its units as JSON:
[{"source", "target", "sourcelang", "targetlang"}]. Any parse error fails (exit code 1)."""
import json
import sys

from translate.storage import tmx

with open(sys.argv[1], "rb") as handle:
    store = tmx.tmxfile.parsefile(handle)
print(json.dumps([{"source": unit.source, "target": unit.target} for unit in store.units], ensure_ascii=False))
