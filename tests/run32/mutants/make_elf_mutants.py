#!/usr/bin/env python3
"""Writes a corpus of mutated i386 ELF programs for the loader's test (check_elf_mutants.py).

Usage: make_elf_mutants.py OUTDIR BASE... [--random N] [--seed S]

Each BASE is a real i386 program (built by the test, never committed). The mutants are:
- named ones, each a case the kernel's fs/binfmt_elf.c decides in a known way (issue #16):
  a PT_LOAD wrapping past 4 GB, p_filesz > p_memsz, an empty or garbage PT_INTERP, a huge
  p_memsz, EM_486, a corrupted EI_CLASS, bad program header tables, ...;
- N random ones (a fixed seed): fields of the ELF header and of the program headers set to
  values at the edges (0, 1, page boundaries, TASK_SIZE, 0xffffffff, ...) or to random ones,
  and random bytes flipped in the headers.
Only the headers are mutated: the loader is under test, not the program's code.
A manifest (OUTDIR/manifest.txt: name, base, what was done) says what each file is.
"""
import os
import random
import struct
import sys

EHDR = struct.Struct("<16sHHIIIIIHHHHHH")
EHDR_FIELDS = ["e_ident", "e_type", "e_machine", "e_version", "e_entry", "e_phoff", "e_shoff",
               "e_flags", "e_ehsize", "e_phentsize", "e_phnum", "e_shentsize", "e_shnum",
               "e_shstrndx"]
PHDR = struct.Struct("<8I")
PHDR_FIELDS = ["p_type", "p_offset", "p_vaddr", "p_paddr", "p_filesz", "p_memsz", "p_flags",
               "p_align"]
PT_LOAD, PT_INTERP = 1, 3
EDGES = [0, 1, 2, 0xfff, 0x1000, 0x1001, 0x7fffffff, 0x80000000, 0xbfffffff, 0xf0000000,
         0xffffd000, 0xffffe000, 0xfffff000, 0xffffffff, 0x10000]


class Elf:
    def __init__(self, data):
        self.data = bytearray(data)

    def header(self):
        return dict(zip(EHDR_FIELDS, EHDR.unpack_from(self.data, 0)))

    def set_header(self, **fields):
        values = self.header()
        values.update(fields)
        EHDR.pack_into(self.data, 0, *[values[f] for f in EHDR_FIELDS])

    def phdr_offset(self, index):
        h = self.header()
        return h["e_phoff"] + index * PHDR.size

    def phdrs(self):
        h = self.header()
        return [dict(zip(PHDR_FIELDS, PHDR.unpack_from(self.data, self.phdr_offset(i))))
                for i in range(h["e_phnum"])]

    def set_phdr(self, index, **fields):
        values = self.phdrs()[index]
        values.update(fields)
        PHDR.pack_into(self.data, self.phdr_offset(index), *[values[f] for f in PHDR_FIELDS])

    def index_of(self, p_type, last=False):
        found = [i for i, p in enumerate(self.phdrs()) if p["p_type"] == p_type]
        if not found:
            return None
        return found[-1] if last else found[0]


def named_mutants(elf):
    """(name, function editing a copy) for the cases the issue names, where they apply."""
    cases = []
    data_load = elf.index_of(PT_LOAD, last=True)
    interp = elf.index_of(PT_INTERP)
    cases.append(("wrap_past_4g", lambda e: e.set_phdr(data_load, p_vaddr=0xfffff000,
                                                       p_offset=e.phdrs()[data_load]["p_offset"] & ~0xfff,
                                                       p_memsz=0x10000)))
    cases.append(("filesz_over_memsz", lambda e: e.set_phdr(
        data_load, p_filesz=e.phdrs()[data_load]["p_memsz"] + 0x100)))
    cases.append(("huge_memsz", lambda e: e.set_phdr(data_load, p_memsz=0xf0000000)))
    cases.append(("memsz_to_task_size", lambda e: e.set_phdr(
        data_load, p_memsz=0xffffe000 - e.phdrs()[data_load]["p_vaddr"])))
    cases.append(("em_486", lambda e: e.set_header(e_machine=6)))
    cases.append(("em_x86_64", lambda e: e.set_header(e_machine=62)))
    cases.append(("em_arm", lambda e: e.set_header(e_machine=40)))
    for value in (0, 2, 3, 0xff):
        cases.append((f"ei_class_{value}", lambda e, v=value: set_ident(e, 4, v)))
    cases.append(("ei_data_big", lambda e: set_ident(e, 5, 2)))
    cases.append(("e_type_rel", lambda e: e.set_header(e_type=1)))
    cases.append(("e_type_core", lambda e: e.set_header(e_type=4)))
    cases.append(("phentsize_bad", lambda e: e.set_header(e_phentsize=40)))
    cases.append(("phnum_zero", lambda e: e.set_header(e_phnum=0)))
    cases.append(("phnum_over_64k", lambda e: e.set_header(e_phnum=2049)))
    cases.append(("phoff_past_eof", lambda e: e.set_header(e_phoff=len(e.data) + 0x1000)))
    cases.append(("entry_past_task_size", lambda e: e.set_header(e_entry=0xffffe800)))
    cases.append(("entry_zero", lambda e: e.set_header(e_entry=0)))
    cases.append(("offset_not_congruent", lambda e: e.set_phdr(
        data_load, p_offset=e.phdrs()[data_load]["p_offset"] + 4)))
    cases.append(("filesz_past_eof", lambda e: e.set_phdr(
        data_load, p_filesz=len(e.data), p_memsz=len(e.data) + 0x1000)))
    # Found by elf_loader_fuzz: an ET_EXEC segment at address 0 (mmap_min_addr refuses it).
    cases.append(("load_at_zero", lambda e: e.set_phdr(e.index_of(PT_LOAD), p_vaddr=0, p_offset=0)))
    cases.append(("no_load", lambda e: [e.set_phdr(i, p_type=0x6474e551)
                                        for i, p in enumerate(e.phdrs()) if p["p_type"] == PT_LOAD]))
    if interp is not None:
        cases.append(("interp_empty", lambda e: fill_interp(e, interp, b"")))
        cases.append(("interp_one_byte", lambda e: e.set_phdr(interp, p_filesz=1)))
        cases.append(("interp_unterminated", lambda e: fill_interp(e, interp, b"/lib/ld-linux.so.2",
                                                                   terminate=False)))
        cases.append(("interp_garbage", lambda e: fill_interp(e, interp, b"\x01\xff\n\x1b[31mX")))
        cases.append(("interp_missing", lambda e: fill_interp(e, interp, b"/nonexistent/ld.so")))
        cases.append(("interp_64bit", lambda e: fill_interp(e, interp, b"/bin/true")))
        cases.append(("interp_text", lambda e: fill_interp(e, interp, b"/etc/passwd")))
        cases.append(("interp_directory", lambda e: fill_interp(e, interp, b"/tmp")))
        cases.append(("interp_too_long", lambda e: e.set_phdr(interp, p_filesz=4097)))
    return cases


