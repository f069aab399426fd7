#include "elf_loader.hpp"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

namespace syscompat::run32 {

using translators::GuestMemory;
using translators::ProcessHooks;

namespace {

// Where the kernel puts an i386 PIE when it does not randomize (ELF_ET_DYN_BASE for ia32).
constexpr GuestAddress pie_base = 0x56555000;
// The kernel reads this much of a file to find its format (BINPRM_BUF_SIZE); the rest of its
// buffer is zeros.
constexpr std::size_t binprm_buf_size = 256;
// load_elf_phdrs: the program header table's largest size.
constexpr std::uint32_t most_program_header_bytes = 65536;
// load_elf_binary: a PT_INTERP's largest size (PATH_MAX).
constexpr std::uint32_t most_interpreter_bytes = 4096;
// linux/elf-em.h's EM_486, which the kernel's elf_check_arch_ia32 accepts beside EM_386
// (glibc's elf.h does not name it).
constexpr std::uint16_t em_486 = 6;
constexpr std::uint32_t page_size = GuestProcess::page_size;
constexpr std::uint64_t task_size = GuestProcess::task_size;

constexpr std::uint64_t page_offset(std::uint64_t address) {
  return address & (page_size - 1);
}
constexpr std::uint64_t page_down(std::uint64_t address) {
  return address - page_offset(address);
}
constexpr std::uint64_t page_up(std::uint64_t address) {
  return page_down(address + page_size - 1);
}
// BAD_ADDR: an address the new program cannot have.
constexpr bool bad_address(std::uint64_t address) {
  return address >= task_size;
}

// An open descriptor, closed with its owner, also when the owner's constructor throws.
struct Descriptor {
  int fd = -1;
  Descriptor() = default;
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Whether an ELF file is the main program or the interpreter the program names: the kernel
// checks them at different steps, so a refusal says which.
enum class Role { program, interpreter };

// An open ELF file, its header and program headers checked as load_elf_binary checks them
// before exec's point of no return (a failure is the execve's error: exit status 126, 127 for
// a file that is not there).
class ElfImage {
 public:
  ElfImage(const std::string& path, Role role) : path_(path) {
    // O_NONBLOCK: a FIFO named as an interpreter is refused below, not waited on.
    file_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (file_.fd < 0) {
      const int error = errno;
      refuse(std::strerror(error), error == ENOENT || error == ENOTDIR ? 127 : 126);
    }
    struct stat st {};
    if (::fstat(file_.fd, &st) != 0 || S_ISDIR(st.st_mode)) refuse("Is a directory");
    // open_exec (do_open_execat): a regular file the caller may execute, else EACCES.
    if (!S_ISREG(st.st_mode)) refuse("Permission denied (not a regular file)");
    if (role == Role::interpreter && ::access(path.c_str(), X_OK) != 0) refuse("Permission denied");
    size_ = static_cast<std::uint64_t>(st.st_size);
    unsigned char buffer[binprm_buf_size]{};
    const ssize_t got = ::pread(file_.fd, buffer, sizeof buffer, 0);
    if (got < 0) refuse(std::strerror(errno));
    // The interpreter's header is read whole (elf_read: EIO when short); the program's comes
    // from the zero-filled buffer.
    if (role == Role::interpreter && static_cast<std::size_t>(got) < sizeof header_)
      refuse("truncated ELF header (EIO)");
    std::memcpy(&header_, buffer, sizeof header_);
    // load_elf_binary's order: the magic, e_type (the program's; load_elf_interp checks the
    // interpreter's only after the point of no return, in map_image), elf_check_arch.
    std::string detail;
    const ElfKind kind = kind_of(buffer, static_cast<std::size_t>(got), &detail);
    if (kind == ElfKind::not_elf)
      refuse(role == Role::program ? "cannot execute binary file: not an ELF program"
                                   : "not an ELF file (ELIBBAD)");
    if (kind == ElfKind::truncated || kind == ElfKind::unreadable) refuse("truncated ELF file");
    if (role == Role::program && !executable_type())
      refuse("not an executable ELF file (e_type " + std::to_string(header_.e_type) + ")");
    if (kind == ElfKind::elf64) refuse("an x86_64 ELF program: run it natively");
    if (kind == ElfKind::other_machine)
      refuse("an ELF program for another machine (" + detail + ")");
    load_program_headers();
  }

