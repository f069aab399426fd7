#include "syscompat/translators/i386.hpp"

#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <new>

#include "i386_hooks.hpp"
#include "i386_large_files.hpp"
#include "i386_special.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/translators/native_call.h"
#include "syscompat/translators/struct_converters.hpp"

namespace syscompat::translators {

using abi::Abi;
using abi::ArgForm;
using abi::ArgScalar;

std::string_view handling_name(Handling handling) {
  switch (handling) {
    case Handling::generic:
      return "generic";
    case Handling::special:
      return "special";
    case Handling::hook:
      return "hook";
    case Handling::refused:
      return "refused";
  }
  return "?";
}

namespace {

// i386 calls served by an x86_64 call of another name, with the same arguments in the same
// order (the structs they point to convert by their descriptions).
const std::map<std::string_view, std::string_view> renamed_counterparts{
    {"fstat64", "fstat"},
    {"stat64", "stat"},
    {"lstat64", "lstat"},
    {"fstatat64", "newfstatat"},
    {"ugetrlimit", "getrlimit"},
    {"sendfile64", "sendfile"},
    {"truncate64", "truncate"},
    {"ftruncate64", "ftruncate"},
    {"fadvise64_64", "fadvise64"},
    // 32-bit ids: the native calls
    {"getuid32", "getuid"},
    {"getgid32", "getgid"},
    {"geteuid32", "geteuid"},
    {"getegid32", "getegid"},
    {"setuid32", "setuid"},
    {"setgid32", "setgid"},
    {"setreuid32", "setreuid"},
    {"setregid32", "setregid"},
    {"setresuid32", "setresuid"},
    {"getresuid32", "getresuid"},
    {"setresgid32", "setresgid"},
    {"getresgid32", "getresgid"},
    {"setfsuid32", "setfsuid"},
    {"setfsgid32", "setfsgid"},
    {"chown32", "chown"},
    {"lchown32", "lchown"},
    {"fchown32", "fchown"},
    {"getgroups32", "getgroups"},
    {"setgroups32", "setgroups"},
    // time64: x86_64's own calls already take 64-bit times
    {"clock_gettime64", "clock_gettime"},
    {"clock_settime64", "clock_settime"},
    {"clock_adjtime64", "clock_adjtime"},
    {"clock_getres_time64", "clock_getres"},
    {"clock_nanosleep_time64", "clock_nanosleep"},
    {"timer_gettime64", "timer_gettime"},
    {"timer_settime64", "timer_settime"},
    {"timerfd_gettime64", "timerfd_gettime"},
    {"timerfd_settime64", "timerfd_settime"},
    {"utimensat_time64", "utimensat"},
    {"io_pgetevents_time64", "io_pgetevents"},
    {"recvmmsg_time64", "recvmmsg"},
    {"mq_timedsend_time64", "mq_timedsend"},
    {"mq_timedreceive_time64", "mq_timedreceive"},
    {"semtimedop_time64", "semtimedop"},
    {"rt_sigtimedwait_time64", "rt_sigtimedwait"},
    {"futex_time64", "futex"},
    {"sched_rr_get_interval_time64", "sched_rr_get_interval"},
    {"ppoll_time64", "ppoll"},
    {"pselect6_time64", "pselect6"},
};

struct Rule {
  Handling handling;
  std::string_view reason;
};

// Calls the signatures alone cannot serve: why, and who does.
const std::map<std::string_view, Rule> rules{
    // the process owner's (run32's)
    {"exit", {Handling::hook, "ends the guest thread: run32 owns it"}},
    {"exit_group", {Handling::hook, "ends the guest: run32 owns it"}},
    {"fork", {Handling::hook, "process creation: run32 owns it"}},
    {"vfork", {Handling::hook, "process creation: run32 owns it"}},
    {"clone", {Handling::hook, "process and thread creation: run32 owns it"}},
    {"clone3", {Handling::hook, "process and thread creation: run32 owns it"}},
    {"execve", {Handling::hook, "an i386 program runs under run32 again"}},
    {"execveat", {Handling::hook, "an i386 program runs under run32 again"}},
    {"brk", {Handling::hook, "the guest heap lives below 4 GB, placed by run32"}},
    {"mmap", {Handling::hook, "old_mmap: placement below 4 GB belongs to run32"}},
    {"mmap2", {Handling::hook, "placement below 4 GB belongs to run32"}},
    {"munmap", {Handling::hook, "run32 keeps the guest's mappings and its own ranges"}},
    {"mremap", {Handling::hook, "placement below 4 GB belongs to run32"}},
    {"mprotect", {Handling::hook, "run32 keeps the guest's mappings"}},
    {"set_thread_area", {Handling::hook, "%gs TLS of the guest: run32 owns the GDT entry"}},
    {"get_thread_area", {Handling::hook, "%gs TLS of the guest: run32 owns the GDT entry"}},
    {"modify_ldt", {Handling::hook, "the guest's segments: run32 owns them"}},
    {"set_tid_address", {Handling::hook, "the guest thread's clear_child_tid: run32 keeps it"}},
    {"set_robust_list", {Handling::hook, "the guest's 32-bit list: run32 walks it at the death"}},
    {"get_robust_list", {Handling::hook, "the guest's 32-bit list: run32 registered it"}},
    {"sigreturn", {Handling::hook, "returns from an i386 signal frame run32 built"}},
    {"rt_sigreturn", {Handling::hook, "returns from an i386 signal frame run32 built"}},
    {"signal", {Handling::hook, "signal delivery to i386 handlers belongs to run32"}},
    {"sigaction", {Handling::hook, "signal delivery to i386 handlers belongs to run32"}},
    {"rt_sigaction", {Handling::hook, "signal delivery to i386 handlers belongs to run32"}},
    // hand-written translation
    {"socketcall", {Handling::special, "multiplexer: sub-call and arguments in memory"}},
    {"ipc", {Handling::special, "multiplexer: sub-call, IPC_64 and old layouts"}},
    {"ioctl", {Handling::special, "the argument's layout depends on the request"}},
    {"fcntl", {Handling::special, "the argument's layout depends on the command"}},
    {"fcntl64", {Handling::special, "flock vs flock64 by command"}},
    {"open",
     {Handling::special, "no O_LARGEFILE forced: a file over 2 GiB is EOVERFLOW without it"}},
    {"openat",
     {Handling::special, "no O_LARGEFILE forced: a file over 2 GiB is EOVERFLOW without it"}},
    {"getdents", {Handling::special, "linux_dirent stream repacking"}},
    {"getdents64", {Handling::special, "a byte stream of records, not one struct"}},
    {"readdir", {Handling::special, "old_linux_dirent from a getdents64 record"}},
    {"_llseek", {Handling::special, "a 64-bit offset from two halves, result through a pointer"}},
    {"select", {Handling::special, "old_select: arguments in memory"}},
    {"_newselect", {Handling::special, "fd_set bitmaps of 32-bit words"}},
    {"pselect6", {Handling::special, "sigset_argpack in memory"}},
    {"pselect6_time64", {Handling::special, "sigset_argpack in memory"}},
    {"sendmsg", {Handling::special, "msghdr, iovec and cmsg repacking"}},
    {"recvmsg", {Handling::special, "msghdr, iovec and cmsg repacking"}},
    {"sendmmsg", {Handling::special, "mmsghdr vectors"}},
    {"recvmmsg", {Handling::special, "mmsghdr vectors"}},
    {"recvmmsg_time64", {Handling::special, "mmsghdr vectors"}},
    {"readv", {Handling::special, "iovecs: compat_ssize_t lengths, bounded by the guest's memory"}},
    {"writev",
     {Handling::special, "iovecs: compat_ssize_t lengths, bounded by the guest's memory"}},
    {"process_vm_readv",
     {Handling::special,
      "iovecs: compat_ssize_t lengths, the local ones bounded by the guest's memory"}},
    {"process_vm_writev",
     {Handling::special,
      "iovecs: compat_ssize_t lengths, the local ones bounded by the guest's memory"}},
    {"io_uring_setup",
     {Handling::special, "a compat ring (ctx->compat) through the owner's i386 entry"}},
    {"io_uring_register",
     {Handling::special,
      "a compat ring's iovecs are the kernel's to read; a native ring's "
      "IORING_REGISTER_BUFFERS iovecs widened"}},
    {"preadv", {Handling::special, "the offset comes as two 32-bit halves"}},
    {"pwritev", {Handling::special, "the offset comes as two 32-bit halves"}},
    {"preadv2", {Handling::special, "the offset comes as two 32-bit halves"}},
    {"pwritev2", {Handling::special, "the offset comes as two 32-bit halves"}},
    {"statfs64", {Handling::special, "takes the struct size as an argument"}},
    {"fstatfs64", {Handling::special, "takes the struct size as an argument"}},
    {"waitpid", {Handling::special, "wait4 without rusage"}},
    {"getrlimit", {Handling::special, "the old getrlimit clamps to 0x7fffffff"}},
    {"sigprocmask", {Handling::special, "one-word old_sigset_t"}},
    {"sigpending", {Handling::special, "one-word old_sigset_t"}},
    {"sigsuspend", {Handling::special, "one-word old_sigset_t"}},
    {"sgetmask", {Handling::special, "x86_64 has no sgetmask: the low word of rt_sigprocmask"}},
    {"ssetmask", {Handling::special, "x86_64 has no ssetmask: the low word of rt_sigprocmask"}},
    {"nice", {Handling::special, "x86_64 has no nice"}},
    {"stime", {Handling::special, "x86_64 has no stime"}},
    {"umount", {Handling::special, "umount2 with no flags"}},
    {"olduname", {Handling::special, "uname into old_utsname"}},
    {"oldolduname", {Handling::special, "uname into oldold_utsname"}},
    {"oldstat", {Handling::special, "__old_kernel_stat"}},
    {"oldfstat", {Handling::special, "__old_kernel_stat"}},
    {"oldlstat", {Handling::special, "__old_kernel_stat"}},
    {"ptrace",
     {Handling::special,
      "32-bit words, siginfo, event messages and general registers; the user area, FPU and "
      "regset requests answer EIO"}},
    {"sysinfo",
     {Handling::special, "memory sizes scaled by mem_unit to fit, as compat_sys_sysinfo does"}},
    {"futex", {Handling::special, "utime is a timespec or a count, by op"}},
    {"futex_time64", {Handling::special, "utime is a timespec or a count, by op"}},
    {"io_setup", {Handling::hook, "the ring the guest reads must be placed below 4 GB"}},
    {"msgsnd", {Handling::special, "msgbuf: a long, then msgsz bytes"}},
    {"msgrcv", {Handling::special, "msgbuf: a long, then msgsz bytes"}},
    {"semctl", {Handling::special, "semun: a value or a pointer, by cmd; IPC_64"}},
    {"shmctl", {Handling::special, "IPC_64 or the old layouts, by cmd"}},
    {"msgctl", {Handling::special, "IPC_64 or the old layouts, by cmd"}},
    {"shmat", {Handling::hook, "the segment must be placed below 4 GB"}},
    {"get_mempolicy", {Handling::special, "node bitmaps of 32-bit words, maxnode bits long"}},
    {"set_mempolicy", {Handling::special, "node bitmaps of 32-bit words, maxnode bits long"}},
    {"mbind", {Handling::special, "node bitmaps of 32-bit words, maxnode bits long"}},
    {"migrate_pages", {Handling::special, "node bitmaps of 32-bit words, maxnode bits long"}},
    {"getsockopt", {Handling::special, "SO_RCVTIMEO_OLD and friends carry a 32-bit timeval"}},
    {"setsockopt",
     {Handling::special,
      "a 32-bit timeval (SO_RCVTIMEO_OLD...), a compat sock_fprog (SO_ATTACH_FILTER)"}},
    {"seccomp",
     {Handling::special,
      "a compat sock_fprog; strict mode and filters judge guest calls: the owner's"}},
    {"prctl", {Handling::special, "PR_SET_SECCOMP: a compat sock_fprog, judged by the owner"}},
    {"rseq", {Handling::hook, "the guest's area in place of the host glibc's: run32's"}},
    // the x86_64 kernel itself answers ENOSYS to i386 here
    {"vm86", {Handling::refused, "no vm86 mode under a 64-bit kernel"}},
    {"idle", {Handling::refused, "removed in 2.3: the kernel answers ENOSYS"}},
    {"bdflush", {Handling::refused, "removed: the kernel answers ENOSYS"}},
    {"uselib", {Handling::refused, "not built into the kernel (CONFIG_USELIB): ENOSYS"}},
    {"vm86old", {Handling::refused, "no vm86 mode under a 64-bit kernel"}},
};

// 16-bit id calls: i386's original uid_t (old_uid_t) needs high2lowuid/low2highuid.
bool has_16bit_ids(const abi::Syscall& call) {
  for (const auto& arg : call.signature.args)
    if (arg.scalar == ArgScalar::old_uid || arg.scalar == ArgScalar::old_gid) return true;
  return call.name == "getuid" || call.name == "getgid" || call.name == "geteuid" ||
         call.name == "getegid";
}

// Whether the generic path can carry this guest argument into that native one.
bool generic_arg(const abi::SyscallArg& guest, const abi::SyscallArg& native, std::string& why) {
  if (guest.form != native.form) {
    why = "argument " + std::string(guest.name) + " differs in kind from the native " +
          std::string(native.name);
    return false;
  }
  switch (guest.form) {
    case ArgForm::value:
    case ArgForm::address:
    case ArgForm::string:
      return true;
    case ArgForm::string_vector:
      why = "string vectors need 64-bit pointer arrays";
      return false;
    case ArgForm::pointer:
      if (guest.struct_name.empty() != native.struct_name.empty()) {
        why = "argument " + std::string(guest.name) + ": struct on one side only";
        return false;
      }
      if (!guest.struct_name.empty() &&
          !find_struct_converter(Abi::i386, guest.struct_name, native.struct_name)) {
        why = "no description-derived conversion from struct " + std::string(guest.struct_name) +
              " to " + std::string(native.struct_name);
        return false;
      }
      return true;
  }
  return false;
}

std::vector<CallPlan> build_plans() {
  std::vector<CallPlan> plans;
  for (const auto& call : abi::syscalls(Abi::i386)) {
    CallPlan plan;
    plan.guest = &call;
    if (auto rule = rules.find(call.name); rule != rules.end()) {
      plan.handling = rule->second.handling;
      plan.reason = std::string(rule->second.reason);
    } else if (call.signature.args.empty() && call.signature.ret == ArgScalar::long_ &&
               !abi::find_syscall(Abi::x86_64, call.name)) {
      plan.handling = Handling::refused;
      plan.reason = "never implemented, or removed: the kernel answers ENOSYS";
    } else if (has_16bit_ids(call)) {
      plan.handling = Handling::special;
      plan.reason = "16-bit ids: high2lowuid/low2highuid";
    } else {
      auto renamed = renamed_counterparts.find(call.name);
      const std::string_view native_name =
          renamed != renamed_counterparts.end() ? renamed->second : call.name;
      plan.native = abi::find_syscall(Abi::x86_64, native_name);
      if (!plan.native) {
        plan.handling = Handling::special;
        plan.reason = "x86_64 has no " + std::string(native_name);
      } else if (plan.native->signature.args.size() != call.signature.args.size()) {
        plan.handling = Handling::special;
        plan.reason = "the native " + std::string(native_name) + " takes other arguments";
        plan.native = nullptr;
      } else {
        plan.handling = Handling::generic;
        for (std::size_t i = 0; i < call.signature.args.size(); ++i)
          if (!generic_arg(call.signature.args[i], plan.native->signature.args[i], plan.reason)) {
            plan.handling = Handling::special;
            plan.native = nullptr;
            break;
          }
      }
    }
    plan.values_only =
        plan.handling == Handling::generic &&
        std::all_of(call.signature.args.begin(), call.signature.args.end(),
                    [](const abi::SyscallArg& arg) {
                      return arg.form == ArgForm::value || arg.form == ArgForm::address;
                    });
    if (plan.handling == Handling::generic)
      for (std::size_t i = 0; i < call.signature.args.size(); ++i)
        if (!call.signature.args[i].struct_name.empty())
          plan.converters[i] = find_struct_converter(Abi::i386, call.signature.args[i].struct_name,
                                                     plan.native->signature.args[i].struct_name);
    if (plan.handling == Handling::special) {
      plan.owner_optional = i386_hooks::find_owner_optional(call.name);
      if (!plan.owner_optional) plan.special = i386_special::find(call.name);
    } else if (plan.handling == Handling::hook) {
      plan.hook = i386_hooks::find(call.name);
      if (!plan.hook) plan.refusal = i386_hooks::find_refusal(call.name);
    }
    plan.served = plan.handling == Handling::generic || plan.handling == Handling::hook ||
                  (plan.handling == Handling::special && (plan.special || plan.owner_optional));
    plans.push_back(std::move(plan));
  }
  return plans;
}

using i386_special::poisoned_pointer;

std::uint64_t read_guest_scalar(const std::uint8_t* bytes, std::size_t size, bool is_signed) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes, size);  // both little-endian
  if (is_signed && size < 8 && (value >> (8 * size - 1)) & 1)
    value |= ~std::uint64_t{0} << (8 * size);
  return value;
}

