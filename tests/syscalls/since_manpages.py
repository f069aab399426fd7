#!/usr/bin/env python3
"""Second source for the syscall table's since-releases: the man pages' VERSIONS/HISTORY
sections ("statx() was added in Linux 4.11"), from Debian's manpages-dev.

For every x86_64 and i386 call that either source places after Linux 3.2, both must name the
same release; older calls are compared where the man pages speak but only reported. A planted
wrong release (--plant NAME=X.Y) must make the check fail: tests run it that way too.

usage: since_manpages.py SYSCOMPAT [--plant NAME=X.Y] [--man-dir DIR]
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys

# Syscalls whose man page documents them under their library name.
ALIASES = {
    "prlimit64": "prlimit", "pread64": "pread", "pwrite64": "pwrite", "getdents64": "getdents",
    "newfstatat": "fstatat", "fstatat64": "fstatat", "fadvise64_64": "posix_fadvise",
    "rt_sigtimedwait": "sigtimedwait", "rt_sigqueueinfo": "sigqueue",
}

# Where the man pages and the table legitimately differ, with why. Keep short and true.
EXCEPTIONS = {
}

RELEASE = re.compile(r"Linux\s+(\d+\.\d+(?:\.\d+)?)")
VERB = re.compile(r"\b(added|appeared|introduced|available|first)\b", re.I)
FUNC = re.compile(r"\b([a-z_][a-z0-9_]*)\(\)")


def release_key(text):
    return tuple(int(p) for p in text.split("."))


def roff_to_text(lines):
    out = []
    for line in lines:
        if line.startswith(".\\\"") or line.startswith("'\\\""):
            continue
        if line.startswith("."):
            parts = line.split(None, 1)
            if len(parts) < 2:
                out.append("\n")
                continue
            macro, rest = parts
            if macro in (".B", ".BR", ".I", ".IR", ".RB", ".RI", ".BI", ".IB"):
                words = re.findall(r'"[^"]*"|\S+', rest)
                out.append("".join(w.strip('"') for w in words))
            continue
        out.append(line)
    text = " ".join(out)
    text = re.sub(r"\\f[BIRP]", "", text)
    text = text.replace("\\-", "-").replace("\\ ", " ")
    return text


def man_releases(man_dir):
    found = {}
    for entry in sorted(os.listdir(man_dir)):
        if not entry.endswith(".2.gz"):
            continue
        page = entry[: -len(".2.gz")]
        with gzip.open(os.path.join(man_dir, entry), "rt", errors="replace") as f:
            lines = f.read().splitlines()
        if len(lines) == 1 and lines[0].startswith(".so "):
            continue  # an alias page
        section, wanted = None, []
        for line in lines:
            if line.startswith(".SH"):
                section = line[3:].strip().strip('"').upper()
                continue
            if section in ("VERSIONS", "HISTORY"):
                wanted.append(line)
        if not wanted:
            continue
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z(])|\n", roff_to_text(wanted)):
            release = RELEASE.search(sentence)
            if not release or not VERB.search(sentence) or "glibc" in sentence[: release.start()].lower():
                continue
            names = FUNC.findall(sentence[: release.start()]) or (
                [page] if "system call" in sentence.lower() else [])
            for name in names:
                found.setdefault(name, (release.group(1), page))
    return found


def table_releases(binary):
    releases = {}
    for abi in ("i386", "x86_64"):
        out = subprocess.run([binary, "syscalls", abi, "--json"], check=True, capture_output=True, text=True)
        for entry in json.loads(out.stdout):
            # x86_64's release wins: i386's own numbers may have come later (socket calls)
            if abi == "x86_64" or entry["name"] not in releases:
                releases[entry["name"]] = entry["since"]
    return releases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--plant", action="append", default=[])
    parser.add_argument("--man-dir", default="/usr/share/man/man2")
    args = parser.parse_args()

    table = table_releases(args.binary)
    for plant in args.plant:
        name, release = plant.split("=")
        table[name] = release
    man = man_releases(args.man_dir)

    compared = agree = 0
    failures = []
    for name, since in sorted(table.items()):
        known_as = name if name in man else ALIASES.get(name)
        if known_as not in man:
            continue
        man_release, page = man[known_as]
        compared += 1
        if release_key(man_release) == release_key(since):
            agree += 1
            continue
        recent = max(release_key(man_release), release_key(since)) > (3, 2)
        if name in EXCEPTIONS:
            print(f"  known: {name}: table {since}, man {page}(2) {man_release}: {EXCEPTIONS[name]}")
        elif recent:
            failures.append(f"  DIFFERS {name}: table {since}, man {page}(2) says {man_release}")
        else:
            print(f"  older than 3.2, not compared exactly: {name}: table {since}, man {page}(2) {man_release}")
    for line in failures:
        print(line)
    print(f"since: {compared} calls compared with the man pages, {agree} agree, {len(failures)} differ after 3.2")
    if compared < 100:
        print("since: too few calls compared; is manpages-dev installed?")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
