#!/usr/bin/env python3
"""Puts a section into bench/RESULTS.md: replaces the one with the same "## " heading (it runs to the
next "## " heading or the end of the file), or appends it. The bench scripts that own one section
each (soak.sh, instances.sh, startup.sh) write it through here.

Usage: python3 bench/section.py RESULTS_FILE SECTION_TEXT   (SECTION_TEXT starts with its "## " heading)"""
import pathlib
import re
import sys

path, section = pathlib.Path(sys.argv[1]), sys.argv[2].rstrip() + "\n"
heading = section.splitlines()[0]
assert heading.startswith("## "), "the section must start with its ## heading"
text = path.read_text() if path.exists() else "# Benchmark results\n"
own = re.compile(r"(?ms)^" + re.escape(heading) + r"$.*?(?=^## |\Z)")
if own.search(text):
    text = own.sub(lambda m: section + ("\n" if m.group(0).endswith("\n\n") else ""), text)
else:
    text = text.rstrip() + "\n\n" + section
path.write_text(text)