bool fits(std::uint64_t value, std::size_t size, bool is_signed) {
  if (size >= 8) return true;
  const unsigned bits = static_cast<unsigned>(8 * size);
  if (is_signed) {
    const auto v = static_cast<std::int64_t>(value);
    return v >= -(std::int64_t{1} << (bits - 1)) && v < (std::int64_t{1} << (bits - 1));
  }
  return value < (std::uint64_t{1} << bits);
}

// One pointer argument carried across: what the native call gets, and what to copy back.
// A byte buffer that lives on the stack when small, as almost every struct argument is.
class ScratchBytes {
 public:
  void assign(std::size_t size) {
    size_ = size;
    if (size > small_.size())
      large_.assign(size, 0);
    else
      std::memset(small_.data(), 0, size);
  }
  std::uint8_t* data() { return size_ > small_.size() ? large_.data() : small_.data(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  alignas(16) std::array<std::uint8_t, 512> small_;  // aligned: structs are built in it
  std::vector<std::uint8_t> large_;
  std::size_t size_ = 0;
};

struct Carried {
  std::uint64_t native_value = 0;
  ScratchBytes buffer;  // the native-layout copy, when layouts differ
  std::size_t elements = 0;
  const StructConverter* converter = nullptr;
  std::size_t guest_element = 0, native_element = 0;
  bool is_signed = false;
  bool truncated = false;  // a scalar the kernel cuts instead of refusing
};

}  // namespace

const std::vector<CallPlan>& i386_plans() {
  static const std::vector<CallPlan> plans = build_plans();
  return plans;
}

const CallPlan* i386_plan(std::uint32_t number) {
  // Indexed by number: serving a call finds its plan without a search.
  static const auto index = [] {
    std::array<const CallPlan*, abi::highest_syscall_number(Abi::i386) + 1> by_number{};
    for (const CallPlan& plan : i386_plans()) by_number.at(plan.guest->number) = &plan;
    return by_number;
  }();
  return number < index.size() ? index[number] : nullptr;
}

std::int32_t I386Translator::translate(std::uint32_t number,
                                       const std::array<std::uint32_t, 6>& registers) {
  // The last guard of "the shim never dies of what a guest asks": no guest-sized allocation
  // is made unbounded (counts are checked against the guest's memory first), and one the
  // host cannot satisfy is the kernel's answer to the same, ENOMEM.
  try {
    // Files the guest opened without O_LARGEFILE change a few calls (i386_large_files.hpp).
    if (i386_large_files::any()) [[unlikely]] {
      std::array<std::uint32_t, 6> cut = registers;
      if (auto answer = i386_large_files::filter(memory_, number, cut)) return *answer;
      return translate_checked(number, cut);
    }
    return translate_checked(number, registers);
  } catch (const std::bad_alloc&) {
    return -ENOMEM;
  }
}

std::int32_t I386Translator::translate_checked(std::uint32_t number,
                                               const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = i386_plan(number);
  if (!plan) return -ENOSYS;
  if (plan->handling == Handling::special) {
    if (i386_hooks::is_ipc_shmat(*plan->guest, registers[0]))
      return hooks_ ? i386_hooks::ipc_shmat(memory_, *hooks_, registers) : -ENOSYS;
    if (!plan->special && !plan->owner_optional) return -ENOSYS;
    const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                            registers[3], registers[4], registers[5]};
    const auto args = abi::decode_args(*plan->guest, wide);
    return plan->owner_optional ? plan->owner_optional(memory_, hooks_, args)
                                : plan->special(memory_, args);
  }
  if (plan->handling == Handling::hook) {
    if (!hooks_) return -ENOSYS;
    if (plan->hook || plan->refusal) {
      const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                              registers[3], registers[4], registers[5]};
      const auto args = abi::decode_args(*plan->guest, wide);
      if (plan->hook) return plan->hook(memory_, *hooks_, args);
      if (std::int32_t error = plan->refusal(memory_, args)) return error;
    }
    return hooks_->owner_call(*plan, registers);
  }
  if (plan->handling != Handling::generic) return -ENOSYS;
  return translate_generic(memory_, *plan, registers);
}

