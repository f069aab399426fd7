#!/usr/bin/env python3
"""Checks that a program's compile-time tables hold no pointer.

Usage: pointer_free_tables.py PROGRAM REGEX...

A static PIE relocates every pointer of its read-only data at each start, which writes, and so
copies, every page that holds one (docs/PERFORMANCE.md, "Start-up"); a table of offsets stays
in the pages mapped from the file. This reads PROGRAM's relative relocations (`readelf -rW`:
the offsets `.relr.dyn` packs, and R_X86_64_RELATIVE entries of `.rela.dyn`) and its symbols
(`nm -S -C`), and fails if any relocation lies inside a symbol whose demangled name matches
one of the regular expressions, naming the symbol. Each expression must match at least one
symbol of PROGRAM that lies in its data (so that a table renamed or gone is noticed rather
than passed).
"""
import bisect
import re
import subprocess
import sys


def relocated_offsets(program):
    out = subprocess.run(["readelf", "-rW", program], capture_output=True, text=True,
                         check=True).stdout
    offsets = []
    section = None
    for line in out.splitlines():
        if line.startswith("Relocation section"):
            section = line.split("'")[1]
            continue
        words = line.split()
        if not words:
            continue
        try:
            offset = int(words[0], 16)
        except ValueError:
            continue
        if section == ".relr.dyn":
            offsets.append(offset)
        elif len(words) > 2 and words[2] == "R_X86_64_RELATIVE":
            offsets.append(offset)
    return offsets


def data_symbols(program):
    out = subprocess.run(["nm", "-S", "-C", program], capture_output=True, text=True,
                         check=True).stdout
    symbols = []
    # address size type name; data: r/R (read-only), d/D, u (unique), V/v (weak object)
    sized = re.compile(r"^([0-9a-f]+) ([0-9a-f]+) ([rRdDuVv]) (.*)$")
    for line in out.splitlines():
        match = sized.match(line)
        if match:
            symbols.append((int(match[1], 16), int(match[2], 16), match[4]))
    symbols.sort()
    return symbols


def main():
    if len(sys.argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    program, patterns = sys.argv[1], [re.compile(p) for p in sys.argv[2:]]
    symbols = data_symbols(program)
    starts = [s[0] for s in symbols]
    matched = {p.pattern: 0 for p in patterns}
    for _, _, name in symbols:
        for p in patterns:
            if p.search(name):
                matched[p.pattern] += 1
    failures = 0
    for pattern, count in matched.items():
        if count == 0:
            print(f"no symbol of {program} matches {pattern!r}")
            failures += 1
    holding = {}
    for offset in relocated_offsets(program):
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            continue
        address, size, name = symbols[i]
        if offset >= address + size:
            continue
        if any(p.search(name) for p in patterns):
            holding[name] = holding.get(name, 0) + 1
    for name, count in sorted(holding.items()):
        print(f"{count} pointer(s) relocated at start in {name}")
        failures += 1
    total = sum(matched.values())
    print(f"{total} symbols checked for {len(patterns)} pattern(s), "
          f"{len(holding)} holding pointers")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
