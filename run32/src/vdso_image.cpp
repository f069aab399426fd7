#include "vdso_image.hpp"

#include <elf.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>

namespace syscompat::run32 {

namespace {

constexpr std::uint32_t page_size = 4096;
// The name the kernel's i386 vDSO carries, as ldd and /proc/PID/maps users know it.
constexpr std::string_view soname = "linux-gate.so.1";

// The version definitions, in the order of the kernel's vdso32.lds version script.
enum Version : Elf32_Half { local = 0, base = 1, linux_2_6 = 2, linux_2_5 = 3 };
constexpr std::array<std::string_view, 2> version_names{"LINUX_2.6", "LINUX_2.5"};

struct Symbol {
  std::string_view name;
  Elf32_Addr value;
  Elf32_Word size;
  unsigned char type;
  Version version;
};

// The GNU hash (DT_GNU_HASH): djb2.
std::uint32_t gnu_hash(std::string_view name) {
  std::uint32_t h = 5381;
  for (const unsigned char c : name) h = h * 33 + c;
  return h;
}

// Appends bytes to the image, each table aligned as its section is.
class Writer {
 public:
  explicit Writer(std::vector<std::uint8_t>& bytes) : bytes_(bytes) {}
  std::uint32_t align(std::uint32_t alignment) {
    offset_ = (offset_ + alignment - 1) & ~(alignment - 1);
    return offset_;
  }
  template <class T>
  std::uint32_t put(const T& value) {
    std::memcpy(bytes_.data() + offset_, &value, sizeof value);
    offset_ += sizeof value;
    return offset_ - static_cast<std::uint32_t>(sizeof value);
  }
  std::uint32_t put_bytes(std::string_view text) {
    std::memcpy(bytes_.data() + offset_, text.data(), text.size());
    offset_ += static_cast<std::uint32_t>(text.size());
    return offset_ - static_cast<std::uint32_t>(text.size());
  }
  std::uint32_t offset() const { return offset_; }
  void seek(std::uint32_t offset) { offset_ = offset; }

 private:
  std::vector<std::uint8_t>& bytes_;
  std::uint32_t offset_ = 0;
};

// A string table built as names are added.
class Strings {
 public:
  Elf32_Word add(std::string_view name) {
    if (name.empty()) return 0;
    const auto at = text_.find(std::string(name) + '\0');
    if (at != std::string::npos) return static_cast<Elf32_Word>(at);
    const auto offset = static_cast<Elf32_Word>(text_.size());
    text_.append(name);
    text_.push_back('\0');
    return offset;
  }
  std::string_view text() const { return text_; }