  // elf_check_arch on the first bytes of a file (the kernel's compat one: EM_386 or EM_486;
  // EI_CLASS and EI_DATA are not looked at, and neither does this).
  static ElfKind kind_of(const unsigned char* bytes, std::size_t length, std::string* detail) {
    if (length < SELFMAG || std::memcmp(bytes, ELFMAG, SELFMAG) != 0) return ElfKind::not_elf;
    if (length < EI_NIDENT + 4) return ElfKind::truncated;
    std::uint16_t machine;
    std::memcpy(&machine, bytes + EI_NIDENT + 2, sizeof machine);  // e_machine follows e_type
    if (machine == EM_386 || machine == em_486) return ElfKind::i386;
    if (machine == EM_X86_64) return ElfKind::elf64;
    if (detail) *detail = "e_machine " + std::to_string(machine);
    return ElfKind::other_machine;
  }

  // Whether the file page holding this offset has file behind it (a mapped page past the
  // end of the file is SIGBUS to whoever touches it, the shim included).
  bool backed(std::uint64_t offset) const { return page_down(offset) < page_up(size_); }

  const Elf32_Ehdr& header() const { return header_; }
  const std::vector<Elf32_Phdr>& program_headers() const { return program_headers_; }
  int fd() const { return file_.fd; }
  bool executable_type() const { return header_.e_type == ET_EXEC || header_.e_type == ET_DYN; }

  // load_elf_binary's PT_INTERP: the first one counts; 2 to PATH_MAX bytes ending in a NUL
  // (else ENOEXEC); the name is what comes before the first NUL (an empty one: load_program).
  // No PT_INTERP: nullopt.
  std::optional<std::string> interpreter() const {
    for (const auto& ph : program_headers_) {
      if (ph.p_type != PT_INTERP) continue;
      if (ph.p_filesz < 2 || ph.p_filesz > most_interpreter_bytes)
        refuse("bad PT_INTERP size " + std::to_string(ph.p_filesz) + " (ENOEXEC)");
      std::string path(ph.p_filesz, '\0');
      read_exact(path.data(), ph.p_filesz, ph.p_offset);
      if (path.back() != '\0') refuse("PT_INTERP not NUL-terminated (ENOEXEC)");
      path.resize(std::strlen(path.c_str()));
      return path;
    }
    return std::nullopt;
  }

  [[noreturn]] void refuse(const std::string& why, int status = 126) const {
    throw LoadError{escaped(path_) + ": " + why, status};
  }
  // A refusal past the point of no return: the kernel kills the new program with SIGSEGV.
  [[noreturn]] void kill(const std::string& why) const {
    throw LoadError{escaped(path_) + ": " + why + " (the kernel kills the program: SIGSEGV)", 126,
                    SIGSEGV};
  }

  // The checks load_elf_binary (and load_elf_interp) makes of each PT_LOAD once it is mapped,
  // made here before anything is: the segment inside TASK_SIZE and its file part inside its
  // memory part; elf_map's file offset congruent with the address modulo the page (vm_mmap's
  // EINVAL) and not before the start of the file. A file part past the end of the file is
  // mapped, as natively: the program dies of SIGBUS if it touches a page past the end.
  void check_segments() const {
    bool loadable = false;
    for (const auto& ph : program_headers_) {
      if (ph.p_type != PT_LOAD) continue;
      loadable = true;
      const std::string which = "PT_LOAD at " + hex(ph.p_vaddr) + " of " + hex(ph.p_memsz);
      if (bad_address(ph.p_vaddr) || ph.p_memsz > task_size || task_size - ph.p_memsz < ph.p_vaddr)
        kill(which + " bytes reaches past TASK_SIZE");
      if (ph.p_filesz > ph.p_memsz)
        kill(which + " bytes has more file bytes (" + hex(ph.p_filesz) + ") than memory");
      if (ph.p_filesz == 0) continue;
      if (page_offset(ph.p_offset) != page_offset(ph.p_vaddr) ||
          ph.p_offset < page_offset(ph.p_vaddr))
        kill(which + ": file offset " + hex(ph.p_offset) + " not congruent with it (elf_map)");
    }
    // total_mapping_size: 0 without PT_LOAD, and load_elf_binary's EINVAL.
    if (!loadable) kill("no PT_LOAD segment");
  }

