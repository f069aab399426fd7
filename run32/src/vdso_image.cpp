#include "vdso_image.hpp"

#include <elf.h>

#include <cstring>
#include <string_view>

namespace syscompat::run32 {

namespace {

// The name the kernel's i386 vDSO carries, as ldd and /proc/PID/maps users know it.
constexpr std::string_view soname = "linux-gate.so.1";

struct Image {
  Elf32_Ehdr header;
  Elf32_Phdr program_headers[2];
  Elf32_Word hash[4];  // DT_HASH: one bucket, one chain, both the null symbol
  Elf32_Sym symbols[1];
  char strings[32];
  Elf32_Dyn dynamic[7];
};

}  // namespace

std::vector<std::uint8_t> minimal_vdso_image(std::uint32_t load_address) {
  Image image{};
  auto address_of = [&](const void* member) {
    return load_address + static_cast<std::uint32_t>(static_cast<const std::uint8_t*>(member) -
                                                     reinterpret_cast<const std::uint8_t*>(&image));
  };
  auto offset_of = [&](const void* member) { return address_of(member) - load_address; };

  Elf32_Ehdr& h = image.header;
  std::memcpy(h.e_ident, ELFMAG, SELFMAG);
  h.e_ident[EI_CLASS] = ELFCLASS32;
  h.e_ident[EI_DATA] = ELFDATA2LSB;
  h.e_ident[EI_VERSION] = EV_CURRENT;
  h.e_ident[EI_OSABI] = ELFOSABI_SYSV;
  h.e_type = ET_DYN;
  h.e_machine = EM_386;
  h.e_version = EV_CURRENT;
  h.e_phoff = offset_of(&image.program_headers);
  h.e_ehsize = sizeof(Elf32_Ehdr);
  h.e_phentsize = sizeof(Elf32_Phdr);
  h.e_phnum = 2;

  Elf32_Phdr& load = image.program_headers[0];
  load.p_type = PT_LOAD;
  load.p_vaddr = load.p_paddr = load_address;
  load.p_filesz = load.p_memsz = sizeof image;
  load.p_flags = PF_R | PF_X;
  load.p_align = 4096;
  Elf32_Phdr& dynamic = image.program_headers[1];
  dynamic.p_type = PT_DYNAMIC;
  dynamic.p_offset = offset_of(&image.dynamic);
  dynamic.p_vaddr = dynamic.p_paddr = address_of(&image.dynamic);
  dynamic.p_filesz = dynamic.p_memsz = sizeof image.dynamic;
  dynamic.p_flags = PF_R;
  dynamic.p_align = 4;

  image.hash[0] = 1;  // nbucket
  image.hash[1] = 1;  // nchain
  std::memcpy(image.strings + 1, soname.data(), soname.size());
  const Elf32_Dyn entries[] = {
      {DT_HASH, {address_of(&image.hash)}},
      {DT_STRTAB, {address_of(&image.strings)}},
      {DT_SYMTAB, {address_of(&image.symbols)}},
      {DT_STRSZ, {sizeof image.strings}},
      {DT_SYMENT, {sizeof(Elf32_Sym)}},
      {DT_SONAME, {1}},
      {DT_NULL, {0}},
  };
  static_assert(sizeof entries == sizeof image.dynamic);
  std::memcpy(image.dynamic, entries, sizeof entries);

  std::vector<std::uint8_t> bytes(sizeof image);
  std::memcpy(bytes.data(), &image, sizeof image);
  return bytes;
}

}  // namespace syscompat::run32