namespace {
// A call i386 reaches only through socketcall (accept, send, recv): x86_64's row read with
// i386's data model.
const CallPlan* multiplexed_plan(std::string_view name) {
  static const std::vector<CallPlan> plans = [] {
    std::vector<CallPlan> built;
    built.reserve(64);
    static std::vector<std::unique_ptr<abi::Syscall>> guests;
    for (const auto& native : abi::syscalls(Abi::x86_64)) {
      if (native.mux.kind == abi::MultiplexerKind::none ||
          abi::find_syscall(Abi::i386, native.name))
        continue;
      auto guest = std::make_unique<abi::Syscall>(native);
      guest->abi = Abi::i386;
      guest->number = 0;
      guest->placement =
          abi::place_args(guest->signature, Abi::i386).value_or(abi::ArgPlacements{});
      CallPlan plan;
      plan.guest = guest.get();
      plan.native = &native;
      plan.handling = Handling::generic;
      plan.served = true;
      for (std::size_t i = 0; i < native.signature.args.size(); ++i)
        if (!native.signature.args[i].struct_name.empty())
          plan.converters[i] =
              find_struct_converter(Abi::i386, native.signature.args[i].struct_name,
                                    native.signature.args[i].struct_name);
      guests.push_back(std::move(guest));
      built.push_back(plan);
    }
    return built;
  }();
  for (const auto& plan : plans)
    if (plan.guest->name == name) return &plan;
  return nullptr;
}
}  // namespace

