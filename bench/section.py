"""Replaces the "## <heading>" section of a results file (it runs to the next "## " heading or the end),
or appends it. Usage: python3 bench/section.py bench/RESULTS.md "<section text starting with ## heading>"
Used by bench/soak.sh and bench/startup.sh, so that bench/run.sh, which rewrites the file, can keep them."""
import pathlib
import re
import sys

path, section = pathlib.Path(sys.argv[1]), sys.argv[2].rstrip() + "\n"
heading = re.escape(section.splitlines()[0])
text = path.read_text() if path.exists() else "# Benchmark results\n"
if re.search(rf"(?m)^{heading}$", text):
    text = re.sub(rf"(?ms)^{heading}$.*?(?=^## |\Z)", lambda m: section + ("\n" if m.group(0).endswith("\n\n") else ""), text)
else:
    text = text.rstrip() + "\n\n" + section
path.write_text(text)
