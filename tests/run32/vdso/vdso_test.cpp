// The guest's vDSO image read by libelf (an ELF parser nobody here wrote) and compared with
// the kernel's own vdso32, dumped by an i386 process (dump_vdso.c): the same soname, version
// definitions, exported __kernel_* symbols with their versions, and the dynamic tags every
// vDSO parser reads (glibc: DT_GNU_HASH or DT_HASH; musl: DT_HASH; Go's runtime:
// DT_VERSYM and DT_VERDEF with LINUX_2.6). Each hash table is looked up for every symbol by
// the lookups written here from the gABI and the GNU hash's definition, which the kernel's
// image checks first.
#include <elf.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "syscall_capture.hpp"
#include "vdso_image.hpp"

namespace {

using syscompat::run32::vdso_image;
using syscompat::run32::VdsoText;

struct Symbol {
  std::string name, version;
  unsigned type;
  std::uint32_t value;
  bool defined;
  auto operator<=>(const Symbol&) const = default;
};

struct Parsed {
  std::vector<std::string> sections;
  std::map<Elf32_Sword, std::uint32_t> dynamic;
  std::string soname;
  std::vector<Symbol> symbols;  // .dynsym, in order, the null one left out
  std::vector<std::pair<std::string, unsigned>> versions;  // verdef: name, flags
  bool ok = false;
};

std::vector<std::uint8_t> kernel_vdso32() {
  std::vector<std::uint8_t> bytes;
  FILE* pipe = ::popen(SYSCOMPAT_DUMP_VDSO, "r");
  if (!pipe) return bytes;
  std::uint8_t chunk[4096];
  std::size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0)
    bytes.insert(bytes.end(), chunk, chunk + n);
  ::pclose(pipe);
  return bytes;
}

Parsed parse(std::vector<std::uint8_t> bytes) {
  Parsed out;
  elf_version(EV_CURRENT);
  Elf* elf = elf_memory(reinterpret_cast<char*>(bytes.data()), bytes.size());
  if (!elf) return out;
  GElf_Ehdr header;
  std::size_t shstrndx;
  if (!gelf_getehdr(elf, &header) || header.e_machine != EM_386 ||
      gelf_getclass(elf) != ELFCLASS32 || header.e_type != ET_DYN ||
      elf_getshdrstrndx(elf, &shstrndx) != 0) {
    elf_end(elf);
    return out;
  }
  Elf_Scn *dynsym = nullptr, *versym = nullptr, *verdef = nullptr, *dynamic = nullptr;
  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
    GElf_Shdr shdr;
    gelf_getshdr(scn, &shdr);
    out.sections.push_back(elf_strptr(elf, shstrndx, shdr.sh_name));
    if (shdr.sh_type == SHT_DYNSYM) dynsym = scn;
    if (shdr.sh_type == SHT_GNU_versym) versym = scn;
    if (shdr.sh_type == SHT_GNU_verdef) verdef = scn;
    if (shdr.sh_type == SHT_DYNAMIC) dynamic = scn;
  }
  if (!dynsym || !versym || !verdef || !dynamic) {
    elf_end(elf);
    return out;
  }
  GElf_Shdr shdr;
  gelf_getshdr(dynamic, &shdr);
  Elf_Data* data = elf_getdata(dynamic, nullptr);
  for (std::size_t i = 0; i < shdr.sh_size / shdr.sh_entsize; ++i) {
    GElf_Dyn entry;
    gelf_getdyn(data, static_cast<int>(i), &entry);
    if (entry.d_tag == DT_NULL) break;
    out.dynamic[static_cast<Elf32_Sword>(entry.d_tag)] =
        static_cast<std::uint32_t>(entry.d_un.d_val);
    if (entry.d_tag == DT_SONAME) out.soname = elf_strptr(elf, shdr.sh_link, entry.d_un.d_val);
  }
  // Version definitions: index -> name.
  std::map<unsigned, std::string> version_of;
  gelf_getshdr(verdef, &shdr);
  data = elf_getdata(verdef, nullptr);
  for (std::size_t offset = 0;;) {
    GElf_Verdef definition;
    GElf_Verdaux aux;
    if (!gelf_getverdef(data, static_cast<int>(offset), &definition) ||
        !gelf_getverdaux(data, static_cast<int>(offset + definition.vd_aux), &aux))
      break;
    const std::string name = elf_strptr(elf, shdr.sh_link, aux.vda_name);
    version_of[definition.vd_ndx] = name;
    out.versions.emplace_back(name, definition.vd_flags);
    if (!definition.vd_next) break;
    offset += definition.vd_next;
  }
  gelf_getshdr(dynsym, &shdr);
  Elf_Data* symbols = elf_getdata(dynsym, nullptr);
  Elf_Data* versions = elf_getdata(versym, nullptr);
  for (std::size_t i = 1; i < shdr.sh_size / shdr.sh_entsize; ++i) {
    GElf_Sym sym;
    GElf_Versym version;
    gelf_getsym(symbols, static_cast<int>(i), &sym);
    gelf_getversym(versions, static_cast<int>(i), &version);
    out.symbols.push_back({elf_strptr(elf, shdr.sh_link, sym.st_name), version_of[version & 0x7fff],
                           GELF_ST_TYPE(sym.st_info), static_cast<std::uint32_t>(sym.st_value),
                           sym.st_shndx != SHN_UNDEF});
  }
  out.ok = true;
  elf_end(elf);
  return out;
}

