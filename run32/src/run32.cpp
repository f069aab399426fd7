#include "syscompat/run32/run32.hpp"

#include <cpuid.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "elf_loader.hpp"
#include "guest_process.hpp"
#include "guest_seccomp.hpp"
#include "guest_trace.hpp"
#include "syscall_capture.hpp"

namespace syscompat::run32 {

namespace {

// The guest's stack when RLIMIT_STACK is unlimited (or past it): natively the stack then
// grows until it meets a mapping; the shim maps it whole, so it takes a size.
constexpr std::uint64_t largest_guest_stack = std::uint64_t{256} << 20;
constexpr int first_shim_descriptor = 1000;  // out of the way of the guest's numbering

// The i386 process's first stack, as the kernel's create_elf_tables: strings at the top,
// then argc, argv, envp and the auxiliary vector, esp 16-byte aligned at argc.
class InitialStack {
 public:
  InitialStack(translators::GuestMemory& memory, GuestAddress top) : memory_(memory), sp_(top) {}

  GuestAddress push_bytes(const void* bytes, std::size_t length) {
    sp_ -= static_cast<GuestAddress>(length);
    std::memcpy(memory_.host(sp_), bytes, length);
    return sp_;
  }
  GuestAddress push_string(const std::string& text) {
    return push_bytes(text.c_str(), text.size() + 1);
  }

  // Writes the words (argc ... AT_NULL) below the strings; answers the guest's esp.
  GuestAddress finish(const std::vector<std::uint32_t>& words) {
    sp_ = (sp_ - static_cast<GuestAddress>(words.size() * 4)) & ~15u;
    std::memcpy(memory_.host(sp_), words.data(), words.size() * 4);
    return sp_;
  }