const CallPlan* find_named_plan(std::string_view name) {
  if (const auto* call = abi::find_syscall(Abi::i386, name)) return i386_plan(call->number);
  return multiplexed_plan(name);
}

std::int32_t translate_planned(const GuestMemory& memory, const CallPlan& plan,
                               const std::array<std::uint32_t, 6>& registers) {
  // An i386 call is served as its number is; one i386 reaches only through socketcall has
  // no number of its own and goes the generic way.
  if (i386_plan(plan.guest->number) == &plan)
    return I386Translator(memory).translate(plan.guest->number, registers);
  return translate_generic(memory, plan, registers);
}

std::int32_t translate_named(const GuestMemory& memory, std::string_view name,
                             const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = find_named_plan(name);
  return plan ? translate_planned(memory, *plan, registers) : -ENOSYS;
}

namespace {
// The sleeps that write the time left when a signal interrupts them: hrtimer_nanosleep's
// nanosleep_copyout, for nanosleep and a relative clock_nanosleep (an absolute one answers
// ERESTARTNOHAND and leaves rmtp alone).
bool writes_remaining_time(const abi::Syscall& native, const std::array<std::uint64_t, 6>& args) {
  constexpr std::uint32_t nanosleep = abi::syscall_number(Abi::x86_64, "nanosleep"),
                          clock_nanosleep = abi::syscall_number(Abi::x86_64, "clock_nanosleep");
  return native.number == nanosleep ||
         (native.number == clock_nanosleep && !(args[1] & TIMER_ABSTIME));
}
}  // namespace

