#include "syscompat/abi/trace_decode.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <map>
#include <mutex>
#include <vector>

#include "syscompat/abi/constants.hpp"
#include "syscompat/abi/ioctls.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "trace_show.hpp"

namespace syscompat::abi {

namespace trace_detail {

std::string hex(std::uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "%#llx", static_cast<unsigned long long>(value));
  return text;
}

std::string show_pointer(std::uint64_t value) {
  return value ? hex(value) : "NULL";
}

std::string show_octal(std::uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "%#llo", static_cast<unsigned long long>(value));
  return text;
}

std::string show_file_mode(Abi abi, std::uint64_t mode) {
  const auto mask = static_cast<std::uint64_t>(
      constant_value(named_row(vocab::field_masks.rows, "S_IFMT"), abi).value_or(0));
  std::string text;
  for (const auto& row : vocab::file_types.rows)
    if (constant_value(row, abi) == static_cast<std::int64_t>(mode & mask)) text = row.name;
  if (text.empty()) return show_octal(mode);
  char permissions[24];  // '|', up to 22 octal digits of a 64-bit value, NUL
  std::snprintf(permissions, sizeof permissions, "|%04llo",
                static_cast<unsigned long long>(mode & ~mask));
  return text + permissions;
}

std::string show_sigset_bytes(Abi abi, const unsigned char* bytes, std::size_t size) {
  const std::size_t signals = size * 8;
  const auto set = [&](std::size_t signal) {  // signal n is bit n-1
    return (bytes[(signal - 1) / 8] >> ((signal - 1) % 8)) & 1;
  };
  std::size_t count = 0;
  for (std::size_t s = 1; s <= signals; ++s) count += set(s);
  const bool complement = count > signals / 2;
  std::string text = complement ? "~[" : "[";
  bool first = true;
  for (std::size_t s = 1; s <= signals; ++s) {
    if (static_cast<bool>(set(s)) == complement) continue;
    std::string name = show_signal(abi, static_cast<std::int64_t>(s));
    if (name.starts_with("SIG")) name.erase(0, 3);
    text += (first ? "" : " ") + name;
    first = false;
  }
  return text + "]";
}

