#include "host_vdso.hpp"

#include <elf.h>
#include <sys/auxv.h>

#include <cstdint>
#include <cstring>

#include "vdso_image.hpp"  // elf_hash

namespace syscompat::run32 {

void* host_vdso_function(std::string_view name) {
  constexpr std::string_view version = "LINUX_2.6";
  const auto base = static_cast<std::uintptr_t>(::getauxval(AT_SYSINFO_EHDR));
  if (!base) return nullptr;
  const auto* header = reinterpret_cast<const Elf64_Ehdr*>(base);
  if (std::memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64)
    return nullptr;
  // The load bias: the vDSO is linked at 0 but its PT_LOAD says so, read it.
  const auto* program_headers = reinterpret_cast<const Elf64_Phdr*>(base + header->e_phoff);
  std::uintptr_t bias = 0;
  const Elf64_Dyn* dynamic = nullptr;
  for (int i = 0; i < header->e_phnum; ++i) {
    if (program_headers[i].p_type == PT_LOAD && !bias)
      bias = base + program_headers[i].p_offset - program_headers[i].p_vaddr;
    if (program_headers[i].p_type == PT_DYNAMIC)
      dynamic = reinterpret_cast<const Elf64_Dyn*>(base + program_headers[i].p_offset);
  }
  if (!dynamic) return nullptr;
  const Elf32_Word* hash = nullptr;
  const Elf64_Sym* symbols = nullptr;
  const char* strings = nullptr;
  const Elf64_Versym* versym = nullptr;
  const Elf64_Verdef* verdef = nullptr;
  for (const Elf64_Dyn* d = dynamic; d->d_tag != DT_NULL; ++d) {
    const std::uintptr_t at = bias + d->d_un.d_ptr;
    if (d->d_tag == DT_HASH) hash = reinterpret_cast<const Elf32_Word*>(at);
    if (d->d_tag == DT_SYMTAB) symbols = reinterpret_cast<const Elf64_Sym*>(at);
    if (d->d_tag == DT_STRTAB) strings = reinterpret_cast<const char*>(at);
    if (d->d_tag == DT_VERSYM) versym = reinterpret_cast<const Elf64_Versym*>(at);
    if (d->d_tag == DT_VERDEF) verdef = reinterpret_cast<const Elf64_Verdef*>(at);
  }
  if (!hash || !symbols || !strings) return nullptr;
  // The index of LINUX_2.6 among the version definitions.
  int version_index = -1;
  for (const Elf64_Verdef* d = verdef; d;
       d = d->vd_next ? reinterpret_cast<const Elf64_Verdef*>(reinterpret_cast<const char*>(d) +
                                                              d->vd_next)
                      : nullptr) {
    const auto* aux =
        reinterpret_cast<const Elf64_Verdaux*>(reinterpret_cast<const char*>(d) + d->vd_aux);
    if (d->vd_hash == elf_hash(version) && std::string_view(strings + aux->vda_name) == version)
      version_index = d->vd_ndx;
  }
  // DT_HASH's second word: the number of symbols.
  for (Elf32_Word i = 1; i < hash[1]; ++i) {
    const Elf64_Sym& s = symbols[i];
    if (ELF64_ST_TYPE(s.st_info) != STT_FUNC || s.st_shndx == SHN_UNDEF) continue;
    if (std::string_view(strings + s.st_name) != name) continue;
    if (versym && (versym[i] & 0x7fff) != version_index) continue;
    return reinterpret_cast<void*>(bias + s.st_value);
  }
  return nullptr;
}

}  // namespace syscompat::run32