 private:
  static std::string hex(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "%#x", value);
    return text;
  }

  // load_elf_phdrs: entries of exactly sizeof(Elf32_Phdr), a table of 1 to 64 KiB, read whole.
  void load_program_headers() {
    const std::uint32_t bytes = std::uint32_t{header_.e_phnum} * sizeof(Elf32_Phdr);
    // The header's missing bytes are zeros to the kernel too: e_phentsize 0, ENOEXEC.
    if (size_ < sizeof header_) refuse("truncated ELF file (ENOEXEC)");
    if (header_.e_phentsize != sizeof(Elf32_Phdr) || bytes == 0 ||
        bytes > most_program_header_bytes)
      refuse("bad ELF program header table (ENOEXEC)");
    program_headers_.resize(header_.e_phnum);
    read_exact(program_headers_.data(), bytes, header_.e_phoff);
  }

  // elf_read: EIO when short.
  void read_exact(void* to, std::size_t length, std::uint64_t offset) const {
    if (::pread(file_.fd, to, length, static_cast<off_t>(offset)) != static_cast<ssize_t>(length))
      refuse("truncated ELF file");
  }

  std::string path_;
  Descriptor file_;
  std::uint64_t size_ = 0;
  Elf32_Ehdr header_{};
  std::vector<Elf32_Phdr> program_headers_;
};

// make_prot, and do_mmap's READ_IMPLIES_EXEC: a readable segment is executable too.
int protection_of(const Elf32_Phdr& ph, bool read_implies_exec) {
  const int protection = (ph.p_flags & PF_R ? PROT_READ : 0) |
                         (ph.p_flags & PF_W ? PROT_WRITE : 0) | (ph.p_flags & PF_X ? PROT_EXEC : 0);
  return protection | (read_implies_exec && (protection & PROT_READ) ? PROT_EXEC : 0);
}

// load_elf_binary's PT_GNU_STACK (the last one counts): none leaves the stack's
// executability to the personality (EXSTACK_DEFAULT), and for an i386 program that sets
// READ_IMPLIES_EXEC (elf_read_implies_exec).
enum class StackFlags { by_default, executable, not_executable };
StackFlags stack_flags(const std::vector<Elf32_Phdr>& program_headers) {
  StackFlags flags = StackFlags::by_default;
  for (const auto& ph : program_headers)
    if (ph.p_type == PT_GNU_STACK)
      flags = ph.p_flags & PF_X ? StackFlags::executable : StackFlags::not_executable;
  return flags;
}

struct MappedImage {
  GuestAddress bias = 0;
  GuestAddress end = 0;  // page after the last segment's memory
};

std::int32_t map_checked(ProcessHooks& process, const ElfImage& image,
                         const translators::MapRequest& request) {
  const std::int32_t result = process.map(request);
  if (result < 0 && result > -4096)
    image.kill(std::string("cannot map a segment: ") + std::strerror(-result));
  return result;
}

// load_elf_binary's segment loop (elf_load, elf_map, padzero), past the point of no return:
// the whole span reserved first (total_mapping_size; at the fixed addresses of an ET_EXEC,
// where the kernel chooses for an ET_DYN), then each PT_LOAD over it, the bss zeroed to the
// end of its page and mapped anonymous after. The segments were checked (check_segments), so
// every address below is inside [0, TASK_SIZE) and inside the reservation.
MappedImage map_image(ProcessHooks& process, GuestMemory& memory, const ElfImage& image,
                      GuestAddress fixed_base, bool read_implies_exec) {
  // load_elf_interp checks the interpreter's e_type here.
  if (!image.executable_type()) image.kill("not an executable ELF file");
  image.check_segments();
  std::uint64_t low = task_size, high = 0;
  for (const auto& ph : image.program_headers()) {
    if (ph.p_type != PT_LOAD) continue;
    low = std::min(low, page_down(ph.p_vaddr));
    high = std::max(high, page_up(std::uint64_t{ph.p_vaddr} + ph.p_memsz));
  }
  if (high <= low) image.kill("no memory in its PT_LOAD segments (total_mapping_size)");
  const auto span = static_cast<std::uint32_t>(high - low);
  // An ET_EXEC at its addresses; a PIE with an interpreter at ELF_ET_DYN_BASE, and nowhere
  // else (MAP_FIXED_NOREPLACE); an ET_DYN without one (a static PIE, an interpreter) where
  // the kernel's mmap chooses.
  const bool fixed = image.header().e_type == ET_EXEC;
  const bool placed = fixed || fixed_base;
  const std::int32_t reserved =
      process.map({fixed ? static_cast<GuestAddress>(low) : fixed_base, span, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | (placed ? MAP_FIXED_NOREPLACE : 0), -1, 0});
  if (reserved < 0 && reserved > -4096)
    image.kill(std::string("cannot map the program: ") + std::strerror(-reserved));
  MappedImage mapped;
  mapped.bias = fixed ? 0 : static_cast<GuestAddress>(reserved - low);
  mapped.end = static_cast<GuestAddress>(mapped.bias + high);

  for (const auto& ph : image.program_headers()) {
    if (ph.p_type != PT_LOAD) continue;
    // Inside the reservation, so below TASK_SIZE: the bias wraps as the kernel's 32-bit one.
    const std::uint64_t start = static_cast<GuestAddress>(mapped.bias + ph.p_vaddr);
    const std::uint64_t page = page_down(start);
    const std::uint64_t file_end = start + ph.p_filesz, memory_end = start + ph.p_memsz;
    const int protection = protection_of(ph, read_implies_exec);
    // elf_load's padzero: the rest of the file's last page zeroed when memory continues after
    // it, in a writable segment only (the kernel's clear_user fails on a read-only one, and
    // the failure is ignored there).
    const bool zero_tail =
        ph.p_memsz > ph.p_filesz && page_offset(file_end) && (protection & PROT_WRITE);
    if (ph.p_filesz) {
      map_checked(
          process, image,
          {static_cast<GuestAddress>(page), static_cast<std::uint32_t>(page_up(file_end) - page),
           protection, MAP_PRIVATE | MAP_FIXED, image.fd(), ph.p_offset - page_offset(ph.p_vaddr)});
      // padzero's clear_user faults on a page past the end of the file: EFAULT for a
      // writable segment, past the point of no return.
      if (zero_tail && !image.backed(std::uint64_t{ph.p_offset} + ph.p_filesz))
        image.kill("its bss starts in a page past the end of the file (padzero)");
      if (zero_tail)
        std::memset(memory.host(static_cast<GuestAddress>(file_end)), 0,
                    page_up(file_end) - file_end);
    }
    // The rest is vm_brk_flags's: readable and writable whatever the segment's flags
    // (VM_DATA_DEFAULT_FLAGS), executable when the segment or the personality says so.
    const std::uint64_t anonymous_start = ph.p_filesz ? page_up(file_end) : page;
    if (page_up(memory_end) > anonymous_start)
      map_checked(
          process, image,
          {static_cast<GuestAddress>(anonymous_start),
           static_cast<std::uint32_t>(page_up(memory_end) - anonymous_start),
           PROT_READ | PROT_WRITE | (protection & PROT_EXEC || read_implies_exec ? PROT_EXEC : 0),
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0});
  }
  return mapped;
}

// load_elf_binary's AT_PHDR: e_phoff in the first PT_LOAD whose file part holds it, else 0
// (plus the load bias either way).
GuestAddress program_headers_address(const ElfImage& image, GuestAddress bias) {
  const auto phoff = image.header().e_phoff;
  for (const auto& ph : image.program_headers())
    if (ph.p_type == PT_LOAD && ph.p_offset <= phoff &&
        phoff < std::uint64_t{ph.p_offset} + ph.p_filesz)
      return bias + ph.p_vaddr + (phoff - ph.p_offset);
  return bias;
}

}  // namespace

std::string escaped(std::string_view bytes) {
  std::string text;
  for (const unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      text += static_cast<char>(c);
    } else {
      char code[5];
      std::snprintf(code, sizeof code, "\\x%02x", c);
      text += code;
    }
  }
  return text;
}