bool names(std::string_view list, std::string_view word) {
  if (list == "*") return true;
  for (std::size_t at = 0; at <= list.size();) {
    std::size_t end = list.find(' ', at);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace trace_detail

namespace {

using namespace trace_detail;

// How an argument is shown beyond its type.
enum class Style : std::uint8_t {
  plain,           // by its type
  name,            // `main`, a values vocabulary
  bits,            // `main`, a flags vocabulary
  split,           // `part` names value & mask, `main` (flags) the rest: O_RDONLY|O_CLOEXEC
  signal,          // a signal number
  dirfd,           // AT_FDCWD or a descriptor
  vector_count,    // a NULL-terminated array by its address and length: 0xffd3c0dc /* 40 vars */
  octal,           // a mode
  offset,          // a file offset in bytes, in hex (mmap's)
  pages,           // mmap2's offset in 4096-byte pages, shown in bytes as strace does
  hex,             // in hex (an ioctl's argument, rseq's length and signature)
  sigset,          // a signal set, by the signals' names: [INT ALRM], ~[RTMIN] when most are set
  open_mode,       // open's mode: shown only with O_CREAT or O_TMPFILE, as strace does
  clone,           // clone's flags: the bits, and the exit signal in the low byte
  futex_op,        // FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME
  fcntl_arg,       // by the command: F_SETFD's FD_CLOEXEC, F_SETFL's O_* flags; none for F_GET*
  sockopt,         // SOL_SOCKET's option names
  ioctl,           // the request's name on this ABI
  sockaddr,        // a socket address in a char buffer, by its family
  wait_status,     // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
  address,         // a struct strace shows as its address (nanosleep's remainder)
  pollfds,         // poll's array: events before the call, revents after it
  omitted,         // not shown (the high half of _llseek's offset, shown with the low one)
  llseek_offset,   // _llseek's offset_high:offset_low as one number
  hex_bytes,       // a buffer of random bytes, every one as \x escape (strace's getrandom)
  out_string,      // a string the kernel wrote, NUL included in the result (getcwd)
  mremap_address,  // mremap's new address: only with MREMAP_FIXED
  struct_before,   // a struct the kernel reads and writes, shown as it read it (before the call)
  prctl_arg,       // by prctl's option: left out, a task's name, or by its type
  dirents,         // getdents' buffer: its address and how many entries the kernel wrote
  futex_arg,       // by futex's operation: left out where the operation takes none
  ip_protocol,     // socket's protocol: by name for AF_INET and AF_INET6
  cpu_set,         // a CPU mask, as the CPUs in it: [0 1]
  decimal,         // in decimal, whatever the argument's name says (signalfd's sizemask)
  result_count,    // integers the kernel wrote, as many as the result says (getgroups)
  sockopt_value,   // a socket option's value: an int as [1], other sizes as bytes
  ipc_key,         // IPC_PRIVATE, another key in hex
  ipc_flags,       // IPC_CREAT|IPC_EXCL|0600: `main`'s flags (and `part`'s), then the mode
  ipc_command,     // IPC_64|IPC_STAT: the layouts' version, then ipc_commands' or `main`'s
  semctl_arg,      // by semctl's command: the struct it reads or writes, else the value
};

struct Show {
  Style style = Style::plain;
  const Vocabulary* main = nullptr;
  const Vocabulary* part = nullptr;
  const ConstantRow* mask = nullptr;     // the part's mask (field_masks)
  const StructLayout* layout = nullptr;  // a described struct the argument points to
};

constexpr Show name(const Vocabulary& v) {
  return {Style::name, &v};
}
constexpr Show bits(const Vocabulary& v) {
  return {Style::bits, &v};
}
consteval Show split(const Vocabulary& part, std::string_view mask, const Vocabulary& rest) {
  return {Style::split, &rest, &part, &named_row(vocab::field_masks.rows, mask)};
}
constexpr Show style(Style s) {
  return {s};
}

// One row per rule: the calls (space-separated; "*" any) and the argument's name in their
// signatures (syscall_table.hpp).
struct ShowRow {
  std::string_view calls;
  std::string_view arg;
  Show show;
};

using namespace vocab;

// clang-format off
// SOCK_TYPE_MASK is the kernel's own (include/linux/net.h), not in any UAPI header.
constexpr ConstantRow sock_type_mask{"SOCK_TYPE_MASK", 0xf};
constexpr Show socket_type{Style::split, &socket_type_flags, &socket_types, &sock_type_mask};
const ShowRow show_rows[] = {
    {"*", "dfd", style(Style::dirfd)},
    {"*", "olddfd", style(Style::dirfd)},
    {"*", "newdfd", style(Style::dirfd)},
    {"move_mount", "from_dfd", style(Style::dirfd)},
    {"move_mount", "to_dfd", style(Style::dirfd)},
    {"execveat", "fd", style(Style::dirfd)},  // the kernel's name for its dfd
    {"execve execveat", "envp", style(Style::vector_count)},  // strace without -v (printargc)
    {"open openat", "flags", split(open_access, "O_ACCMODE", open_flags)},
    {"open openat", "mode", style(Style::open_mode)},
    {"access faccessat faccessat2", "mode", bits(access_modes)},
    {"statx", "flags", split(statx_sync, "AT_STATX_SYNC_TYPE", at_flags)},
    {"statx", "mask", bits(statx_mask)},
    {"fstatat64 newfstatat unlinkat fchownat name_to_handle_at", "flag", bits(at_flags)},
    {"utimensat linkat faccessat2 execveat open_tree", "flags", bits(at_flags)},
    {"dup3 pipe2 inotify_init1 epoll_create1", "flags", bits(open_flags)},
    {"getrandom", "flags", bits(getrandom_flags)},
    {"flock", "cmd", bits(flock_ops)},
    {"inotify_add_watch", "mask", bits(inotify_mask)},
    {"ioctl", "arg", style(Style::hex)},
    {"rseq", "rseq_len", style(Style::hex)},
    {"rseq", "sig", style(Style::hex)},
    {"rt_sigprocmask", "nset", style(Style::sigset)},
    {"rt_sigprocmask", "oset", style(Style::sigset)},
    {"rt_sigsuspend", "unewset", style(Style::sigset)},
    {"rt_sigpending", "uset", style(Style::sigset)},
    {"rt_sigtimedwait rt_sigtimedwait_time64", "uthese", style(Style::sigset)},
    {"signalfd signalfd4", "user_mask", style(Style::sigset)},
    {"ppoll ppoll_time64 epoll_pwait epoll_pwait2", "sigmask", style(Style::sigset)},
    {"getrlimit ugetrlimit setrlimit prlimit64", "resource", name(rlimit_resources)},
    {"mmap", "off", style(Style::offset)},
    {"mmap2", "pgoff", style(Style::pages)},
    {"fcntl fcntl64", "cmd", name(fcntl_commands)},
    {"fcntl fcntl64", "arg", style(Style::fcntl_arg)},
    {"lseek _llseek", "whence", name(seek_whence)},
    {"epoll_ctl", "op", name(epoll_ctl_ops)},
    {"mmap mmap2 mprotect pkey_mprotect remap_file_pages", "prot", bits(mmap_prot)},
    {"mmap mmap2", "flags", split(mmap_type, "MAP_TYPE", mmap_flags)},
    {"madvise process_madvise", "behavior", name(madvise_advice)},
    {"clone", "clone_flags", style(Style::clone)},
    {"wait4 waitid", "options", bits(wait_options)},
    {"futex futex_time64", "op", style(Style::futex_op)},
    {"prctl", "option", name(prctl_options)},
    {"clock_gettime clock_gettime64 clock_settime clock_settime64 clock_getres clock_getres_time64 clock_nanosleep clock_nanosleep_time64 clock_adjtime clock_adjtime64 timer_create", "which_clock", name(clock_ids)},
    {"timerfd_create", "clockid", name(clock_ids)},
    {"kill tkill tgkill rt_sigqueueinfo rt_tgsigqueueinfo pidfd_send_signal rt_sigaction sigaction signal", "sig", style(Style::signal)},
    {"rt_sigprocmask sigprocmask", "how", name(sigprocmask_how)},
    {"socket socketpair", "family", name(socket_families)},
    {"socket socketpair", "type", socket_type},
    {"accept4", "flags", bits(socket_type_flags)},
    {"setsockopt getsockopt", "level", name(socket_levels)},
    {"setsockopt getsockopt", "optname", style(Style::sockopt)},
    {"send sendto recv recvfrom sendmsg recvmsg sendmmsg recvmmsg", "flags", bits(msg_flags)},
    {"ioctl", "cmd", style(Style::ioctl)},
    {"connect bind", "uservaddr umyaddr", style(Style::sockaddr)},
    {"sendto recvfrom", "addr", style(Style::sockaddr)},
    {"accept accept4", "upeer_sockaddr", style(Style::sockaddr)},
    {"getsockname getpeername", "usockaddr", style(Style::sockaddr)},
    {"wait4 waitpid", "stat_addr", style(Style::wait_status)},
    {"nanosleep clock_nanosleep clock_nanosleep_time64", "rmtp", style(Style::address)},
    {"poll ppoll ppoll_time64", "ufds", style(Style::pollfds)},
    // Structs strace shows as their address: the robust list and rseq areas (the kernel
    // keeps the pointer).
    {"set_robust_list", "head", style(Style::address)},
    {"rseq", "rseq", style(Style::address)},
    {"futex futex_time64", "val utime uaddr2 val3", style(Style::futex_arg)},
    {"futex futex_time64", "uaddr", style(Style::address)},
    {"set_thread_area", "u_info", style(Style::struct_before)},  // the entry it got: the result
    {"sched_setscheduler", "policy", name(sched_policies)},
    {"prctl", "arg2 arg3 arg4 arg5", style(Style::prctl_arg)},
    {"getpriority setpriority", "which", name(priority_which)},
    {"setitimer getitimer", "which", name(itimer_which)},
    {"getrusage", "who", name(rusage_who)},
    {"waitid", "which", name(wait_id_types)},
    {"shutdown", "how", name(shutdown_how)},
    {"signalfd signalfd4", "sizemask", style(Style::decimal)},
    {"getgroups getgroups32", "grouplist", style(Style::result_count)},
    {"getsockopt setsockopt", "optval", style(Style::sockopt_value)},
    {"io_uring_enter", "flags", bits(io_uring_enter_flags)},
    {"socket", "protocol", style(Style::ip_protocol)},
    {"umask", "mask", style(Style::octal)},
    {"sched_getaffinity sched_setaffinity", "user_mask_ptr", style(Style::cpu_set)},
    {"getdents getdents64", "dirent", style(Style::dirents)},
    {"_llseek", "offset_high", style(Style::omitted)},
    {"_llseek", "offset_low", style(Style::llseek_offset)},
    {"getrandom", "ubuf", style(Style::hex_bytes)},
    {"getcwd", "buf", style(Style::out_string)},
    {"mremap", "flags", bits(mremap_flags)},
    {"mremap", "new_addr", style(Style::mremap_address)},
    {"msync", "flags", bits(msync_flags)},
    {"semget msgget shmget", "key", style(Style::ipc_key)},
    {"semget", "semflg", {Style::ipc_flags, &ipc_get_flags}},
    {"msgget", "msgflg", {Style::ipc_flags, &ipc_get_flags}},
    {"shmget", "shmflg", {Style::ipc_flags, &ipc_get_flags, &shm_get_flags}},
    {"semctl", "cmd", {Style::ipc_command, &sem_commands}},
    {"shmctl", "cmd", {Style::ipc_command, &shm_commands}},
    {"msgctl", "cmd", {Style::ipc_command, &msg_commands}},
    {"semctl", "arg", style(Style::semctl_arg)},
};
// clang-format on

// Each syscall's Show per argument, found once per syscall entry (the rules are matched by
// name here, never per traced call).
const std::vector<Show>& shows_of(const Syscall& call) {
  static std::mutex lock;
  static std::map<const Syscall*, std::vector<Show>> cache;
  const std::lock_guard<std::mutex> guard(lock);
  auto [at, fresh] = cache.try_emplace(&call);
  if (fresh) {
    for (const auto& arg : call.signature.args) {
      Show show;
      for (const auto& row : show_rows)
        if (names(row.arg, arg.name) && names(row.calls, call.name)) {
          show = row.show;
          break;
        }
      if (show.style == Style::plain && arg.form == ArgForm::value &&
          arg.scalar == ArgScalar::umode)
        show = style(Style::octal);
      if (!arg.struct_name.empty()) show.layout = find_struct_layout(call.abi, arg.struct_name);
      at->second.push_back(show);
    }
  }
  return at->second;
}

const ConstantRow* row_of(const Vocabulary& vocabulary, Abi abi, std::int64_t value) {
  for (const auto& row : vocabulary.rows)
    if (constant_value(row, abi) == value) return &row;
  return nullptr;
}

// The low `bytes` of a register value, sign-extended when `is_signed`.
std::int64_t narrow(std::uint64_t value, std::size_t bytes, bool is_signed) {
  if (bytes >= 8) return static_cast<std::int64_t>(value);
  const std::uint64_t mask = (std::uint64_t{1} << (8 * bytes)) - 1;
  value &= mask;
  if (is_signed && (value >> (8 * bytes - 1)) & 1) value |= ~mask;
  return static_cast<std::int64_t>(value);
}

// Reads a NUL-terminated string of at most `limit` bytes; nullopt when nothing can be read.
// `cut` tells whether the string goes on past `limit`.
std::optional<std::string> read_string(const TraceMemory& memory, std::uint64_t address,
                                       std::size_t limit, bool& cut) {
  std::string text;
  cut = false;
  for (;;) {
    char c;
    if (!memory.read(address + text.size(), &c, 1)) {
      if (text.empty()) return std::nullopt;
      return text;
    }
    if (c == '\0') return text;
    if (text.size() == limit) {
      cut = true;
      return text;
    }
    text += c;
  }
}

std::optional<std::string> read_bytes(const TraceMemory& memory, std::uint64_t address,
                                      std::size_t size) {
  std::string bytes(size, '\0');
  if (size && !memory.read(address, bytes.data(), size)) return std::nullopt;
  return bytes;
}

constexpr std::size_t path_limit = 4096;

struct Context {
  Abi abi;
  const Syscall& call;
  const ArgValues& values;
  std::optional<std::int64_t> result;
  const TraceMemory& memory;
  const TraceOptions& options;
  // Bit i: argument i is passed by its address (an ipc sub-call's indirect argument, its
  // multiplexer entry's "*ptr"), shown as strace shows the word there: [0x9].
  std::uint32_t indirect = 0;
};

StructCall struct_call(const Context& c, std::uint64_t* written = nullptr) {
  return {c.abi, c.call.name, c.result, c.memory, c.options, written};
}

bool succeeded(const Context& c) {
  return c.result && *c.result >= 0;
}

std::int64_t value_of(const Context& c, std::string_view arg_name) {
  for (const auto& v : c.values)
    if (v.arg->name == arg_name) return static_cast<std::int64_t>(v.value);
  return 0;
}

// fcntl's record-lock commands: the struct they take (struct flock, or flock64 for the
// 64-bit-offset commands of a 32-bit ABI, as fcntl_getlk64/compat_get_flock64 read it), and
// whether the struct is a query the kernel answers in place (F_GETLK, F_OFD_GETLK: shown
// after the call, with l_pid, as strace shows them).
struct FcntlLock {
  const StructLayout* layout;
  bool query;
};

std::optional<FcntlLock> fcntl_lock(const Context& c) {
  const auto command = value_of(c, "cmd");
  const auto among = [&](std::initializer_list<const ConstantRow*> rows) {
    return std::any_of(rows.begin(), rows.end(), [&](const ConstantRow* row) {
      return constant_value(*row, c.abi) == command;
    });
  };
  const auto& rows = fcntl_commands.rows;
  const bool query = among({&named_row(rows, "F_GETLK"), &named_row(rows, "F_GETLK64"),
                            &named_row(rows, "F_OFD_GETLK")});
  const bool wide = among({&named_row(rows, "F_GETLK64"), &named_row(rows, "F_SETLK64"),
                           &named_row(rows, "F_SETLKW64"), &named_row(rows, "F_OFD_GETLK"),
                           &named_row(rows, "F_OFD_SETLK"), &named_row(rows, "F_OFD_SETLKW")});
  if (!wide && !among({&named_row(rows, "F_GETLK"), &named_row(rows, "F_SETLK"),
                       &named_row(rows, "F_SETLKW")}))
    return std::nullopt;
  const StructLayout* layout = wide ? find_struct_layout(c.abi, "flock64") : nullptr;
  if (!layout || !layout->present) layout = find_struct_layout(c.abi, "flock");
  if (!layout || !layout->present) return std::nullopt;
  return FcntlLock{layout, query};
}

bool is_lock_query(const Context& c) {
  const auto lock = fcntl_lock(c);
  return lock && lock->query;
}

// How many bytes a pointer argument covers: its count (another argument's value, or what
// another argument points to), times one for char buffers.
std::optional<std::size_t> buffer_size(const Context& c, const SyscallArg& arg) {
  switch (arg.count.kind) {
    case ArgCount::Kind::fixed:
      return arg.count.fixed;
    case ArgCount::Kind::argument:
      return static_cast<std::size_t>(value_of(c, c.call.signature.args[arg.count.index].name));
    case ArgCount::Kind::pointee: {
      const std::uint64_t address =
          static_cast<std::uint64_t>(value_of(c, c.call.signature.args[arg.count.index].name));
      std::int32_t size = 0;
      if (!address || !c.memory.read(address, &size, sizeof size) || size < 0) return std::nullopt;
      return static_cast<std::size_t>(size);
    }
    case ArgCount::Kind::one:
      break;
  }
  return std::nullopt;
}

std::string show_split(const Show& show, Abi abi, std::uint64_t value) {
  const auto mask = static_cast<std::uint64_t>(constant_value(*show.mask, abi).value_or(0));
  const std::uint64_t part = value & mask;
  std::string text;
  if (const ConstantRow* row = row_of(*show.part, abi, static_cast<std::int64_t>(part)))
    text = std::string(row->name);
  else
    text = hex(part);
  const std::uint64_t rest = value & ~mask;
  if (rest) text += "|" + show_flags(*show.main, abi, rest);
  return text;
}

// A sigset the kernel reads (before the call) or writes (after it, when it succeeded), as
// strace shows one: the names without "SIG", space-separated; the complement when more
// than half the signals are in it.
std::optional<std::string> show_sigset(const Context& c, const SyscallArg& arg,
                                       std::uint64_t address) {
  if (!address) return std::string("NULL");
  if (arg.dir == ArgDir::out && (!c.result || *c.result < 0)) return hex(address);
  const auto size = buffer_size(c, arg);
  if (!size || *size == 0 || *size > 16) return hex(address);
  unsigned char bytes[16];
  if (!c.memory.read(address, bytes, *size)) return hex(address);
  return show_sigset_bytes(c.abi, bytes, *size);
}

std::string show_futex_op(Abi abi, std::uint64_t value) {
  const auto& private_flag = named_row(futex_op_flags.rows, "FUTEX_PRIVATE_FLAG");
  const auto& realtime = named_row(futex_op_flags.rows, "FUTEX_CLOCK_REALTIME");
  const std::uint64_t private_bit = static_cast<std::uint64_t>(*constant_value(private_flag, abi));
  const std::uint64_t realtime_bit = static_cast<std::uint64_t>(*constant_value(realtime, abi));
  const std::uint64_t op = value & ~(private_bit | realtime_bit);
  std::string text;
  if (const ConstantRow* row = row_of(futex_ops, abi, static_cast<std::int64_t>(op)))
    text = std::string(row->name) + (value & private_bit ? "_PRIVATE" : "");
  else
    text = hex(value & ~realtime_bit);
  if (value & realtime_bit) text += "|FUTEX_CLOCK_REALTIME";
  return text;
}

// TASK_COMM_LEN, the kernel's own (include/linux/sched.h), in no UAPI header: the bytes of
// a task's name, its NUL included.
constexpr std::size_t task_comm_len = 16;

// prctl's arguments past the option, as strace's prctl decoder shows them: none for the
// options that take none, the name for PR_SET_NAME and (after the call) PR_GET_NAME, and by
// their type (nullopt) for the others.
std::optional<std::string> show_prctl_arg(const Context& c, const SyscallArg& arg,
                                          std::uint64_t value) {
  const ConstantRow* row = row_of(prctl_options, c.abi, value_of(c, "option"));
  const std::string_view option = row ? row->name.view() : std::string_view();
  if (names("PR_GET_DUMPABLE PR_GET_KEEPCAPS PR_GET_SECCOMP PR_GET_TIMERSLACK PR_GET_TIMING",
            option))
    return std::string();
  const bool set_name = option == "PR_SET_NAME", get_name = option == "PR_GET_NAME";
  if (!set_name && !get_name) return std::nullopt;
  if (arg.name != "arg2") return std::string();
  if (get_name && !succeeded(c)) return show_pointer(value);
  const std::size_t limit = set_name ? task_comm_len - 1 : task_comm_len;
  bool cut = false;
  const auto text = read_string(c.memory, value, limit, cut);
  return text ? show_bytes(*text, limit, cut) : show_pointer(value);
}

// futex's arguments past the operation, as strace's futex decoder shows them: only those the
// operation takes (FUTEX_WAKE: the count; FUTEX_WAIT: the value and the timeout; the
// requeues: the second count in the timeout's place), the bitset by name; nullopt: by type.
std::optional<std::string> show_futex_arg(const Context& c, const SyscallArg& arg,
                                          std::uint64_t value) {
  const auto flag = [&](const ConstantRow& row) {
    return static_cast<std::uint64_t>(*constant_value(row, c.abi));
  };
  const auto op = static_cast<std::uint64_t>(value_of(c, "op")) &
                  ~(flag(named_row(futex_op_flags.rows, "FUTEX_PRIVATE_FLAG")) |
                    flag(named_row(futex_op_flags.rows, "FUTEX_CLOCK_REALTIME")));
  const ConstantRow* row = row_of(futex_ops, c.abi, static_cast<std::int64_t>(op));
  if (!row) return std::nullopt;
  struct Shape {
    std::string_view ops, args;  // the operations, and the arguments (past op) they take
  };
  static constexpr Shape shapes[] = {
      {"FUTEX_WAIT", "val utime"},
      {"FUTEX_WAIT_BITSET", "val utime val3"},
      {"FUTEX_WAKE FUTEX_FD", "val"},
      {"FUTEX_WAKE_BITSET", "val val3"},
      {"FUTEX_REQUEUE", "val utime uaddr2"},
      {"FUTEX_LOCK_PI FUTEX_LOCK_PI2", "utime"},
      {"FUTEX_UNLOCK_PI FUTEX_TRYLOCK_PI", ""},
      {"FUTEX_WAIT_REQUEUE_PI", "val utime uaddr2"},
  };
  const bool requeues =
      names("FUTEX_REQUEUE FUTEX_CMP_REQUEUE FUTEX_CMP_REQUEUE_PI FUTEX_WAKE_OP", row->name);
  for (const auto& shape : shapes)
    if (names(shape.ops, row->name) && !names(shape.args, arg.name)) return std::string();
  if (arg.name == "uaddr2") return show_pointer(value);
  if (arg.name == "utime" && requeues)  // the second count (val2), in the timeout's place
    return std::to_string(static_cast<std::uint32_t>(value));
  if (arg.name == "val3" && names("FUTEX_WAIT_BITSET FUTEX_WAKE_BITSET", row->name)) {
    const auto bits = static_cast<std::int64_t>(static_cast<std::uint32_t>(value));
    if (const ConstantRow* any = row_of(futex_bitsets, c.abi, bits)) return std::string(any->name);
    return hex(static_cast<std::uint32_t>(value));
  }
  return std::nullopt;
}

// The entries getdents wrote at `address`, by their record lengths (the layout's d_reclen).
std::size_t count_dirents(const Context& c, const StructLayout& layout, std::uint64_t address) {
  const FieldLayout* reclen = nullptr;
  for (const auto& field : layout.fields)
    if (field.name == "d_reclen") reclen = &field;
  if (!reclen || reclen->size != 2) return 0;
  std::size_t count = 0;
  for (std::uint64_t at = 0; at < static_cast<std::uint64_t>(*c.result); ++count) {
    std::uint16_t length = 0;
    if (!c.memory.read(address + at + reclen->offset, &length, sizeof length)) break;
    if (model_layout(c.abi).order == ByteOrder::big)
      length = static_cast<std::uint16_t>(length >> 8 | length << 8);
    if (length == 0) break;
    at += length;
  }
  return count;
}

// Every bit a flags vocabulary names on `abi`.
std::uint64_t known_bits(const Vocabulary& flags, Abi abi) {
  std::uint64_t bits = 0;
  for (const auto& row : flags.rows)
    if (const auto value = constant_value(row, abi)) bits |= static_cast<std::uint64_t>(*value);
  return bits;
}

// semctl's, shmctl's and msgctl's command: IPC_64| when it asks for the 64-bit layouts, then
// the command by ipc_commands or the call's own vocabulary; an unknown one in decimal.
constexpr const ConstantRow& ipc_64 = named_row(ipc_versions.rows, "IPC_64");
std::string show_ipc_command(const Vocabulary& own, Abi abi, std::uint64_t value) {
  const auto version = static_cast<std::uint64_t>(constant_value(ipc_64, abi).value_or(0));
  const auto command = static_cast<std::int64_t>(value & ~version);
  const ConstantRow* row = row_of(ipc_commands, abi, command);
  if (!row) row = row_of(own, abi, command);
  return ((value & version) ? std::string(ipc_64.name) + "|" : std::string()) +
         (row ? std::string(row->name) : std::to_string(command));
}

// semctl's union semun: the semid64_ds the command reads or writes (IPC_STAT, SEM_STAT,
// SEM_STAT_ANY, IPC_SET), else the value (SETVAL's) or an array's address. Through ipc() it
// is passed by its address, and strace shows the word there in brackets ([0x9], [NULL]).
std::string show_semctl_arg(const Context& c, const SyscallArg& arg, std::uint64_t value) {
  static constexpr const ConstantRow* struct_commands[] = {
      &named_row(ipc_commands.rows, "IPC_STAT"), &named_row(ipc_commands.rows, "IPC_SET"),
      &named_row(sem_commands.rows, "SEM_STAT"), &named_row(sem_commands.rows, "SEM_STAT_ANY")};
  std::size_t index = 0;
  while (index < c.values.size() && c.values[index].arg != &arg) ++index;
  const bool indirect = index < 32 && (c.indirect >> index) & 1;
  const std::size_t word_size = arg_scalar_size(ArgScalar::ulong, c.abi);
  std::uint64_t word = value;
  if (indirect) {
    word = 0;
    if (!c.memory.read(value, &word, word_size)) return hex(value);
  }
  const auto version = static_cast<std::uint64_t>(constant_value(ipc_64, c.abi).value_or(0));
  const auto command =
      static_cast<std::int64_t>(static_cast<std::uint64_t>(value_of(c, "cmd")) & ~version);
  for (const ConstantRow* row : struct_commands)
    if (constant_value(*row, c.abi) == command)
      if (const StructLayout* layout = find_struct_layout(c.abi, "semid64_ds"))
        return show_struct(struct_call(c), *layout, word);
  return indirect ? "[" + show_pointer(word) + "]" : show_pointer(word);
}

std::optional<std::string> show_styled(const Context& c, const SyscallArg& arg, const Show& show,
                                       std::uint64_t raw) {
  // a pointer's width for what points (a sigset), the scalar's for a value
  const std::size_t size = arg.form == ArgForm::value ? arg_scalar_size(arg.scalar, c.abi)
                                                      : arg_scalar_size(ArgScalar::ptr, c.abi);
  const std::uint64_t value = static_cast<std::uint64_t>(narrow(raw, size, false));
  const std::int64_t signed_value = narrow(raw, size, true);
  switch (show.style) {
    case Style::plain:
      break;
    case Style::name:
      return show_value(
          *show.main, c.abi,
          arg_scalar_signed(arg.scalar) ? signed_value : static_cast<std::int64_t>(value));
    case Style::bits:
      return show_flags(*show.main, c.abi, value);
    case Style::split:
      return show_split(show, c.abi, value);
    case Style::signal:
      return show_signal(c.abi, signed_value);
    case Style::dirfd:
      return show_value(dirfd_values, c.abi, signed_value);
    case Style::vector_count: {
      if (!value) return std::string("NULL");
      const std::size_t word = arg_scalar_size(ArgScalar::ptr, c.abi);
      std::size_t count = 0;
      for (std::uint64_t element = 1;; ++count) {
        if (!c.memory.read(value + count * word, &element, word)) return hex(value);
        if (!element) break;
      }
      return hex(value) + " /* " + std::to_string(count) + (count == 1 ? " var */" : " vars */");
    }
    case Style::octal:
      return show_octal(value);
    case Style::offset:
    case Style::hex:
      return hex(value);
    case Style::sigset:
      return show_sigset(c, arg, value);
    case Style::pages:
      return hex(value * 4096);
    case Style::open_mode: {
      const auto flags = static_cast<std::uint64_t>(value_of(c, "flags"));
      const auto creat =
          static_cast<std::uint64_t>(*constant_value(named_row(open_flags.rows, "O_CREAT"), c.abi));
      const auto tmpfile = static_cast<std::uint64_t>(
          *constant_value(named_row(open_flags.rows, "O_TMPFILE"), c.abi));
      if ((flags & creat) || (flags & tmpfile) == tmpfile) return show_octal(value);
      return std::string();  // left out
    }
    case Style::clone: {
      std::string text = show_flags(clone_flags, c.abi, value & ~std::uint64_t{0xff});
      if (value & 0xff) text = (text == "0" ? "" : text + "|") + show_signal(c.abi, value & 0xff);
      return text;
    }
    case Style::futex_op:
      return show_futex_op(c.abi, value);
    case Style::fcntl_arg: {
      const auto command = value_of(c, "cmd");
      const auto is = [&](std::initializer_list<const ConstantRow*> rows) {
        return std::any_of(rows.begin(), rows.end(), [&](const ConstantRow* row) {
          return constant_value(*row, c.abi) == command;
        });
      };
      if (is({&named_row(fcntl_commands.rows, "F_GETFD"),
              &named_row(fcntl_commands.rows, "F_GETFL"),
              &named_row(fcntl_commands.rows, "F_GETOWN"),
              &named_row(fcntl_commands.rows, "F_GETSIG"),
              &named_row(fcntl_commands.rows, "F_GETLEASE"),
              &named_row(fcntl_commands.rows, "F_GETPIPE_SZ"),
              &named_row(fcntl_commands.rows, "F_GET_SEALS")}))
        return std::string();  // no argument
      if (is({&named_row(fcntl_commands.rows, "F_SETFD")}))
        return show_flags(fd_flags, c.abi, value);
      if (is({&named_row(fcntl_commands.rows, "F_SETFL")}))
        return show_split(split(open_access, "O_ACCMODE", open_flags), c.abi, value);
      if (is({&named_row(fcntl_commands.rows, "F_DUPFD"),
              &named_row(fcntl_commands.rows, "F_DUPFD_CLOEXEC"),
              &named_row(fcntl_commands.rows, "F_SETOWN"),
              &named_row(fcntl_commands.rows, "F_SETPIPE_SZ")}))
        return std::to_string(signed_value);
      if (is({&named_row(fcntl_commands.rows, "F_SETSIG")}))
        return show_signal(c.abi, signed_value);
      if (const auto lock = fcntl_lock(c)) {
        if (lock->query && !succeeded(c)) return hex(value);
        StructCall call = struct_call(c);
        call.answer = lock->query;
        return show_struct(call, *lock->layout, value);
      }
      return hex(value);
    }
    case Style::sockopt: {
      const auto& sol_socket = named_row(socket_levels.rows, "SOL_SOCKET");
      if (value_of(c, "level") == constant_value(sol_socket, c.abi))
        return show_value(socket_options, c.abi, signed_value);
      return std::to_string(signed_value);
    }
    case Style::ioctl:
      if (const Ioctl* request = find_ioctl(c.abi, static_cast<std::uint32_t>(value)))
        return std::string(request->name);
      return hex(value);
    case Style::ipc_key:
      if (const ConstantRow* row = row_of(ipc_keys, c.abi, signed_value))
        return std::string(row->name);
      return hex(value);
    case Style::ipc_flags: {
      constexpr std::uint64_t mode = 0777;
      const std::uint64_t own = show.part ? value & ~mode & known_bits(*show.part, c.abi) : 0;
      const std::uint64_t common = value & ~mode & ~own;
      std::string text = common ? show_flags(*show.main, c.abi, common) + "|" : "";
      if (own) text += show_flags(*show.part, c.abi, own) + "|";
      char permissions[24];  // strace's %#03o: 0600, 000
      std::snprintf(permissions, sizeof permissions, "%#03llo",
                    static_cast<unsigned long long>(value & mode));
      return text + permissions;
    }
    case Style::ipc_command:
      return show_ipc_command(*show.main, c.abi, value);
    case Style::semctl_arg:
      return show_semctl_arg(c, arg, value);
    case Style::sockaddr: {
      if (!value) return std::string("NULL");
      if (arg.dir != ArgDir::in && !succeeded(c)) return hex(value);
      const auto size = buffer_size(c, arg);
      if (!size) return hex(value);
      return show_sockaddr(struct_call(c), value, *size);
    }
    case Style::wait_status: {
      std::uint32_t status = 0;
      if (!value) return std::string("NULL");
      if (!c.result || *c.result <= 0 || !c.memory.read(value, &status, sizeof status))
        return hex(value);
      return show_wait_status(c.abi, status);
    }
    case Style::address:
      return show_pointer(value);
    case Style::omitted:
      return std::string();
    case Style::mremap_address: {
      const auto fixed = constant_value(named_row(mremap_flags.rows, "MREMAP_FIXED"), c.abi);
      if (!(static_cast<std::uint64_t>(value_of(c, "flags")) &
            static_cast<std::uint64_t>(fixed.value_or(0))))
        return std::string();
      return show_pointer(value);
    }
    case Style::llseek_offset:
      return std::to_string(static_cast<std::int64_t>(
          (static_cast<std::uint64_t>(value_of(c, "offset_high")) << 32) | value));
    case Style::hex_bytes: {
      if (!succeeded(c)) return hex(value);
      const std::size_t shown =
          std::min(static_cast<std::size_t>(*c.result), c.options.string_limit);
      std::string bytes(shown, '\0');
      if (shown && !c.memory.read(value, bytes.data(), shown)) return hex(value);
      std::string text = "\"";
      for (const char ch : bytes) {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(ch));
        text += escape;
      }
      return text + "\"" + (static_cast<std::size_t>(*c.result) > shown ? "..." : "");
    }
    case Style::out_string: {
      if (!succeeded(c)) return hex(value);
      bool cut = false;
      const auto text = read_string(c.memory, value, path_limit, cut);
      return text ? show_bytes(*text, path_limit, cut) : hex(value);
    }
    case Style::prctl_arg:
      return show_prctl_arg(c, arg, value);
    case Style::futex_arg:
      return show_futex_arg(c, arg, value);
    case Style::ip_protocol: {
      const auto family = value_of(c, "family");
      for (const ConstantRow* inet : {&named_row(socket_families.rows, "AF_INET"),
                                      &named_row(socket_families.rows, "AF_INET6")})
        if (constant_value(*inet, c.abi) == family)
          return show_value(ip_protocols, c.abi, signed_value);
      return std::to_string(signed_value);
    }
    case Style::decimal:
      return std::to_string(value);
    case Style::sockopt_value: {
      // what the kernel read, or wrote (after the call, as many bytes as *optlen says then)
      if (!value) return std::string("NULL");
      if (arg.dir == ArgDir::out && !succeeded(c)) return hex(value);
      const auto size = buffer_size(c, arg);
      if (!size) return hex(value);
      if (*size == 4) {  // an int, as strace shows one
        std::uint32_t word = 0;
        if (!c.memory.read(value, &word, sizeof word)) return hex(value);
        if (model_layout(c.abi).order == ByteOrder::big)
          word = word >> 24 | (word >> 8 & 0xff00) | (word << 8 & 0xff0000) | word << 24;
        return "[" + std::to_string(static_cast<std::int32_t>(word)) + "]";
      }
      const std::size_t shown = std::min(*size, c.options.string_limit);
      const auto bytes = read_bytes(c.memory, value, shown);
      return bytes ? show_bytes(*bytes, c.options.string_limit, *size > shown) : hex(value);
    }
    case Style::result_count: {
      if (!succeeded(c)) return show_pointer(value);
      const std::size_t size = arg_scalar_size(arg.scalar, c.abi);
      std::string text = "[";
      for (std::int64_t i = 0; i < *c.result && i < 1024 && size <= 8; ++i) {
        std::uint64_t element = 0;
        if (!c.memory.read(value + static_cast<std::uint64_t>(i) * size, &element, size))
          return show_pointer(value);
        text += (i ? ", " : "") + std::to_string(narrow(element, size, false));
      }
      return text + "]";
    }
    case Style::cpu_set: {
      // what the kernel wrote (after the call: as many bytes as it returned) or read
      std::size_t size = static_cast<std::size_t>(value_of(c, "len"));
      if (arg.dir == ArgDir::out) {
        if (!succeeded(c)) return show_pointer(value);
        size = std::min(size, static_cast<std::size_t>(*c.result));
      }
      const auto bytes = read_bytes(c.memory, value, std::min<std::size_t>(size, 1024));
      if (!bytes) return show_pointer(value);
      std::string text = "[";
      for (std::size_t cpu = 0; cpu < 8 * bytes->size(); ++cpu)
        if (static_cast<unsigned char>((*bytes)[cpu / 8]) >> (cpu % 8) & 1)
          text += (text.size() > 1 ? " " : "") + std::to_string(cpu);
      return text + "]";
    }
    case Style::dirents: {
      if (!succeeded(c) || !show.layout) return show_pointer(value);
      return hex(value) + " /* " + std::to_string(count_dirents(c, *show.layout, value)) +
             " entries */";
    }
    case Style::struct_before:
      if (!show.layout) return show_pointer(value);
      return show_struct(struct_call(c), *show.layout, value);
    case Style::pollfds: {
      const auto count = buffer_size(c, arg);
      if (!show.layout || !count) return show_pointer(value);
      return show_struct_array(struct_call(c), *show.layout, value, *count);
    }
  }
  return std::nullopt;
}

// Calls whose iovecs the kernel fills: their buffers are shown after the call, as many
// bytes as it returned.
constexpr std::string_view fills_iovecs = "readv preadv preadv2 recvmsg process_vm_readv";

// A described struct (or `count` of them) the argument points to: what the kernel read, or
// what it wrote (after the call, when it succeeded).
std::string show_pointed_struct(const Context& c, const SyscallArg& arg, const StructLayout& layout,
                                std::uint64_t address) {
  if (!layout.present) return hex(address);
  const bool filled = names(fills_iovecs, c.call.name);
  if ((arg.dir == ArgDir::out || filled) && !succeeded(c)) return hex(address);
  std::uint64_t written = filled ? static_cast<std::uint64_t>(*c.result) : 0;
  const StructCall call = struct_call(c, filled ? &written : nullptr);
  if (arg.count.kind == ArgCount::Kind::one) return show_struct(call, layout, address);
  auto count = buffer_size(c, arg);
  if (!count) return hex(address);
  if (arg.dir == ArgDir::out)
    count = std::min<std::size_t>(*count, static_cast<std::size_t>(*c.result));
  return show_struct_array(call, layout, address, *count);
}

std::string show_argument(const Context& c, std::size_t index, const Show& show) {
  const ArgValue& v = c.values[index];
  const SyscallArg& arg = *v.arg;
  if (auto styled = show_styled(c, arg, show, v.value)) return *styled;
  switch (arg.form) {
    case ArgForm::value: {
      if (arg.scalar == ArgScalar::ptr) return show_pointer(v.value);
      const std::size_t size = arg_scalar_size(arg.scalar, c.abi);
      const bool flagged =
          arg.name.find("flag") != std::string::npos || arg.name.find("mask") != std::string::npos;
      if (flagged) return hex(static_cast<std::uint64_t>(narrow(v.value, size, false)));
      if (arg_scalar_signed(arg.scalar)) return std::to_string(narrow(v.value, size, true));
      return std::to_string(static_cast<std::uint64_t>(narrow(v.value, size, false)));
    }
    case ArgForm::address:
      return show_pointer(v.value);
    case ArgForm::string: {
      if (!v.value) return "NULL";
      bool cut = false;
      const auto text = read_string(c.memory, v.value, path_limit, cut);
      return text ? show_bytes(*text, path_limit, cut) : hex(v.value);
    }
    case ArgForm::string_vector: {
      if (!v.value) return "NULL";
      const std::size_t word = arg_scalar_size(ArgScalar::ptr, c.abi);
      std::string text = "[";
      for (std::size_t i = 0;; ++i) {
        std::uint64_t element = 0;
        if (!c.memory.read(v.value + i * word, &element, word)) return hex(v.value);
        if (!element) break;
        if (i) text += ", ";
        if (i == c.options.string_limit) {
          text += "...";
          break;
        }
        bool cut = false;
        const auto each = read_string(c.memory, element, c.options.string_limit, cut);
        text += each ? show_bytes(*each, c.options.string_limit, cut) : hex(element);
      }
      return text + "]";
    }
    case ArgForm::pointer: {
      if (!v.value) return "NULL";
      if (show.layout) return show_pointed_struct(c, arg, *show.layout, v.value);
      // byte buffers: what the kernel read, or (after the call) what it wrote
      if (arg.struct_name.empty() && arg.scalar == ArgScalar::char_) {
        std::optional<std::size_t> size;
        if (arg.dir == ArgDir::in)
          size = buffer_size(c, arg);
        else if (c.result && *c.result >= 0 && arg.count.kind == ArgCount::Kind::argument)
          size = static_cast<std::size_t>(*c.result);
        if (size) {
          const std::size_t shown = std::min(*size, c.options.string_limit);
          if (const auto bytes = read_bytes(c.memory, v.value, shown))
            return show_bytes(*bytes, c.options.string_limit, *size > shown);
        }
      }
      // scalars the kernel wrote (pipe's fds, _llseek's offset), after the call
      if (arg.struct_name.empty() && arg.scalar != ArgScalar::char_ &&
          arg.scalar != ArgScalar::void_ && arg.dir != ArgDir::in && c.result && *c.result >= 0) {
        const std::size_t count = arg.count.kind == ArgCount::Kind::fixed
                                      ? std::min<std::size_t>(arg.count.fixed, 16)
                                      : 1;
        const std::size_t size = arg_scalar_size(arg.scalar, c.abi);
        std::string text = "[";
        for (std::size_t i = 0; i < count && size <= 8; ++i) {
          std::uint64_t element = 0;
          if (!c.memory.read(v.value + i * size, &element, size)) return hex(v.value);
          const std::int64_t shown = narrow(element, size, arg_scalar_signed(arg.scalar));
          text += (i ? ", " : "") + (arg_scalar_signed(arg.scalar)
                                         ? std::to_string(shown)
                                         : std::to_string(static_cast<std::uint64_t>(shown)));
        }
        return text + "]";
      }
      return hex(v.value);
    }
  }
  return hex(v.value);
}

// clone as strace writes it, by name, each pointer only with the flag that makes the kernel
// use it: child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD,
// child_tidptr=0xf7d8a5a8.
// Before the call, child_stack and flags; after it (`rest`), the tids and the tls, as strace
// shows them when the call returns: parent_tid=[1234] once the kernel wrote it.
std::string show_clone(const Context& c, std::string& rest) {
  const auto flag = [&](const ConstantRow& row) {
    return static_cast<std::uint64_t>(constant_value(row, c.abi).value_or(0));
  };
  const std::size_t word = arg_scalar_size(ArgScalar::ulong, c.abi);
  const std::uint64_t flags = static_cast<std::uint64_t>(
      narrow(static_cast<std::uint64_t>(value_of(c, "clone_flags")), word, false));
  const auto pointer = [&](std::string_view arg) {
    return show_pointer(static_cast<std::uint64_t>(
        narrow(static_cast<std::uint64_t>(value_of(c, arg)), word, false)));
  };
  std::string text = "child_stack=" + pointer("newsp") +
                     ", flags=" + *show_styled(c, *c.values[0].arg, style(Style::clone), flags);
  if (flags & flag(named_row(clone_flags.rows, "CLONE_PARENT_SETTID"))) {
    const auto address = static_cast<std::uint64_t>(
        narrow(static_cast<std::uint64_t>(value_of(c, "parent_tidptr")), word, false));
    std::int32_t tid = 0;
    rest += ", parent_tid=" + (succeeded(c) && c.memory.read(address, &tid, sizeof tid)
                                   ? "[" + std::to_string(tid) + "]"
                                   : pointer("parent_tidptr"));
  }
  if (flags & flag(named_row(clone_flags.rows, "CLONE_SETTLS")))
    rest += ", tls=" + show_tls(struct_call(c),
                                static_cast<std::uint64_t>(narrow(
                                    static_cast<std::uint64_t>(value_of(c, "tls")), word, false)));
  if (flags & (flag(named_row(clone_flags.rows, "CLONE_CHILD_SETTID")) |
               flag(named_row(clone_flags.rows, "CLONE_CHILD_CLEARTID"))))
    rest += ", child_tidptr=" + pointer("child_tidptr");
  return text;
}

// Whether strace decodes the argument when the call returns (what the kernel writes), so
// that a line cut by another thread's resumes there: `read(3, ` ... `"abc", 64) = 3`.
bool decoded_after(const Syscall& call, const SyscallArg& arg, const Show& show) {
  switch (show.style) {
    case Style::pollfds:  // poll's events are shown before the call, its revents in the result
    case Style::address:
    case Style::struct_before:
      return false;
    case Style::prctl_arg:   // PR_GET_NAME's name is the kernel's
    case Style::semctl_arg:  // IPC_STAT's struct is the kernel's
    case Style::result_count:
    case Style::dirents:
    case Style::wait_status:
    case Style::hex_bytes:
    case Style::out_string:
      return true;
    default:
      break;
  }
  if (show.layout && names(fills_iovecs, call.name)) return true;
  return arg.form == ArgForm::pointer && arg.dir != ArgDir::in;
}

// A result strace explains (nullopt: shown by show_result alone): fcntl's flags, poll's
// ready descriptors, a timeout.
std::optional<std::string> explained_result(const Context& c, const std::vector<Show>& shows) {
  if (!c.result || *c.result < 0) return std::nullopt;
  const std::int64_t result = *c.result;
  const std::string_view name = c.call.name;
  if (name == "fcntl" || name == "fcntl64") {
    const auto command = value_of(c, "cmd");
    const bool getfd = constant_value(named_row(fcntl_commands.rows, "F_GETFD"), c.abi) == command;
    const bool getfl = constant_value(named_row(fcntl_commands.rows, "F_GETFL"), c.abi) == command;
    if (result == 0 || (!getfd && !getfl)) return std::nullopt;
    const auto value = static_cast<std::uint64_t>(result);
    return hex(value) + " (flags " +
           (getfd ? show_flags(fd_flags, c.abi, value)
                  : show_split(split(open_access, "O_ACCMODE", open_flags), c.abi, value)) +
           ")";
  }
  if (name == "umask") return show_octal(static_cast<std::uint64_t>(result));
  if (name == "rt_sigtimedwait" || name == "rt_sigtimedwait_time64")  // the signal taken
    return std::to_string(result) + " (" + show_signal(c.abi, result) + ")";
  if (name == "sched_getscheduler") {
    if (const ConstantRow* row = row_of(sched_policies, c.abi, result))
      return std::to_string(result) + " (" + std::string(row->name) + ")";
    return std::nullopt;
  }
  if (name == "set_thread_area" && !shows.empty() && shows[0].layout) {
    // the entry number the kernel chose (entry_number -1 asks for a free one)
    const StructLayout& layout = *shows[0].layout;
    for (const auto& field : layout.fields) {
      std::uint32_t entry = 0;
      if (field.name == "entry_number" && field.size == sizeof entry &&
          c.memory.read(static_cast<std::uint64_t>(value_of(c, "u_info")) + field.offset, &entry,
                        sizeof entry))
        return std::to_string(result) + " (entry_number=" + std::to_string(entry) + ")";
    }
    return std::nullopt;
  }
  const bool polls = name == "poll" || name == "ppoll" || name == "ppoll_time64";
  // (strace 6.1 explains no epoll_wait's)
  if ((polls || names("select _newselect pselect6 pselect6_time64", name)) && result == 0)
    return "0 (Timeout)";
  if (polls) {
    // the descriptors with events, as [{fd=3, revents=POLLIN}]
    const StructLayout* layout = shows.empty() ? nullptr : shows[0].layout;
    if (!layout) return std::nullopt;
    const FieldLayout *fd = nullptr, *revents = nullptr;
    for (const auto& field : layout->fields) {
      if (field.name == "fd") fd = &field;
      if (field.name == "revents") revents = &field;
    }
    if (!fd || !revents) return std::nullopt;
    const auto count = static_cast<std::size_t>(value_of(c, "nfds"));
    const auto base = static_cast<std::uint64_t>(value_of(c, "ufds"));
    std::string text = std::to_string(result) + " ([";
    bool first = true;
    for (std::size_t i = 0; i < count && i < 1024; ++i) {
      std::int32_t descriptor = 0;
      std::uint16_t events = 0;
      if (!c.memory.read(base + i * layout->size + fd->offset, &descriptor, sizeof descriptor) ||
          !c.memory.read(base + i * layout->size + revents->offset, &events, sizeof events))
        return std::nullopt;
      if (!events) continue;
      text += std::string(first ? "" : ", ") + "{fd=" + std::to_string(descriptor) +
              ", revents=" + show_flags(poll_events, c.abi, events) + "}";
      first = false;
    }
    return text + "])";
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> trace_rule_errors() {
  std::vector<std::string> errors;
  for (const auto& row : show_rows) {
    if (row.calls == "*") continue;
    for (std::size_t at = 0; at <= row.calls.size();) {
      std::size_t end = row.calls.find(' ', at);
      if (end == std::string_view::npos) end = row.calls.size();
      const std::string_view name = row.calls.substr(at, end - at);
      at = end + 1;
      bool found = false;
      for (Abi a : all_abis)
        if (const Syscall* call = find_syscall(a, name))
          for (const auto& arg : call->signature.args) found |= names(row.arg, arg.name);
      if (!found)
        errors.push_back("the rule for " + std::string(name) + "'s " + std::string(row.arg) +
                         ": no described syscall of that name has that argument");
    }
  }
  return errors;
}

std::string show_flags(const Vocabulary& flags, Abi abi, std::uint64_t value) {
  std::string text;
  std::uint64_t rest = value;
  const ConstantRow* zero = nullptr;
  for (const auto& row : flags.rows) {
    const auto bit = constant_value(row, abi);
    if (!bit) continue;
    const auto mask = static_cast<std::uint64_t>(*bit);
    if (mask == 0) {
      zero = &row;
      continue;
    }
    if ((rest & mask) == mask) {
      text += (text.empty() ? "" : "|") + std::string(row.name);
      rest &= ~mask;
    }
  }
  if (rest) text += (text.empty() ? "" : "|") + hex(rest);
  if (text.empty()) return zero ? std::string(zero->name) : "0";
  return text;
}

std::string show_value(const Vocabulary& values, Abi abi, std::int64_t value) {
  if (const ConstantRow* row = row_of(values, abi, value)) return std::string(row->name);
  return std::to_string(value);
}

std::string show_signal(Abi abi, std::int64_t signal) {
  if (const ConstantRow* row = row_of(vocab::signals, abi, signal)) return std::string(row->name);
  const auto rtmin = *constant_value(named_row(vocab::signals.rows, "SIGRTMIN"), abi);
  if (signal > rtmin && signal <= 128) return "SIGRT_" + std::to_string(signal - rtmin);
  return std::to_string(signal);
}

std::string show_result(Abi abi, std::int64_t result, bool pointer) {
  if (result < 0 && result > -4096) {
    const ConstantRow* row = row_of(vocab::errnos, abi, -result);
    if (!row)
      return "-1 " + std::to_string(-result) + " (Unknown error " + std::to_string(-result) + ")";
    // the text is the host's (x86_64) for the same name
    const auto native = constant_value(*row, Abi::x86_64);
    return "-1 " + std::string(row->name) + " (" +
           (native ? std::strerror(static_cast<int>(*native)) : "?") + ")";
  }
  if (!pointer) return std::to_string(result);
  const std::size_t size = arg_scalar_size(ArgScalar::ptr, abi);  // a 32-bit ABI's address
  return hex(static_cast<std::uint64_t>(narrow(static_cast<std::uint64_t>(result), size, false)));
}

std::string show_bytes(std::string_view bytes, std::size_t limit, bool cut) {
  std::string text = "\"";
  if (bytes.size() > limit) {
    bytes = bytes.substr(0, limit);
    cut = true;
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto ch = static_cast<unsigned char>(bytes[i]);
    switch (ch) {
      case '"':
        text += "\\\"";
        continue;
      case '\\':
        text += "\\\\";
        continue;
      case '\t':
        text += "\\t";
        continue;
      case '\n':
        text += "\\n";
        continue;
      case '\v':
        text += "\\v";
        continue;
      case '\f':
        text += "\\f";
        continue;
      case '\r':
        text += "\\r";
        continue;
      default:
        break;
    }
    if (ch >= 0x20 && ch < 0x7f) {
      text += static_cast<char>(ch);
      continue;
    }
    // octal, as short as the next character allows (strace's form)
    const bool digit_next = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
    char escape[8];
    std::snprintf(escape, sizeof escape, digit_next ? "\\%03o" : "\\%o", ch);
    text += escape;
  }
  text += '"';
  if (cut) text += "...";
  return text;
}

// socketcall(call, args) as the call it stands for, as strace shows it: the socketcall
// multiplexer entry of the description names the call, its arguments are words at args.
std::optional<TraceParts> socketcall_parts(Abi abi, const TraceCall& traced,
                                           const TraceMemory& memory, const TraceOptions& options) {
  if (traced.registers.size() < 2) return std::nullopt;
  const auto number = static_cast<std::uint8_t>(traced.registers[0]);
  // The sub-call's entry: the ABI's own, else another ABI's of the same sub-call (i386 has
  // no send and recv entries of its own; arm EABI does) when it takes no register pairs.
  const Syscall* sub = nullptr;
  for (const auto& each : syscalls(abi))
    if (each.mux.kind == MultiplexerKind::socketcall && each.mux.call == number) sub = &each;
  for (Abi other : all_abis)
    for (const auto& each : syscalls(other))
      if (!sub && each.mux.kind == MultiplexerKind::socketcall && each.mux.call == number &&
          std::all_of(each.placement.begin(), each.placement.end(),
                      [](const auto& place) { return place.slots == 1; }))
        sub = &each;
  if (!sub || sub->signature.opaque || sub->placement.empty()) return std::nullopt;
  const std::size_t word = arg_scalar_size(ArgScalar::ulong, abi);
  std::size_t slots = 0;
  for (const auto& place : sub->placement)
    slots = std::max<std::size_t>(slots, place.slot + place.slots);
  std::array<std::uint64_t, 8> words{};
  for (std::size_t i = 0; i < slots && i < words.size(); ++i)
    if (!memory.read(traced.registers[1] + i * word, &words[i], word)) return std::nullopt;
  TraceCall inner{sub, sub->number, std::span<const std::uint64_t>(words.data(), slots),
                  traced.result};
  return trace_parts(abi, inner, memory, options);
}

TraceParts call_parts(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                      const TraceOptions& options, std::uint32_t indirect);

// ipc(call, first, second, third, ptr, fifth) as the sub-call it stands for, as strace shows
// it: the description's ipc multiplexer entry names the sub-call and which of ipc()'s
// arguments it takes in which order; one it takes by its address is shown as the word there.
// The sub-call's entry: the ABI's own, else one of an ABI with the same pointer size (i386
// has no semop and semtimedop of its own; arm EABI does). A sub-call without such an order
// (msgrcv's kludge, shmat's result at third) stays ipc(...).
std::optional<TraceParts> ipc_parts(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                                    const TraceOptions& options) {
  if (traced.registers.size() < 6) return std::nullopt;
  const auto number = traced.registers[0] & 0xffff;  // the version above
  const Syscall* sub = nullptr;
  const std::size_t pointer = arg_scalar_size(ArgScalar::ptr, abi);
  for (Abi other : all_abis) {
    if (arg_scalar_size(ArgScalar::ptr, other) != pointer) continue;
    for (const auto& each : syscalls(other))
      if (each.mux.kind == MultiplexerKind::ipc && each.mux.call == number &&
          !each.mux.args.empty() && (!sub || (sub->abi != abi && each.abi == abi)))
        sub = &each;
  }
  if (!sub || sub->signature.opaque) return std::nullopt;
  const IpcArguments order = ipc_arguments(sub->mux.args);
  if (!order.valid) return std::nullopt;
  std::array<std::uint64_t, 6> words{};
  std::uint32_t indirect = 0;
  for (std::size_t i = 0; i < order.count; ++i) {
    words[i] = traced.registers[order.each[i].from];
    if (order.each[i].indirect) indirect |= 1u << i;
  }
  TraceCall inner{sub, sub->number, std::span<const std::uint64_t>(words.data(), order.count),
                  traced.result};
  return call_parts(abi, inner, memory, options, indirect);
}

TraceParts trace_parts(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                       const TraceOptions& options) {
  if (traced.call && traced.call->name == "socketcall")
    if (auto parts = socketcall_parts(abi, traced, memory, options)) return *parts;
  if (traced.call && traced.call->name == "ipc")
    if (auto parts = ipc_parts(abi, traced, memory, options)) return *parts;
  return call_parts(abi, traced, memory, options, 0);
}

TraceParts call_parts(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                      const TraceOptions& options, std::uint32_t indirect) {
  TraceParts parts;
  std::string& line = parts.entry;
  std::optional<std::string> explained;
  bool values_shown = false;
  if (!traced.call) {
    line = "syscall_" + hex(traced.number) + "(";
    for (std::size_t i = 0; i < traced.registers.size(); ++i)
      line += (i ? ", " : "") + hex(traced.registers[i]);
  } else {
    const Syscall& call = *traced.call;
    line = std::string(call.name) + "(";
    if (call.signature.opaque) {
      for (std::size_t i = 0; i < traced.registers.size(); ++i)
        line += (i ? ", " : "") + hex(traced.registers[i]);
    } else {
      const auto values = decode_args(call, traced.registers);
      const auto& shows = shows_of(call);
      const Context context{abi, call, values, traced.result, memory, options, indirect};
      if (call.name == "clone") {
        line += show_clone(context, parts.exit);
        values_shown = true;
      }
      if (traced.restored_mask && names("sigreturn rt_sigreturn", call.name)) {
        unsigned char mask[8];
        for (std::size_t i = 0; i < sizeof mask; ++i)  // signal n is bit n-1, byte by byte
          mask[i] = static_cast<unsigned char>(*traced.restored_mask >> (8 * i));
        line += "{mask=" + show_sigset_bytes(abi, mask, sizeof mask) + "}";
      }
      // the arguments known before the call, then (after a ", " when both have some) the
      // ones decoded after it; an empty one is an argument strace leaves out
      std::string before, after;
      bool split = false;
      for (std::size_t i = 0; i < values.size() && !values_shown; ++i) {
        split = split || decoded_after(call, *values[i].arg, shows[i]) ||
                (shows[i].style == Style::fcntl_arg && is_lock_query(context));
        const std::string shown = show_argument(context, i, shows[i]);
        std::string& part = split ? after : before;
        if (!shown.empty()) part += (part.empty() ? "" : ", ") + shown;
      }
      line += before + (!before.empty() && !after.empty() ? ", " : "");
      parts.exit += after;
      explained = explained_result(context, shows);
    }
  }
  std::string& end = parts.exit;
  end += ")";
  if (!traced.result) {
    end += " = ?";
  } else if (explained) {
    end += " = " + *explained;
  } else {
    const bool pointer = traced.call && !traced.call->signature.opaque &&
                         traced.call->signature.ret == ArgScalar::ptr;
    end += " = " + show_result(abi, *traced.result, pointer);
  }
  return parts;
}

std::string trace_line(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                       const TraceOptions& options) {
  TraceParts parts = trace_parts(abi, traced, memory, options);
  return parts.entry + parts.exit;
}

// ---- -e trace=SET ---------------------------------------------------------------------

namespace {

// strace's classes, derived from the description where it can say them: %file is a call
// that takes a file name (a string argument named as a path), %network one that socketcall
// multiplexes; the others are lists, as strace's own syscallent tables are.
// clang-format off
constexpr std::string_view path_arguments =
    "filename pathname path oldname newname from_pathname to_pathname library new_root put_old "
    "dev_name dir_name specialfile special";
constexpr std::string_view calls_with_named_file = "acct umount umount2 name_to_handle_at";
constexpr std::string_view process_calls =
    "clone clone3 fork vfork execve execveat exit exit_group wait4 waitid waitpid kill tkill "
    "tgkill pidfd_send_signal rt_sigqueueinfo rt_tgsigqueueinfo";
constexpr std::string_view signal_calls = "kill tkill tgkill pause pidfd_send_signal";
constexpr std::string_view memory_calls =
    "brk mmap mmap2 old_mmap munmap mprotect pkey_mprotect mremap madvise process_madvise mlock "
    "mlock2 munlock mlockall munlockall msync mincore remap_file_pages mbind set_mempolicy "
    "get_mempolicy set_mempolicy_home_node migrate_pages move_pages mseal map_shadow_stack";
// clang-format on

}  // namespace

bool in_trace_class(const Syscall& call, std::string_view name) {
  if (name == "file") {
    if (names(calls_with_named_file, call.name)) return true;
    for (const auto& arg : call.signature.args)
      if (arg.form == ArgForm::string && names(path_arguments, arg.name)) return true;
    return false;
  }
  if (name == "network" || name == "net")
    return call.mux.kind == MultiplexerKind::socketcall || call.name == "socketcall";
  if (name == "process") return names(process_calls, call.name);
  if (name == "signal")
    return names(signal_calls, call.name) ||
           (call.name.find("sig") != std::string_view::npos && call.name != "pselect6" &&
            call.name != "pselect6_time64");
  if (name == "memory") return names(memory_calls, call.name);
  return false;
}

std::optional<TraceFilter> parse_trace_filter(Abi abi, std::string_view expression,
                                              std::string& error) {
  const std::string_view whole = expression;
  if (expression.starts_with("trace=")) expression.remove_prefix(6);
  const bool negated = expression.starts_with("!");
  if (negated) expression.remove_prefix(1);
  const auto& table = syscalls(abi);
  const std::uint32_t base = table.empty() ? 0 : table.front().number;
  const std::size_t size = table.empty() ? 0 : table.back().number - base + 1;
  std::vector<bool> traced(size, false);
  bool others = false;
  if (expression.empty()) {
    error = "-e " + std::string(whole) + ": no syscall or class named";
    return std::nullopt;
  }
  for (std::size_t at = 0; at <= expression.size();) {
    std::size_t end = expression.find(',', at);
    if (end == std::string_view::npos) end = expression.size();
    const std::string_view word = expression.substr(at, end - at);
    at = end + 1;
    bool found = false;
    if (word == "all") {
      traced.assign(size, true);
      others = found = true;
    } else if (word == "none") {
      found = true;
    } else if (word.starts_with("%")) {
      const std::string_view name = word.substr(1);
      if (!names("file network net process signal memory", name)) {
        error = "-e " + std::string(whole) + ": no class '" + std::string(word) +
                "' (classes: %file %network %process %signal %memory)";
        return std::nullopt;
      }
      found = true;
      for (const auto& call : table)
        if (in_trace_class(call, name)) traced[call.number - base] = true;
    } else {
      for (const auto& call : table)
        if (call.name == word) traced[call.number - base] = found = true;
      if (!found) {
        error = "-e " + std::string(whole) + ": no " + std::string(abi_name(abi)) +
                " syscall named '" + std::string(word) + "'";
        return std::nullopt;
      }
    }
  }
  if (negated) {
    traced.flip();
    others = !others;
  }
  return TraceFilter(base, std::move(traced), others);
}

}  // namespace syscompat::abi
