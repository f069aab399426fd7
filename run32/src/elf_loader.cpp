#include "elf_loader.hpp"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace syscompat::run32 {

namespace {

// Where the kernel puts an i386 PIE when it does not randomize (ELF_ET_DYN_BASE for ia32).
constexpr GuestAddress pie_base = 0x56555000;

constexpr GuestAddress page_down(std::uint64_t address) {
  return static_cast<GuestAddress>(address & ~std::uint64_t{GuestProcess::page_size - 1});
}
constexpr std::uint64_t page_up(std::uint64_t address) {
  return (address + GuestProcess::page_size - 1) & ~std::uint64_t{GuestProcess::page_size - 1};
}

// An open ELF file: its header and program headers.
class ElfImage {
 public:
  ElfImage(const std::string& path, int status_if_missing) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      const int error = errno;
      throw LoadError{path + ": " + std::strerror(error),
                      error == ENOENT || error == ENOTDIR ? status_if_missing : 126};
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || S_ISDIR(st.st_mode)) fail("Is a directory");
    size_ = static_cast<std::uint64_t>(st.st_size);
    std::string detail;
    switch (classify(fd_, &detail)) {
      case ElfKind::i386:
        break;
      case ElfKind::not_elf:
        fail("cannot execute binary file: not an ELF program");
      case ElfKind::elf64:
        fail("a 64-bit ELF program: run it natively");
      case ElfKind::other_machine:
        fail("an ELF program for another machine (" + detail + ")");
      case ElfKind::truncated:
        fail("truncated ELF file");
      case ElfKind::unreadable:
        fail(detail);
    }
    read_exact(&header_, sizeof header_, 0);
    if (header_.e_type != ET_EXEC && header_.e_type != ET_DYN) fail("not an executable ELF file");
    if (header_.e_phentsize != sizeof(Elf32_Phdr) || header_.e_phnum == 0 || header_.e_phnum > 512)
      fail("bad ELF program headers");
    program_headers_.resize(header_.e_phnum);
    read_exact(program_headers_.data(), header_.e_phnum * sizeof(Elf32_Phdr), header_.e_phoff);
    for (const auto& ph : program_headers_)
      if (ph.p_type == PT_LOAD && std::uint64_t{ph.p_offset} + ph.p_filesz > size_)
        fail("truncated ELF file");
  }
  ~ElfImage() { ::close(fd_); }
  ElfImage(const ElfImage&) = delete;
  ElfImage& operator=(const ElfImage&) = delete;

  static ElfKind classify(int fd, std::string* detail) {
    unsigned char ident[EI_NIDENT + 4]{};
    const ssize_t got = ::pread(fd, ident, sizeof ident, 0);
    if (got < 0) {
      if (detail) *detail = std::strerror(errno);
      return ElfKind::unreadable;
    }
    if (got < SELFMAG || std::memcmp(ident, ELFMAG, SELFMAG) != 0) return ElfKind::not_elf;
    if (got < static_cast<ssize_t>(sizeof ident)) return ElfKind::truncated;
    if (ident[EI_CLASS] == ELFCLASS64) return ElfKind::elf64;
    std::uint16_t machine;
    std::memcpy(&machine, ident + EI_NIDENT + 2, sizeof machine);  // e_machine follows e_type
    if (ident[EI_CLASS] != ELFCLASS32 || ident[EI_DATA] != ELFDATA2LSB || machine != EM_386) {
      if (detail) *detail = "e_machine " + std::to_string(machine);
      return ElfKind::other_machine;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) < sizeof(Elf32_Ehdr))
      return ElfKind::truncated;
    return ElfKind::i386;
  }

  const Elf32_Ehdr& header() const { return header_; }
  const std::vector<Elf32_Phdr>& program_headers() const { return program_headers_; }
  int fd() const { return fd_; }

  std::string interpreter() const {
    for (const auto& ph : program_headers_) {
      if (ph.p_type != PT_INTERP) continue;
      if (ph.p_filesz < 2 || ph.p_filesz > 4096) fail("bad PT_INTERP");
      std::string path(ph.p_filesz, '\0');
      read_exact(path.data(), ph.p_filesz, ph.p_offset);
      path.resize(std::strlen(path.c_str()));
      return path;
    }
    return {};
  }

  [[noreturn]] void fail(const std::string& why) const { throw LoadError{path_ + ": " + why, 126}; }

 private:
  void read_exact(void* to, std::size_t length, std::uint64_t offset) const {
    if (::pread(fd_, to, length, static_cast<off_t>(offset)) != static_cast<ssize_t>(length))
      fail("truncated ELF file");
  }

  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  Elf32_Ehdr header_{};
  std::vector<Elf32_Phdr> program_headers_;
};

int protection_of(const Elf32_Phdr& ph) {
  return (ph.p_flags & PF_R ? PROT_READ : 0) | (ph.p_flags & PF_W ? PROT_WRITE : 0) |
         (ph.p_flags & PF_X ? PROT_EXEC : 0);
}

struct MappedImage {
  GuestAddress bias = 0;
  GuestAddress end = 0;  // page after the last segment's memory
};

std::int32_t map_checked(GuestProcess& process, const ElfImage& image,
                         const translators::MapRequest& request) {
  const std::int32_t result = process.map(request);
  if (result < 0 && result > -4096)
    image.fail(std::string("cannot map a segment: ") + std::strerror(-result));
  return result;
}