ElfKind classify_elf(const std::string& path, std::string* detail) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (detail) *detail = std::strerror(errno);
    return ElfKind::unreadable;
  }
  unsigned char bytes[EI_NIDENT + 4];
  const ssize_t got = ::pread(fd, bytes, sizeof bytes, 0);
  const int error = errno;
  ::close(fd);
  if (got < 0) {
    if (detail) *detail = std::strerror(error);
    return ElfKind::unreadable;
  }
  return ElfImage::kind_of(bytes, static_cast<std::size_t>(got), detail);
}

LoadedProgram load_program(ProcessHooks& process, GuestMemory& memory, const std::string& path) {
  if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), X_OK) != 0)
    throw LoadError{escaped(path) + ": Permission denied", 126};
  const ElfImage program(path, Role::program);
  const std::optional<std::string> interpreter_path = program.interpreter();
  std::optional<ElfImage> interpreter;
  if (interpreter_path) {
    // open_exec of "" opens the current directory (kernel 6.18): EACCES, as any directory.
    if (interpreter_path->empty())
      throw LoadError{escaped(path) + ": cannot run its interpreter: empty PT_INTERP path (EACCES)",
                      126};
    try {
      interpreter.emplace(*interpreter_path, Role::interpreter);
    } catch (const LoadError& error) {
      throw LoadError{escaped(path) + ": cannot run its interpreter: " + error.message,
                      error.status};
    }
  }
  // The point of no return: from here a refusal kills the program.
  const bool is_pie = program.header().e_type == ET_DYN;
  const StackFlags stack = stack_flags(program.program_headers());
  const bool read_implies_exec = stack == StackFlags::by_default;
  const MappedImage mapped =
      map_image(process, memory, program, is_pie && interpreter ? pie_base : 0, read_implies_exec);

  // load_elf_binary: an entry point past TASK_SIZE is EINVAL, past the point of no return.
  const std::uint64_t program_entry = std::uint64_t{mapped.bias} + program.header().e_entry;
  if (!interpreter && bad_address(program_entry)) program.kill("entry point past TASK_SIZE");
  LoadedProgram loaded;
  loaded.program_entry = static_cast<GuestAddress>(program_entry);
  loaded.entry = loaded.program_entry;
  loaded.program_headers = program_headers_address(program, mapped.bias);
  loaded.program_header_size = sizeof(Elf32_Phdr);
  loaded.program_header_count = program.header().e_phnum;
  loaded.brk_start = mapped.end;
  loaded.read_implies_exec = read_implies_exec;
  loaded.executable_stack = stack != StackFlags::not_executable;
  if (interpreter) {
    try {
      const MappedImage interpreter_mapped =
          map_image(process, memory, *interpreter, 0, read_implies_exec);
      loaded.interpreter_base = interpreter_mapped.bias;
      const std::uint64_t entry =
          std::uint64_t{interpreter_mapped.bias} + interpreter->header().e_entry;
      if (bad_address(entry)) interpreter->kill("entry point past TASK_SIZE");
      loaded.entry = static_cast<GuestAddress>(entry);
    } catch (const LoadError& error) {
      throw LoadError{escaped(path) + ": cannot run its interpreter: " + error.message,
                      error.status, error.signal};
    }
  }
  return loaded;
}

}  // namespace syscompat::run32