// A word of the image at a virtual address (both images are linked at 0, offset = address).
std::uint32_t word_at(const std::vector<std::uint8_t>& image, std::uint32_t address) {
  std::uint32_t word = 0;
  if (address + 4 <= image.size()) std::memcpy(&word, image.data() + address, 4);
  return word;
}
std::string name_at(const std::vector<std::uint8_t>& image, std::uint32_t strtab,
                    std::uint32_t symbol) {
  const std::uint32_t name = word_at(image, symbol);
  return reinterpret_cast<const char*>(image.data() + strtab + name);
}

// DT_HASH lookup (gABI, "Hash Table"): the symbol index of `name`, or nothing.
std::optional<std::uint32_t> sysv_lookup(const std::vector<std::uint8_t>& image,
                                         const Parsed& parsed, const std::string& name) {
  std::uint32_t h = 0;
  for (const unsigned char c : name) {
    h = (h << 4) + c;
    const std::uint32_t g = h & 0xf0000000;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  const std::uint32_t table = parsed.dynamic.at(DT_HASH), nbucket = word_at(image, table),
                      symtab = parsed.dynamic.at(DT_SYMTAB), strtab = parsed.dynamic.at(DT_STRTAB);
  for (std::uint32_t i = word_at(image, table + 8 + 4 * (h % nbucket)); i != 0;
       i = word_at(image, table + 8 + 4 * nbucket + 4 * i))
    if (name_at(image, strtab, symtab + 16 * i) == name) return i;
  return std::nullopt;
}

// DT_GNU_HASH lookup: the Bloom filter, the bucket, the chain of hashes.
std::optional<std::uint32_t> gnu_lookup(const std::vector<std::uint8_t>& image,
                                        const Parsed& parsed, const std::string& name) {
  std::uint32_t h = 5381;
  for (const unsigned char c : name) h = h * 33 + c;
  const std::uint32_t table = parsed.dynamic.at(DT_GNU_HASH), nbuckets = word_at(image, table),
                      symoffset = word_at(image, table + 4), bloom_size = word_at(image, table + 8),
                      shift = word_at(image, table + 12), symtab = parsed.dynamic.at(DT_SYMTAB),
                      strtab = parsed.dynamic.at(DT_STRTAB);
  const std::uint32_t bloom = word_at(image, table + 16 + 4 * ((h / 32) % bloom_size));
  if (!((bloom >> (h % 32)) & (bloom >> ((h >> shift) % 32)) & 1)) return std::nullopt;
  const std::uint32_t buckets = table + 16 + 4 * bloom_size, chain = buckets + 4 * nbuckets;
  std::uint32_t i = word_at(image, buckets + 4 * (h % nbuckets));
  if (i < symoffset) return std::nullopt;
  for (;; ++i) {
    const std::uint32_t hash = word_at(image, chain + 4 * (i - symoffset));
    if ((hash | 1) == (h | 1) && name_at(image, strtab, symtab + 16 * i) == name) return i;
    if (hash & 1) return std::nullopt;
  }
}

// Every defined symbol found by both hash tables at its own index; a name that is not there
// found by neither.
void check_hash_tables(const std::vector<std::uint8_t>& image, const Parsed& parsed) {
  for (std::size_t i = 0; i < parsed.symbols.size(); ++i) {
    if (!parsed.symbols[i].defined) continue;
    INFO(parsed.symbols[i].name);
    CHECK(sysv_lookup(image, parsed, parsed.symbols[i].name) == i + 1);
    CHECK(gnu_lookup(image, parsed, parsed.symbols[i].name) == i + 1);
  }
  CHECK_FALSE(sysv_lookup(image, parsed, "__vdso_no_such_symbol"));
  CHECK_FALSE(gnu_lookup(image, parsed, "__vdso_no_such_symbol"));
}

const std::vector<std::uint8_t>& ours() {
  static const std::vector<std::uint8_t> image = vdso_image(syscompat::run32::guest_vdso_code());
  return image;
}

}  // namespace