std::int32_t translate_generic(const GuestMemory& memory_, const CallPlan& call_plan,
                               const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = &call_plan;
  const abi::Syscall& guest = *plan->guest;
  const abi::Syscall& native = *plan->native;
  const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                          registers[3], registers[4], registers[5]};
  const auto values = abi::decode_args(guest, wide);
  if (plan->values_only) {
    std::array<long, 6> native_args{};
    for (std::size_t i = 0; i < values.size(); ++i)
      native_args[i] = static_cast<long>(values[i].value);
    // eax is the low half of what the native call returned, as on the kernel's compat path
    // (a call not made answers SYSCOMPAT_NATIVE_CALL_NOT_MADE, which fits).
    return static_cast<std::int32_t>(
        syscompat_native_call(static_cast<long>(native.number), native_args[0], native_args[1],
                              native_args[2], native_args[3], native_args[4], native_args[5]));
  }
  auto value_of = [&](const abi::ArgCount& count) -> std::uint64_t {
    return count.index < values.size() ? values[count.index].value : 0;
  };

  std::array<std::uint64_t, 6> native_args{};
  std::array<Carried, 6> carried;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const abi::SyscallArg& g = guest.signature.args[i];
    const abi::SyscallArg& n = native.signature.args[i];
    const std::uint64_t value = values[i].value;
    Carried& c = carried[i];
    c.native_value = value;
    if (g.form == ArgForm::string) {
      std::string ignored;
      // The kernel checks the length itself; what matters is that every byte up to the
      // NUL is the guest's.
      if (value &&
          memory_.read_string(static_cast<GuestAddress>(value), 1 << 20, ignored) == EFAULT)
        c.native_value = poisoned_pointer;
      else if (value)
        c.native_value =
            reinterpret_cast<std::uint64_t>(memory_.host(static_cast<GuestAddress>(value)));
    } else if (g.form == ArgForm::pointer && value != 0) {
      std::size_t elements = 1;
      switch (g.count.kind) {
        case abi::ArgCount::Kind::one:
          break;
        case abi::ArgCount::Kind::fixed:
          elements = g.count.fixed;
          break;
        case abi::ArgCount::Kind::argument:
          elements = static_cast<std::size_t>(value_of(g.count));
          break;
        case abi::ArgCount::Kind::pointee: {
          const std::uint64_t where = value_of(g.count);
          std::uint32_t count = 0;
          if (where && memory_.copy_in(&count, static_cast<GuestAddress>(where), sizeof count) == 0)
            elements = count;
          break;
        }
      }
      if (g.struct_name.empty()) {
        c.guest_element =
            g.scalar == ArgScalar::char_ ? 1 : abi::arg_scalar_size(g.scalar, Abi::i386);
        c.native_element =
            n.scalar == ArgScalar::char_ ? 1 : abi::arg_scalar_size(n.scalar, Abi::x86_64);
        c.is_signed = abi::arg_scalar_signed(g.scalar);
        c.truncated = abi::arg_scalar_truncated(g.scalar);
      } else {
        c.converter = plan->converters[i];
        c.guest_element = c.converter->guest_size;
        c.native_element = c.converter->native_size;
      }
      const int access =
          (g.dir == abi::ArgDir::in ? GuestMemory::readable : 0) |
          (g.dir == abi::ArgDir::out ? GuestMemory::writable : 0) |
          (g.dir == abi::ArgDir::inout ? GuestMemory::readable | GuestMemory::writable : 0);
      // A count from the guest may be anything: one past what 4 GB can hold is unreachable
      // memory (EFAULT where the kernel gets that far), never an allocation of its size.
      const bool countable =
          c.guest_element == 0 || elements <= (std::uint64_t{1} << 32) / c.guest_element;
      const std::uint64_t guest_bytes = countable ? std::uint64_t{elements} * c.guest_element : 0;
      const bool identical =
          c.converter ? c.converter->identical : c.guest_element == c.native_element;
      if (!countable ||
          !memory_.accessible(static_cast<GuestAddress>(value), guest_bytes, access)) {
        c.native_value = poisoned_pointer;
      } else if (identical) {
        c.native_value =
            reinterpret_cast<std::uint64_t>(memory_.host(static_cast<GuestAddress>(value)));
      } else {
        // Converted through a native-layout copy: bounded, as the guest range already is.
        c.elements = elements;
        c.buffer.assign(elements * c.native_element);
        const std::uint8_t* from = memory_.host(static_cast<GuestAddress>(value));
        if (g.dir != abi::ArgDir::out) {
          ScratchBytes aligned;  // guest pointers need not be aligned; C++ references must be
          aligned.assign(c.guest_element);
          for (std::size_t e = 0; e < elements; ++e) {
            if (c.converter) {
              std::memcpy(aligned.data(), from + e * c.guest_element, c.guest_element);
              if (int error = c.converter->to_native(
                      aligned.data(), c.buffer.data() + e * c.native_element, Narrowing::as_kernel))
                return -error;
            } else {
              const std::uint64_t v =
                  read_guest_scalar(from + e * c.guest_element, c.guest_element, c.is_signed);
              std::memcpy(c.buffer.data() + e * c.native_element, &v, c.native_element);
            }
          }
        }
        c.native_value = reinterpret_cast<std::uint64_t>(c.buffer.data());
      }
    }
    native_args[i] = c.native_value;
  }

  long result =
      syscompat_native_call(static_cast<long>(native.number), static_cast<long>(native_args[0]),
                            static_cast<long>(native_args[1]), static_cast<long>(native_args[2]),
                            static_cast<long>(native_args[3]), static_cast<long>(native_args[4]),
                            static_cast<long>(native_args[5]));
  if (result == SYSCOMPAT_NATIVE_CALL_NOT_MADE) return static_cast<std::int32_t>(result);
  if (result < 0 && result >= -4095) {
    if (result != -EINTR || !writes_remaining_time(native, native_args))
      return static_cast<std::int32_t>(result);
    // -EINTR, and the remaining time goes back to the guest as on success
  }

  // Copy back what the call wrote into native-layout copies.
  for (std::size_t i = 0; i < values.size(); ++i) {
    const abi::SyscallArg& g = guest.signature.args[i];
    Carried& c = carried[i];
    if (c.buffer.empty() || g.dir == abi::ArgDir::in) continue;
    std::uint8_t* to = memory_.host(static_cast<GuestAddress>(values[i].value));
    // Converted whole before anything is written: a value that does not fit leaves the
    // guest's buffer as it was, as the kernel's copy of a whole struct does.
    ScratchBytes converted;
    converted.assign(c.elements * c.guest_element);
    std::memcpy(converted.data(), to, converted.size());
    for (std::size_t e = 0; e < c.elements; ++e) {
      if (c.converter) {
        if (int error =
                c.converter->to_guest(c.buffer.data() + e * c.native_element,
                                      converted.data() + e * c.guest_element, Narrowing::as_kernel))
          return -error;
      } else {
        std::uint64_t v = 0;
        std::memcpy(&v, c.buffer.data() + e * c.native_element, c.native_element);
        if (!c.truncated && !fits(v, c.guest_element, c.is_signed)) return -EOVERFLOW;
        std::memcpy(converted.data() + e * c.guest_element, &v, c.guest_element);
      }
    }
    std::memcpy(to, converted.data(), converted.size());
  }
  // eax is the low half of what the native call returned, as on the kernel's compat path.
  return static_cast<std::int32_t>(result);
}

}  // namespace syscompat::translators

// The flag of native_call.h: set by a runner's signal handler, cleared when it delivers.
__thread volatile std::uint8_t syscompat_signal_waiting __attribute__((tls_model("initial-exec"))) =
    0;
