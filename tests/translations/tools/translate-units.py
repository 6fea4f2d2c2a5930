#!/usr/bin/python3
"""A translator's tool built on translate-toolkit (the library of Pootle, Virtaal and Weblate):
sets the target of some units of an XLIFF file and confirms them, as the tool does when a
translator confirms a segment; every other unit is left as the tool read it.

Usage: translate-units.py IN OUT '{"<unit id>": "<translation>", ...}'
"""
import json
import sys

from translate.storage import xliff

source, out, translations = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with open(source, "rb") as handle:
    store = xliff.xlifffile.parsefile(handle)
done = set()
for unit in store.units:
    unit_id = unit.xmlelement.get("id")
    if unit_id in translations:
        unit.settarget(translations[unit_id], lang=store.gettargetlanguage())
        unit.markfuzzy(False)
        done.add(unit_id)
missing = sorted(set(translations) - done)
if missing:
    sys.exit("no such units: " + ", ".join(missing))
store.savefile(out)