TEST_CASE("the kernel's vdso32 is there to compare with, and the test's lookups read it") {
  const auto kernel = kernel_vdso32();
  REQUIRE(kernel.size() > sizeof(Elf32_Ehdr));
  const Parsed parsed = parse(kernel);
  REQUIRE(parsed.ok);
  check_hash_tables(kernel, parsed);
}

TEST_CASE("the guest's vDSO parses as an i386 shared object with every table a parser reads") {
  REQUIRE(ours().size() == 4096);
  const Parsed parsed = parse(ours());
  REQUIRE(parsed.ok);
  for (const Elf32_Sword tag : {DT_SONAME, DT_HASH, DT_GNU_HASH, DT_STRTAB, DT_SYMTAB, DT_STRSZ,
                                DT_SYMENT, DT_VERSYM, DT_VERDEF, DT_VERDEFNUM})
    CHECK(parsed.dynamic.count(tag) == 1);
  CHECK(parsed.dynamic.at(DT_VERDEFNUM) == parsed.versions.size());
  check_hash_tables(ours(), parsed);
  // The code sits where the shim writes it.
  std::map<std::string, std::uint32_t> value;
  for (const Symbol& s : parsed.symbols) value[s.name] = s.value;
  CHECK(value["__kernel_vsyscall"] == VdsoText::vsyscall);
  CHECK(value["__kernel_sigreturn"] == VdsoText::sigreturn);
  CHECK(value["__kernel_rt_sigreturn"] == VdsoText::rt_sigreturn);
  // Each __vdso_* function where its code is, none overlapping the next, all within the area.
  const auto code = syscompat::run32::guest_vdso_code();
  const char* names[] = {"__vdso_clock_gettime", "__vdso_clock_gettime64",
                         "__vdso_clock_getres",  "__vdso_gettimeofday",
                         "__vdso_time",          "__vdso_getcpu"};
  static_assert(std::size(names) == syscompat::run32::vdso_function_count);
  for (std::size_t i = 0; i < std::size(names); ++i) {
    INFO(names[i]);
    CHECK(value[names[i]] == VdsoText::time + code.functions[i].offset);
    CHECK(code.functions[i].size > 0);
    if (i + 1 < std::size(names))
      CHECK(code.functions[i].offset + code.functions[i].size <= code.functions[i + 1].offset);
    CHECK(code.functions[i].offset + code.functions[i].size <= VdsoText::time_size);
  }
}

TEST_CASE("code that does not fit its room gives no image") {
  auto code = syscompat::run32::guest_vdso_code();
  code.functions.back().size = VdsoText::time_size;
  CHECK(vdso_image(code).empty());
  code = syscompat::run32::guest_vdso_code();
  code.vsyscall_size = VdsoText::sigreturn - VdsoText::vsyscall + 1;
  CHECK(vdso_image(code).empty());
}

TEST_CASE("the guest's vDSO says what the kernel's vdso32 says") {
  const Parsed kernel = parse(kernel_vdso32()), guest = parse(ours());
  REQUIRE(kernel.ok);
  REQUIRE(guest.ok);
  CHECK(guest.soname == kernel.soname);
  // The same version definitions in the same order with the same flags (LINUX_2.6 first:
  // Go's runtime asks for it by name and hash).
  CHECK(guest.versions == kernel.versions);
  // The same symbols with the same versions and types: every one the guest's exports, the
  // kernel's exports, and none of the kernel's is missing.
  std::set<Symbol> kernel_symbols;
  for (Symbol s : kernel.symbols) {
    s.value = 0;
    kernel_symbols.insert(s);
  }
  for (Symbol s : guest.symbols) {
    INFO(s.name);
    s.value = 0;
    CHECK(kernel_symbols.count(s) == 1);
    kernel_symbols.erase(s);
  }
  for (const Symbol& s : kernel_symbols) {
    INFO(s.name << " is the kernel's, not the guest's");
    CHECK(false);
  }
  // The sections the guest's has come in the kernel's order.
  std::size_t next = 0;
  for (const std::string& name : guest.sections) {
    if (name == ".shstrtab") continue;
    INFO(name);
    while (next < kernel.sections.size() && kernel.sections[next] != name) ++next;
    CHECK(next < kernel.sections.size());
  }
  // Every tag the parsers read, the kernel's has too.
  for (const auto& [tag, value] : guest.dynamic) CHECK(kernel.dynamic.count(tag) == 1);
}