 private:
  std::string text_{'\0'};
};

// The __vdso_* names, per VdsoFunction.
constexpr std::array<std::string_view, vdso_function_count> function_names{
    "__vdso_clock_gettime", "__vdso_clock_gettime64", "__vdso_clock_getres", "__vdso_gettimeofday",
    "__vdso_time",          "__vdso_getcpu"};

}  // namespace

std::uint32_t elf_hash(std::string_view name) {
  std::uint32_t h = 0;
  for (const unsigned char c : name) {
    h = (h << 4) + c;
    const std::uint32_t g = h & 0xf0000000;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

std::vector<std::uint8_t> vdso_image(const VdsoCode& code) {
  if (code.vsyscall_size > VdsoText::sigreturn - VdsoText::vsyscall) return {};
  for (const VdsoCode::Function& f : code.functions)
    if (f.offset + f.size > VdsoText::time_size) return {};
  // .dynsym: the null symbol, the code, then one absolute symbol per version (as the
  // kernel's). Every defined symbol goes into both hash tables.
  const auto function = [&](VdsoFunction which) {
    const VdsoCode::Function& f = code.functions[static_cast<std::size_t>(which)];
    return Symbol{function_names[static_cast<std::size_t>(which)], VdsoText::time + f.offset,
                  f.size, STT_FUNC, linux_2_6};
  };
  const Symbol symbols[] = {
      {"__kernel_vsyscall", VdsoText::vsyscall, code.vsyscall_size, STT_FUNC, linux_2_5},
      {"__kernel_sigreturn", VdsoText::sigreturn, VdsoText::sigreturn_size, STT_FUNC, linux_2_5},
      {"__kernel_rt_sigreturn", VdsoText::rt_sigreturn, VdsoText::sigreturn_size, STT_FUNC,
       linux_2_5},
      function(VdsoFunction::clock_gettime),
      function(VdsoFunction::clock_gettime64),
      function(VdsoFunction::clock_getres),
      function(VdsoFunction::gettimeofday),
      function(VdsoFunction::time),
      function(VdsoFunction::getcpu),
      {version_names[0], 0, 0, STT_OBJECT, linux_2_6},
      {version_names[1], 0, 0, STT_OBJECT, linux_2_5},
  };
  constexpr std::uint32_t symbol_count = std::size(symbols) + 1;
  static_assert(std::size(symbols) == 5 + vdso_function_count);

  Strings dynstr;
  const Elf32_Word soname_name = dynstr.add(soname);
  for (const Symbol& s : symbols) dynstr.add(s.name);

  // Section indices, in the kernel's order.
  enum : Elf32_Half {
    no_section,
    hash_section,
    gnu_hash_section,
    dynsym_section,
    dynstr_section,
    versym_section,
    verdef_section,
    dynamic_section,
    text_section,
    shstrtab_section,
    section_count
  };

  std::vector<std::uint8_t> bytes(page_size);
  Writer w(bytes);
  Elf32_Ehdr header{};
  w.seek(sizeof header);
  Elf32_Phdr program_headers[2]{};
  const std::uint32_t phoff = w.put(program_headers);
  std::array<Elf32_Shdr, section_count> sections{};
  auto section = [&](Elf32_Half index, Elf32_Word type, std::uint32_t start, Elf32_Word entsize,
                     Elf32_Word link, Elf32_Word info, Elf32_Word alignment) {
    Elf32_Shdr& s = sections[index];
    s.sh_type = type;
    s.sh_flags = SHF_ALLOC;
    s.sh_addr = s.sh_offset = start;
    s.sh_size = w.offset() - start;
    s.sh_entsize = entsize;
    s.sh_link = link;
    s.sh_info = info;
    s.sh_addralign = alignment;
  };

  // .hash: nbucket, nchain, buckets, chains.
  constexpr std::uint32_t sysv_buckets = 3;
  std::array<Elf32_Word, sysv_buckets> bucket{};
  std::array<Elf32_Word, symbol_count> chain{};
  for (std::uint32_t i = symbol_count - 1; i >= 1; --i) {  // each chain in symbol order
    const std::uint32_t b = elf_hash(symbols[i - 1].name) % sysv_buckets;
    chain[i] = bucket[b];
    bucket[b] = i;
  }
  const std::uint32_t hash = w.align(4);
  w.put(Elf32_Word{sysv_buckets});
  w.put(Elf32_Word{symbol_count});
  w.put(bucket);
  w.put(chain);
  section(hash_section, SHT_HASH, hash, 4, dynsym_section, 0, 4);

  // .gnu.hash: one bucket holding every defined symbol (from index 1), a one-word Bloom
  // filter (two bits per symbol), the chain's hashes with the last one's low bit set.
  constexpr Elf32_Word bloom_shift = 5;
  Elf32_Word bloom = 0;
  std::array<Elf32_Word, symbol_count - 1> gnu_chain{};
  for (std::uint32_t i = 0; i < gnu_chain.size(); ++i) {
    const std::uint32_t h = gnu_hash(symbols[i].name);
    bloom |= (Elf32_Word{1} << (h % 32)) | (Elf32_Word{1} << ((h >> bloom_shift) % 32));
    gnu_chain[i] = h & ~1u;
  }
  gnu_chain.back() |= 1;
  const std::uint32_t gnu_hash_table = w.align(4);
  for (const Elf32_Word word : {Elf32_Word{1}, Elf32_Word{1}, Elf32_Word{1}, bloom_shift})
    w.put(word);  // nbuckets, symoffset, bloom words, bloom shift
  w.put(bloom);
  w.put(Elf32_Word{1});  // the bucket: its first symbol
  w.put(gnu_chain);
  section(gnu_hash_section, SHT_GNU_HASH, gnu_hash_table, 4, dynsym_section, 0, 4);

  // .dynsym
  const std::uint32_t dynsym = w.align(4);
  w.put(Elf32_Sym{});
  for (const Symbol& s : symbols) {
    Elf32_Sym sym{};
    sym.st_name = dynstr.add(s.name);
    sym.st_value = s.value;
    sym.st_size = s.size;
    sym.st_info = ELF32_ST_INFO(STB_GLOBAL, s.type);
    sym.st_shndx = s.type == STT_FUNC ? Elf32_Half{text_section} : Elf32_Half{SHN_ABS};
    w.put(sym);
  }
  section(dynsym_section, SHT_DYNSYM, dynsym, sizeof(Elf32_Sym), dynstr_section, 1, 4);

  // .dynstr
  const std::uint32_t dynstr_table = w.put_bytes(dynstr.text());
  section(dynstr_section, SHT_STRTAB, dynstr_table, 0, 0, 0, 1);

  // .gnu.version: each symbol's version index.
  const std::uint32_t versym = w.align(2);
  w.put(Elf32_Half{local});
  for (const Symbol& s : symbols) w.put(Elf32_Half{s.version});
  section(versym_section, SHT_GNU_versym, versym, 2, dynsym_section, 0, 2);

  // .gnu.version_d: the base (the soname), then LINUX_2.6 and LINUX_2.5, each with one
  // auxiliary entry naming it.
  const std::uint32_t verdef = w.align(4);
  const std::array<std::pair<std::string_view, Elf32_Half>, 3> definitions{
      {{soname, base}, {version_names[0], linux_2_6}, {version_names[1], linux_2_5}}};
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    const auto& [name, index] = definitions[i];
    Elf32_Verdef d{};
    d.vd_version = VER_DEF_CURRENT;
    d.vd_flags = index == base ? VER_FLG_BASE : 0;
    d.vd_ndx = index;
    d.vd_cnt = 1;
    d.vd_hash = elf_hash(name);
    d.vd_aux = sizeof(Elf32_Verdef);
    d.vd_next = i + 1 < definitions.size() ? sizeof(Elf32_Verdef) + sizeof(Elf32_Verdaux) : 0;
    w.put(d);
    w.put(Elf32_Verdaux{dynstr.add(name), 0});
  }
  section(verdef_section, SHT_GNU_verdef, verdef, 0, dynstr_section, definitions.size(), 4);

  // .dynamic
  const std::uint32_t dynamic = w.align(4);
  const Elf32_Dyn entries[] = {
      {DT_SONAME, {soname_name}},
      {DT_HASH, {hash}},
      {DT_GNU_HASH, {gnu_hash_table}},
      {DT_STRTAB, {dynstr_table}},
      {DT_SYMTAB, {dynsym}},
      {DT_STRSZ, {static_cast<Elf32_Word>(dynstr.text().size())}},
      {DT_SYMENT, {sizeof(Elf32_Sym)}},
      {DT_VERDEF, {verdef}},
      {DT_VERDEFNUM, {definitions.size()}},
      {DT_VERSYM, {versym}},
      {DT_NULL, {0}},
  };
  w.put(entries);
  section(dynamic_section, SHT_DYNAMIC, dynamic, sizeof(Elf32_Dyn), dynstr_section, 0, 4);
  if (w.offset() > VdsoText::vsyscall) return {};  // the tables outgrew their room

  // .text: the code the caller writes.
  w.seek(VdsoText::end);
  sections[text_section].sh_type = SHT_PROGBITS;
  sections[text_section].sh_flags = SHF_ALLOC | SHF_EXECINSTR;
  sections[text_section].sh_addr = sections[text_section].sh_offset = VdsoText::vsyscall;
  sections[text_section].sh_size = VdsoText::end - VdsoText::vsyscall;
  sections[text_section].sh_addralign = 16;

  // .shstrtab and the section headers, after everything the guest's program headers load.
  Strings section_names;
  const std::array<std::string_view, section_count> names{
      "",         ".hash", ".gnu.hash", ".dynsym", ".dynstr", ".gnu.version", ".gnu.version_d",
      ".dynamic", ".text", ".shstrtab"};
  for (std::size_t i = 0; i < names.size(); ++i) sections[i].sh_name = section_names.add(names[i]);
  const std::uint32_t shstrtab = w.put_bytes(section_names.text());
  section(shstrtab_section, SHT_STRTAB, shstrtab, 0, 0, 0, 1);
  sections[shstrtab_section].sh_flags = 0;
  sections[shstrtab_section].sh_addr = 0;
  const std::uint32_t shoff = w.align(4);
  w.put(sections);
  if (w.offset() > page_size) return {};

  Elf32_Phdr& load = program_headers[0];
  load.p_type = PT_LOAD;
  load.p_filesz = load.p_memsz = VdsoText::end;
  load.p_flags = PF_R | PF_X;
  load.p_align = page_size;
  Elf32_Phdr& dynamic_header = program_headers[1];
  dynamic_header.p_type = PT_DYNAMIC;
  dynamic_header.p_offset = dynamic_header.p_vaddr = dynamic_header.p_paddr = dynamic;
  dynamic_header.p_filesz = dynamic_header.p_memsz = sizeof entries;
  dynamic_header.p_flags = PF_R;
  dynamic_header.p_align = 4;
  // The kernel's also has PT_NOTE and PT_GNU_EH_FRAME; this image has neither notes nor
  // unwind tables (unwinders know the sigreturn code by its bytes).
  w.seek(phoff);
  w.put(program_headers);

  std::memcpy(header.e_ident, ELFMAG, SELFMAG);
  header.e_ident[EI_CLASS] = ELFCLASS32;
  header.e_ident[EI_DATA] = ELFDATA2LSB;
  header.e_ident[EI_VERSION] = EV_CURRENT;
  header.e_ident[EI_OSABI] = ELFOSABI_SYSV;
  header.e_type = ET_DYN;
  header.e_machine = EM_386;
  header.e_version = EV_CURRENT;
  header.e_entry = VdsoText::vsyscall;
  header.e_phoff = phoff;
  header.e_shoff = shoff;
  header.e_ehsize = sizeof(Elf32_Ehdr);
  header.e_phentsize = sizeof(Elf32_Phdr);
  header.e_phnum = std::size(program_headers);
  header.e_shentsize = sizeof(Elf32_Shdr);
  header.e_shnum = section_count;
  header.e_shstrndx = shstrtab_section;
  w.seek(0);
  w.put(header);
  return bytes;
}

}  // namespace syscompat::run32