// load_elf_binary's segment loop: the whole span reserved first (at the fixed addresses of
// an ET_EXEC, where the kernel chooses for an ET_DYN), then each PT_LOAD over it, the bss
// zeroed to the end of its page and mapped anonymous after.
MappedImage map_image(GuestProcess& process, const ElfImage& image, GuestAddress preferred_base) {
  std::uint64_t low = ~std::uint64_t{0}, high = 0;
  for (const auto& ph : image.program_headers()) {
    if (ph.p_type != PT_LOAD) continue;
    low = std::min<std::uint64_t>(low, page_down(ph.p_vaddr));
    high = std::max<std::uint64_t>(high, page_up(std::uint64_t{ph.p_vaddr} + ph.p_memsz));
  }
  if (high <= low) image.fail("no loadable segments");
  const auto span = static_cast<std::uint32_t>(high - low);
  const bool fixed = image.header().e_type == ET_EXEC;
  const int anonymous = MAP_PRIVATE | MAP_ANONYMOUS;
  std::int32_t reserved = -EEXIST;
  if (fixed || preferred_base)
    reserved = process.map({fixed ? static_cast<GuestAddress>(low) : preferred_base, span,
                            PROT_NONE, anonymous | MAP_FIXED_NOREPLACE, -1, 0});
  if (!fixed && reserved < 0 && reserved > -4096)
    reserved = process.map({0, span, PROT_NONE, anonymous, -1, 0});
  if (reserved < 0 && reserved > -4096)
    image.fail(std::string("cannot map the program: ") + std::strerror(-reserved));
  MappedImage mapped;
  mapped.bias = fixed ? 0 : static_cast<GuestAddress>(reserved) - static_cast<GuestAddress>(low);
  mapped.end = static_cast<GuestAddress>(mapped.bias + high);

  for (const auto& ph : image.program_headers()) {
    if (ph.p_type != PT_LOAD) continue;
    const std::uint64_t start = std::uint64_t{mapped.bias} + ph.p_vaddr;
    const GuestAddress page = page_down(start);
    const std::uint64_t file_end = start + ph.p_filesz, memory_end = start + ph.p_memsz;
    const int protection = protection_of(ph);
    const bool zero_tail = ph.p_memsz > ph.p_filesz && file_end % GuestProcess::page_size;
    if (ph.p_filesz) {
      map_checked(process, image,
                  {page, static_cast<std::uint32_t>(page_up(file_end) - page),
                   protection | (zero_tail ? PROT_WRITE : 0), MAP_PRIVATE | MAP_FIXED, image.fd(),
                   ph.p_offset - (start - page)});
      if (zero_tail) {
        std::memset(process.memory().host(static_cast<GuestAddress>(file_end)), 0,
                    page_up(file_end) - file_end);
        if (!(protection & PROT_WRITE))
          process.protect(page, static_cast<std::uint32_t>(page_up(file_end) - page), protection);
      }
    }
    const std::uint64_t anonymous_start = ph.p_filesz ? page_up(file_end) : page;
    if (page_up(memory_end) > anonymous_start)
      map_checked(process, image,
                  {static_cast<GuestAddress>(anonymous_start),
                   static_cast<std::uint32_t>(page_up(memory_end) - anonymous_start), protection,
                   anonymous | MAP_FIXED, -1, 0});
  }
  return mapped;
}

GuestAddress program_headers_address(const ElfImage& image, GuestAddress bias) {
  for (const auto& ph : image.program_headers())
    if (ph.p_type == PT_PHDR) return bias + ph.p_vaddr;
  const auto phoff = image.header().e_phoff;
  for (const auto& ph : image.program_headers())
    if (ph.p_type == PT_LOAD && phoff >= ph.p_offset && phoff < ph.p_offset + ph.p_filesz)
      return bias + ph.p_vaddr + (phoff - ph.p_offset);
  image.fail("program headers not in a loaded segment");
}

}  // namespace

ElfKind classify_elf(const std::string& path, std::string* detail) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (detail) *detail = std::strerror(errno);
    return ElfKind::unreadable;
  }
  const ElfKind kind = ElfImage::classify(fd, detail);
  ::close(fd);
  return kind;
}

LoadedProgram load_program(GuestProcess& process, const std::string& path) {
  if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), X_OK) != 0)
    throw LoadError{path + ": Permission denied", 126};
  const ElfImage program(path, 127);
  const std::string interpreter_path = program.interpreter();
  const bool is_pie = program.header().e_type == ET_DYN;
  const MappedImage mapped = map_image(process, program, is_pie ? pie_base : 0);

  LoadedProgram loaded;
  loaded.program_entry = mapped.bias + program.header().e_entry;
  loaded.entry = loaded.program_entry;
  loaded.program_headers = program_headers_address(program, mapped.bias);
  loaded.program_header_size = sizeof(Elf32_Phdr);
  loaded.program_header_count = program.header().e_phnum;
  loaded.brk_start = mapped.end;
  if (!interpreter_path.empty()) {
    try {
      const ElfImage interpreter(interpreter_path, 127);
      const MappedImage interpreter_mapped = map_image(process, interpreter, 0);
      loaded.interpreter_base = interpreter_mapped.bias;
      loaded.entry = interpreter_mapped.bias + interpreter.header().e_entry;
    } catch (const LoadError& error) {
      throw LoadError{path + ": cannot run its interpreter: " + error.message, error.status};
    }
  }
  return loaded;
}

}  // namespace syscompat::run32