 private:
  translators::GuestMemory& memory_;
  GuestAddress sp_;
};

// What the kernel puts in an i386 process's AT_HWCAP: CPUID leaf 1's edx.
std::uint32_t i386_hwcap() {
  unsigned eax, ebx, ecx, edx;
  return __get_cpuid(1, &eax, &ebx, &ecx, &edx) ? edx : 0;
}

// The stack's size: RLIMIT_STACK, which natively bounds how far the stack may grow
// (acct_stack_growth), and which this process has inherited as the program would have.
std::uint32_t guest_stack_size() {
  rlimit limit{};
  std::uint64_t size = ::getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
                           ? limit.rlim_cur
                           : largest_guest_stack;
  size = std::clamp<std::uint64_t>(size, 128 << 10, largest_guest_stack);
  return static_cast<std::uint32_t>(size & ~std::uint64_t{GuestProcess::page_size - 1});
}

// The vDSO where the kernel maps an i386 process's (map_vdso: where its mmap places it, below
// TASK_SIZE), readable and executable: the guest may read it and hand pointers into it to
// syscalls, as natively.
struct MappedVdso {
  GuestAddress base, sysinfo_entry;
};
MappedVdso map_vdso(GuestProcess& process, const std::string& program) {
  constexpr std::uint32_t size = GuestProcess::page_size;  // the image is one page
  const std::int32_t at =
      process.map({0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0});
  if (at < 0 && at > -4096)
    throw LoadError{escaped(program) + ": cannot map the vDSO: " + std::strerror(-at), 126};
  const auto address = static_cast<GuestAddress>(at);
  const GuestAddress entry =
      write_vdso(static_cast<std::uint8_t*>(process.memory().host(address)), address);
  process.protect(address, size, PROT_READ | PROT_EXEC);
  return {address, entry};
}

GuestAddress build_stack(GuestProcess& process, const LoadedProgram& program,
                         const Options& options, GuestAddress vdso, GuestAddress sysinfo_entry) {
  const GuestAddress top = GuestProcess::task_size;
  const std::uint32_t stack_size = guest_stack_size();
  const std::int32_t stack =
      process.map({top - stack_size, stack_size,
                   PROT_READ | PROT_WRITE | (program.executable_stack ? PROT_EXEC : 0),
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0});
  if (stack < 0 && stack > -4096)
    throw LoadError{escaped(options.program) + ": cannot map the stack: " + std::strerror(-stack),
                    126};
  InitialStack builder(process.memory(), top);
  const GuestAddress execfn = builder.push_string(options.program);
  std::vector<GuestAddress> argv{
      builder.push_string(options.argv0.empty() ? options.program : options.argv0)};
  for (const auto& argument : options.arguments) argv.push_back(builder.push_string(argument));
  std::vector<GuestAddress> envp;
  for (char** variable = environ; *variable; ++variable)
    envp.push_back(builder.push_string(*variable));
  const GuestAddress platform = builder.push_string("i686");
  std::uint8_t random_bytes[16];
  if (::getrandom(random_bytes, sizeof random_bytes, 0) != sizeof random_bytes)
    std::memset(random_bytes, 0x5a, sizeof random_bytes);
  const GuestAddress random = builder.push_bytes(random_bytes, sizeof random_bytes);

  std::vector<std::uint32_t> words{static_cast<std::uint32_t>(argv.size())};
  words.insert(words.end(), argv.begin(), argv.end());
  words.push_back(0);
  words.insert(words.end(), envp.begin(), envp.end());
  words.push_back(0);
  const std::pair<std::uint32_t, std::uint32_t> auxv[] = {
      {AT_SYSINFO_EHDR, vdso},  // glibc reads AT_SYSINFO only when there is a vDSO
      {AT_SYSINFO, sysinfo_entry},
      {AT_HWCAP, i386_hwcap()},
      // The kernel's own values, the same for an i386 process as for this one.
      {AT_HWCAP2, static_cast<std::uint32_t>(::getauxval(AT_HWCAP2))},
      {AT_MINSIGSTKSZ, static_cast<std::uint32_t>(::getauxval(AT_MINSIGSTKSZ))},
      {AT_PAGESZ, GuestProcess::page_size},
      {AT_CLKTCK, static_cast<std::uint32_t>(::sysconf(_SC_CLK_TCK))},
      {AT_PHDR, program.program_headers},
      {AT_PHENT, program.program_header_size},
      {AT_PHNUM, program.program_header_count},
      {AT_BASE, program.interpreter_base},
      {AT_FLAGS, 0},
      {AT_ENTRY, program.program_entry},
      {AT_UID, ::getuid()},
      {AT_EUID, ::geteuid()},
      {AT_GID, ::getgid()},
      {AT_EGID, ::getegid()},
      {AT_SECURE, 0},
      {AT_RANDOM, random},
      {AT_EXECFN, execfn},
      {AT_PLATFORM, platform},
      {AT_NULL, 0},
  };
  for (const auto& [type, value] : auxv) words.insert(words.end(), {type, value});
  return builder.finish(words);
}

// The trace's descriptor, above the guest's numbering and closed on exec.
int open_trace(const Options& options) {
  if (!options.trace && options.trace_fd < 0) return -1;
  int fd = options.trace_fd;
  if (fd < 0) {
    fd = options.trace_path.empty()
             ? ::dup(2)
             : ::open(options.trace_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw LoadError{options.trace_path + ": " + std::strerror(errno), 126};
  }
  const int high = ::fcntl(fd, F_DUPFD_CLOEXEC, first_shim_descriptor);
  if (high >= 0 && high != fd) ::close(fd);
  return high >= 0 ? high : fd;
}

// How the kernel ends a program whose exec failed past the point of no return.
[[noreturn]] void die_by(int signal) {
  std::fflush(stderr);
  ::signal(signal, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(signal);
  std::_Exit(128 + signal);
}

// /proc/self/comm: the kernel's exec names the task after its file (__set_task_comm with
// kbasename(bprm->filename)), 15 bytes at most.
void name_task(const std::string& program) {
  const auto slash = program.rfind('/');
  ::prctl(PR_SET_NAME, program.substr(slash == std::string::npos ? 0 : slash + 1).c_str());
}

// The address the translators hand the kernel for a guest pointer the guest may not use
// (translators::poisoned_pointer): reserved here, inaccessible, so that nothing
// of the shim's is ever mapped there and the kernel faults exactly where it touches it.
void reserve_poisoned_range() {
  constexpr std::uint64_t length = (std::uint64_t{1} << 32) + GuestProcess::page_size;
  ::mmap(reinterpret_cast<void*>(translators::poisoned_pointer), length, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
}

}  // namespace

int run(const Options& given) {
  Options options = given;
  if (options.argv0.empty()) options.argv0 = given.program;
  try {
    TraceSettings trace;
    trace.options.string_limit = options.trace_string_limit;
    trace.filter_text = options.trace_filter;
    if (!options.trace_filter.empty()) {
      std::string error;
      auto filter = abi::parse_trace_filter(abi::Abi::i386, options.trace_filter, error);
      if (!filter) throw LoadError{error, 2};
      trace.filter = std::move(*filter);
    }
    auto process = std::make_unique<GuestProcess>();
    set_guest_process(process.get());
    const LoadedProgram program = load_program(*process, process->memory(), options.program);
    // The guest's mmap and mprotect go through this process's kernel calls: its personality
    // makes a readable mapping executable for the guest as the kernel would.
    if (program.read_implies_exec) ::personality(::personality(0xffffffff) | READ_IMPLIES_EXEC);
    trace.fd = open_trace(options);
    trace.shared_fd = options.trace_shared_fd;
    process->set_brk_start(program.brk_start);
    char resolved[PATH_MAX];
    process->set_program_path(::realpath(options.program.c_str(), resolved) ? resolved
                                                                            : options.program);
    if (!options.shim_program.empty()) process->set_shim_program(options.shim_program);
    reserve_past_task_size();
    const MappedVdso vdso = map_vdso(*process, options.program);
    reserve_poisoned_range();
    name_task(options.program);
    GuestRegisters registers{};
    registers.esp = build_stack(*process, program, options, vdso.base, vdso.sysinfo_entry);
    registers.eip = program.entry;
    registers.eflags = 0x202;  // IF, and the reserved bit 1
    start_trace(std::move(trace));
    start_capturing_syscalls(*process.release());
    if (options.seccomp_fd >= 0 && !adopt_seccomp_from(options.seccomp_fd))
      throw LoadError{"the seccomp filters passed over execve cannot be read", 126};
    run32_resume(&registers);
  } catch (const LoadError& error) {
    std::fprintf(stderr, "syscompat run32: %s\n", error.message.c_str());
    if (error.signal) die_by(error.signal);
    return error.status;
  }
}

}  // namespace syscompat::run32