def set_ident(elf, index, value):
    elf.data[index] = value


def fill_interp(elf, index, path, terminate=True):
    p = elf.phdrs()[index]
    room = p["p_filesz"]
    body = (path + (b"\0" if terminate else b""))[:room]
    body = body + (b"\0" if terminate else b"X") * (room - len(body))
    elf.data[p["p_offset"]:p["p_offset"] + room] = body


def random_mutant(elf, rng):
    """One to three random edits of the headers; answers what was done."""
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        try:
            phdrs = elf.phdrs() if 0 < elf.header()["e_phnum"] < 64 else []
        except struct.error:  # the table was moved out of the file by an earlier edit
            phdrs = []
        if kind < 0.55 and phdrs:
            i = rng.randrange(len(phdrs))
            field = rng.choice(PHDR_FIELDS)
            old = phdrs[i][field]
            value = rng.choice([rng.choice(EDGES), rng.getrandbits(32),
                                (old + rng.choice([-0x1000, -1, 1, 0x1000, 0x10000])) & 0xffffffff])
            try:
                elf.set_phdr(i, **{field: value})
            except struct.error:
                continue
            done.append(f"phdr[{i}].{field}={value:#x}")
        elif kind < 0.8:
            field = rng.choice(EHDR_FIELDS[1:])
            width = 0xffff if field in ("e_type", "e_machine", "e_ehsize", "e_phentsize", "e_phnum",
                                        "e_shentsize", "e_shnum", "e_shstrndx") else 0xffffffff
            value = rng.choice([rng.choice(EDGES) & width, rng.getrandbits(32) & width, 0])
            elf.set_header(**{field: value})
            done.append(f"{field}={value:#x}")
        else:
            end = min(len(elf.data), 52 + 32 * 16)
            at = rng.randrange(end)
            elf.data[at] ^= 1 << rng.randrange(8)
            done.append(f"flip byte {at:#x}")
    return "; ".join(done)


def main():
    args = sys.argv[1:]
    count, seed = 300, 16
    if "--random" in args:
        i = args.index("--random")
        count = int(args[i + 1])
        del args[i:i + 2]
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    out, bases = args[0], args[1:]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    manifest = []

    def write(name, base, elf, what):
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(elf.data)
        os.chmod(path, 0o755)
        manifest.append(f"{name}\t{os.path.basename(base)}\t{what}")

    originals = {}
    for base in bases:
        with open(base, "rb") as f:
            originals[base] = f.read()
        stem = os.path.basename(base)
        write(f"{stem}.original", base, Elf(originals[base]), "unchanged")
        for name, edit in named_mutants(Elf(originals[base])):
            elf = Elf(originals[base])
            edit(elf)
            write(f"{stem}.{name}", base, elf, name)
    for n in range(count):
        base = bases[n % len(bases)]
        elf = Elf(originals[base])
        what = random_mutant(elf, rng)
        write(f"{os.path.basename(base)}.random{n:03d}", base, elf, what)
    with open(os.path.join(out, "manifest.txt"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"{len(manifest)} files in {out}")


if __name__ == "__main__":
    main()
