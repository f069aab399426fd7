// The i386 plans, built while this file compiles: how each call is served (generic through
// its x86_64 counterpart, hand-written, the process owner's, or refused), with the struct
// converters its arguments need. The description's compile-time table
// (syscall_table_data.hpp) gives the calls; the tables below give what the signatures alone
// cannot say. A program that starts finds the plans in its read-only data: nothing is
// derived, compared or looked up by name at run time.
#include "i386_plans.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <mutex>
#include <string_view>
#include <utility>

#include "i386_ioctl.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/field_keys.hpp"
#include "syscompat/abi/ioctl_table_data.hpp"
#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscall_table_data.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/struct_converters.hpp"

namespace syscompat::translators {

using abi::Abi;
using abi::ArgForm;
using abi::ArgScalar;

// ---- struct converters ------------------------------------------------------------------

namespace {

using Native = abi::X86_64;

using abi::field_keys;

// Whether T holds a union anywhere (in a member, a member's member, an array's element): a
// union whose layout differs may hold a pointer in any member, which no description says how
// to convert.
template <class T>
constexpr bool holds_union() {
  if constexpr (abi::detail::IsArray<T>::value) {
    return holds_union<typename T::element_type>();
  } else if constexpr (abi::detail::IsUnion<T>::value) {
    return true;
  } else if constexpr (abi::described_struct<T>) {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (holds_union<boost::pfr::tuple_element_t<I, T>>() || ... || false);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
  } else {
    return false;
  }
}

// Same bytes on both sides, member for member: the copy can be skipped.
template <class Guest, class Host>
constexpr bool same_layout() {
  if (sizeof(Guest) != sizeof(Host)) return false;
  const auto guest = field_keys<Guest>();
  const auto host = field_keys<Host>();
  if (guest.count != host.count) return false;
  for (std::size_t i = 0; i < guest.count; ++i)
    if (!(guest.keys[i] == host.keys[i])) return false;
  return true;
}

template <class Guest, class Host>
constexpr StructConverter make_converter() {
  return {Guest::description_name,
          Host::description_name,
          sizeof(Guest),
          sizeof(Host),
          same_layout<Guest, Host>(),
          holds_union<Guest>(),
          [](const void* guest, void* native, Narrowing policy) {
            return convert(*static_cast<const Guest*>(guest), *static_cast<Host*>(native), policy);
          },
          [](const void* native, void* guest, Narrowing policy) {
            return convert(*static_cast<const Host*>(native), *static_cast<Guest*>(guest), policy,
                           abi::kernel_writes_members_only<Guest>);
          }};
}

// Every converter of guest model M, in a list of room enough; trimmed below.
template <class M>
struct ConverterList {
  std::array<StructConverter, 512> items{};
  std::size_t count = 0;
  constexpr void add(const StructConverter& converter) { items[count++] = converter; }
};

template <class M>
constexpr ConverterList<M> list_converters() {
  ConverterList<M> list;
  // Every entry both ABIs have converts into itself.
#define SYSCOMPAT_ADD(entry)                                                                 \
  if constexpr (abi::is_present_v<abi::entry<M>> && abi::is_present_v<abi::entry<Native>>) { \
    if constexpr (convertible_v<abi::entry<M>, abi::entry<Native>>)                          \
      list.add(make_converter<abi::entry<M>, abi::entry<Native>>());                         \
  }
  SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_ADD)
#undef SYSCOMPAT_ADD
  // Where the 32-bit ABI has its own struct for what the native call fills in: the kernel's
  // compat code converts between exactly these.
  if constexpr (abi::is_present_v<abi::stat64<M>>)
    list.add(make_converter<abi::stat64<M>, abi::stat<Native>>());  // cp_new_stat64
  if constexpr (abi::is_present_v<abi::statfs64<M>>)
    list.add(make_converter<abi::statfs64<M>, abi::statfs<Native>>());  // put_compat_statfs64
  if constexpr (abi::is_present_v<abi::old_kernel_stat<M>>)
    list.add(make_converter<abi::old_kernel_stat<M>, abi::stat<Native>>());
  if constexpr (abi::is_present_v<abi::flock64<M>>)
    list.add(make_converter<abi::flock64<M>, abi::flock<Native>>());
  // The time64 calls pass 64-bit times, which x86_64's own structs already are.
  list.add(make_converter<abi::timespec64<M>, abi::timespec<Native>>());
  list.add(make_converter<abi::itimerspec64<M>, abi::itimerspec<Native>>());
  list.add(make_converter<abi::kernel_timex<M>, abi::timex<Native>>());
  return list;
}

constexpr auto i386_converter_list = list_converters<abi::I386>();
constexpr auto i386_converters = [] {
  std::array<StructConverter, i386_converter_list.count> converters{};
  std::copy_n(i386_converter_list.items.begin(), converters.size(), converters.begin());
  return converters;
}();

constexpr const StructConverter* converter_named(std::string_view guest_name,
                                                 std::string_view native_name) {
  for (const StructConverter& converter : i386_converters)
    if (converter.guest_name == guest_name && converter.native_name == native_name)
      return &converter;
  return nullptr;
}

}  // namespace

std::span<const StructConverter> struct_converters(Abi guest) {
  if (guest == Abi::i386) return i386_converters;
  return {};
}

const StructConverter* find_struct_converter(Abi guest, std::string_view guest_name,
                                             std::string_view native_name) {
  return guest == Abi::i386 ? converter_named(guest_name, native_name) : nullptr;
}

// ---- the plans --------------------------------------------------------------------------

namespace {

// i386 calls served by an x86_64 call of another name, with the same arguments in the same
// order (the structs they point to convert by their descriptions).
constexpr RenamedCall renamed_calls[] = {
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

// Calls the signatures alone cannot serve: why, and who does.
constexpr PlanRule rules[] = {
    // the process owner's (run32's)
    {"exit", Handling::hook, "ends the guest thread: run32 owns it"},
    {"exit_group", Handling::hook, "ends the guest: run32 owns it"},
    {"fork", Handling::hook, "process creation: run32 owns it"},
    {"vfork", Handling::hook, "process creation: run32 owns it"},
    {"clone", Handling::hook, "process and thread creation: run32 owns it"},
    {"clone3", Handling::hook, "process and thread creation: run32 owns it"},
    {"execve", Handling::hook, "an i386 program runs under run32 again"},
    {"execveat", Handling::hook, "an i386 program runs under run32 again"},
    {"brk", Handling::hook, "the guest heap lives below 4 GB, placed by run32"},
    {"mmap", Handling::hook, "old_mmap: placement below 4 GB belongs to run32"},
    {"mmap2", Handling::hook, "placement below 4 GB belongs to run32"},
    {"munmap", Handling::hook, "run32 keeps the guest's mappings and its own ranges"},
    {"mremap", Handling::hook, "placement below 4 GB belongs to run32"},
    {"mprotect", Handling::hook, "run32 keeps the guest's mappings"},
    {"set_thread_area", Handling::hook, "%gs TLS of the guest: run32 owns the GDT entry"},
    {"get_thread_area", Handling::hook, "%gs TLS of the guest: run32 owns the GDT entry"},
    {"modify_ldt", Handling::hook, "the guest's segments: run32 owns them"},
    {"set_tid_address", Handling::hook, "the guest thread's clear_child_tid: run32 keeps it"},
    {"set_robust_list", Handling::hook, "the guest's 32-bit list: run32 walks it at the death"},
    {"get_robust_list", Handling::hook, "the guest's 32-bit list: run32 registered it"},
    {"sigreturn", Handling::hook, "returns from an i386 signal frame run32 built"},
    {"rt_sigreturn", Handling::hook, "returns from an i386 signal frame run32 built"},
    {"signal", Handling::hook, "signal delivery to i386 handlers belongs to run32"},
    {"sigaction", Handling::hook, "signal delivery to i386 handlers belongs to run32"},
    {"rt_sigaction", Handling::hook, "signal delivery to i386 handlers belongs to run32"},
    // hand-written translation
    {"socketcall", Handling::special, "multiplexer: sub-call and arguments in memory"},
    {"ipc", Handling::special, "multiplexer: sub-call, IPC_64 and old layouts"},
    {"ioctl", Handling::special, "the argument's layout depends on the request"},
    {"fcntl", Handling::special, "the argument's layout depends on the command"},
    {"fcntl64", Handling::special, "flock vs flock64 by command"},
    {"open", Handling::special, "no O_LARGEFILE forced: a file over 2 GiB is EOVERFLOW without it"},
    {"openat", Handling::special,
     "no O_LARGEFILE forced: a file over 2 GiB is EOVERFLOW without it"},
    {"getdents", Handling::special, "linux_dirent stream repacking"},
    {"getdents64", Handling::special, "a byte stream of records, not one struct"},
    {"readdir", Handling::special, "old_linux_dirent from a getdents64 record"},
    {"_llseek", Handling::special, "a 64-bit offset from two halves, result through a pointer"},
    {"select", Handling::special, "old_select: arguments in memory"},
    {"_newselect", Handling::special, "fd_set bitmaps of 32-bit words"},
    {"pselect6", Handling::special, "sigset_argpack in memory"},
    {"pselect6_time64", Handling::special, "sigset_argpack in memory"},
    {"sendmsg", Handling::special, "msghdr, iovec and cmsg repacking"},
    {"recvmsg", Handling::special, "msghdr, iovec and cmsg repacking"},
    {"sendmmsg", Handling::special, "mmsghdr vectors"},
    {"recvmmsg", Handling::special, "mmsghdr vectors"},
    {"recvmmsg_time64", Handling::special, "mmsghdr vectors"},
    {"readv", Handling::special, "iovecs: compat_ssize_t lengths, bounded by the guest's memory"},
    {"writev", Handling::special, "iovecs: compat_ssize_t lengths, bounded by the guest's memory"},
    {"process_vm_readv", Handling::special,
     "iovecs: compat_ssize_t lengths, the local ones bounded by the guest's memory"},
    {"process_vm_writev", Handling::special,
     "iovecs: compat_ssize_t lengths, the local ones bounded by the guest's memory"},
    {"io_uring_setup", Handling::special,
     "a compat ring (ctx->compat) through the owner's i386 entry"},
    {"io_uring_register", Handling::special,
     "a compat ring's iovecs are the kernel's to read; a native ring's "
     "IORING_REGISTER_BUFFERS iovecs widened"},
    {"preadv", Handling::special, "the offset comes as two 32-bit halves"},
    {"pwritev", Handling::special, "the offset comes as two 32-bit halves"},
    {"preadv2", Handling::special, "the offset comes as two 32-bit halves"},
    {"pwritev2", Handling::special, "the offset comes as two 32-bit halves"},
    {"statfs64", Handling::special, "takes the struct size as an argument"},
    {"fstatfs64", Handling::special, "takes the struct size as an argument"},
    {"waitpid", Handling::special, "wait4 without rusage"},
    {"getrlimit", Handling::special, "the old getrlimit clamps to 0x7fffffff"},
    {"sigprocmask", Handling::special, "one-word old_sigset_t"},
    {"sigpending", Handling::special, "one-word old_sigset_t"},
    {"sigsuspend", Handling::special, "one-word old_sigset_t"},
    {"sgetmask", Handling::special, "x86_64 has no sgetmask: the low word of rt_sigprocmask"},
    {"ssetmask", Handling::special, "x86_64 has no ssetmask: the low word of rt_sigprocmask"},
    {"nice", Handling::special, "x86_64 has no nice"},
    {"stime", Handling::special, "x86_64 has no stime"},
    {"umount", Handling::special, "umount2 with no flags"},
    {"olduname", Handling::special, "uname into old_utsname"},
    {"oldolduname", Handling::special, "uname into oldold_utsname"},
    {"oldstat", Handling::special, "__old_kernel_stat"},
    {"oldfstat", Handling::special, "__old_kernel_stat"},
    {"oldlstat", Handling::special, "__old_kernel_stat"},
    {"ptrace", Handling::special,
     "32-bit words, siginfo, event messages and general registers; the user area, FPU and "
     "regset requests answer EIO"},
    {"sysinfo", Handling::special,
     "memory sizes scaled by mem_unit to fit, as compat_sys_sysinfo does"},
    {"futex", Handling::special, "utime is a timespec or a count, by op"},
    {"futex_time64", Handling::special, "utime is a timespec or a count, by op"},
    {"io_setup", Handling::hook, "the ring the guest reads must be placed below 4 GB"},
    {"msgsnd", Handling::special, "msgbuf: a long, then msgsz bytes"},
    {"msgrcv", Handling::special, "msgbuf: a long, then msgsz bytes"},
    {"semctl", Handling::special, "semun: a value or a pointer, by cmd; IPC_64"},
    {"shmctl", Handling::special, "IPC_64 or the old layouts, by cmd"},
    {"msgctl", Handling::special, "IPC_64 or the old layouts, by cmd"},
    {"shmat", Handling::hook, "the segment must be placed below 4 GB"},
    {"get_mempolicy", Handling::special, "node bitmaps of 32-bit words, maxnode bits long"},
    {"set_mempolicy", Handling::special, "node bitmaps of 32-bit words, maxnode bits long"},
    {"mbind", Handling::special, "node bitmaps of 32-bit words, maxnode bits long"},
    {"migrate_pages", Handling::special, "node bitmaps of 32-bit words, maxnode bits long"},
    {"getsockopt", Handling::special, "SO_RCVTIMEO_OLD and friends carry a 32-bit timeval"},
    {"setsockopt", Handling::special,
     "a 32-bit timeval (SO_RCVTIMEO_OLD...), a compat sock_fprog (SO_ATTACH_FILTER)"},
    {"seccomp", Handling::special,
     "a compat sock_fprog; strict mode and filters judge guest calls: the owner's"},
    {"prctl", Handling::special, "PR_SET_SECCOMP: a compat sock_fprog, judged by the owner"},
    {"rseq", Handling::hook, "the guest's area in place of the host glibc's: run32's"},
    // the x86_64 kernel itself answers ENOSYS to i386 here
    {"vm86", Handling::refused, "no vm86 mode under a 64-bit kernel"},
    {"idle", Handling::refused, "removed in 2.3: the kernel answers ENOSYS"},
    {"bdflush", Handling::refused, "removed: the kernel answers ENOSYS"},
    {"uselib", Handling::refused, "not built into the kernel (CONFIG_USELIB): ENOSYS"},
    {"vm86old", Handling::refused, "no vm86 mode under a 64-bit kernel"},
};

// 16-bit id calls: i386's original uid_t (old_uid_t) needs high2lowuid/low2highuid.
constexpr bool has_16bit_ids(const abi::Syscall& call) {
  for (const auto& arg : call.signature.args)
    if (arg.scalar == ArgScalar::old_uid || arg.scalar == ArgScalar::old_gid) return true;
  return call.name == "getuid" || call.name == "getgid" || call.name == "geteuid" ||
         call.name == "getegid";
}

// Whether the generic path can carry this guest argument into that native one; if not, why.
constexpr bool generic_arg(const abi::SyscallArg& guest, const abi::SyscallArg& native,
                           abi::NotationError& why) {
  if (guest.form != native.form) {
    why << "argument " << guest.name << " differs in kind from the native " << native.name;
    return false;
  }
  switch (guest.form) {
    case ArgForm::value:
    case ArgForm::address:
    case ArgForm::string:
      return true;
    case ArgForm::string_vector:
      why << "string vectors need 64-bit pointer arrays";
      return false;
    case ArgForm::pointer:
      if (guest.struct_name.empty() != native.struct_name.empty()) {
        why << "argument " << guest.name << ": struct on one side only";
        return false;
      }
      if (!guest.struct_name.empty() && !converter_named(guest.struct_name, native.struct_name)) {
        why << "no description-derived conversion from struct " << guest.struct_name << " to "
            << native.struct_name;
        return false;
      }
      return true;
  }
  return false;
}

template <Abi A>
constexpr const abi::Syscall* call_named(std::string_view name) {
  for (const abi::Syscall& call : abi::table::abi_calls<A>)
    if (call.name == name) return &call;
  return nullptr;
}

// A plan with its reason held in place; the reasons are gathered into one text below.
struct Draft {
  CallPlan plan;
  abi::NotationError reason;
};

constexpr void add_converters(CallPlan& plan) {
  for (std::size_t i = 0; i < plan.guest->signature.args.size(); ++i)
    if (!plan.guest->signature.args[i].struct_name.empty())
      plan.converters[i] = converter_named(plan.guest->signature.args[i].struct_name,
                                           plan.native->signature.args[i].struct_name);
}

constexpr Draft plan_call(const abi::Syscall& call) {
  Draft draft;
  CallPlan& plan = draft.plan;
  plan.guest = &call;
  const PlanRule* rule = nullptr;
  for (const PlanRule& r : rules)
    if (r.name == call.name) rule = &r;
  if (rule) {
    plan.handling = rule->handling;
    draft.reason << rule->reason;
  } else if (call.signature.args.empty() && call.signature.ret == ArgScalar::long_ &&
             !call_named<Abi::x86_64>(call.name)) {
    plan.handling = Handling::refused;
    draft.reason << "never implemented, or removed: the kernel answers ENOSYS";
  } else if (has_16bit_ids(call)) {
    plan.handling = Handling::special;
    draft.reason << "16-bit ids: high2lowuid/low2highuid";
  } else {
    std::string_view native_name = call.name;
    for (const RenamedCall& renamed : renamed_calls)
      if (renamed.guest == call.name) native_name = renamed.native;
    plan.native = call_named<Abi::x86_64>(native_name);
    if (!plan.native) {
      plan.handling = Handling::special;
      draft.reason << "x86_64 has no " << native_name;
    } else if (plan.native->signature.args.size() != call.signature.args.size()) {
      plan.handling = Handling::special;
      draft.reason << "the native " << native_name << " takes other arguments";
      plan.native = nullptr;
    } else {
      plan.handling = Handling::generic;
      for (std::size_t i = 0; i < call.signature.args.size(); ++i)
        if (!generic_arg(call.signature.args[i], plan.native->signature.args[i], draft.reason)) {
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
  if (plan.handling == Handling::generic) add_converters(plan);
  return draft;
}

// The x86_64 calls i386 reaches only through a multiplexer (accept, send, recv, semop...):
// x86_64's entries read with i386's data model, no i386 number of their own.
constexpr auto multiplexed_guests = [] {
  std::array<abi::Syscall, i386_plan_table::plan_count - i386_plan_table::i386_call_count> guests{};
  std::size_t next = 0;
  for (const abi::Syscall& native : abi::table::abi_calls<Abi::x86_64>) {
    if (native.mux.kind == abi::MultiplexerKind::none ||
        i386_plan_table::has_i386_call(native.name))
      continue;
    abi::Syscall& guest = guests[next++];
    guest = native;
    guest.abi = Abi::i386;
    guest.number = 0;
    guest.placement = abi::place_args(guest.signature, Abi::i386).value_or(abi::ArgPlacements{});
  }
  return guests;
}();

constexpr std::array<Draft, i386_plan_table::plan_count> build_drafts() {
  std::array<Draft, i386_plan_table::plan_count> drafts{};
  std::size_t next = 0;
  for (const abi::Syscall& call : abi::table::abi_calls<Abi::i386>)
    drafts[next++] = plan_call(call);
  for (const abi::Syscall& guest : multiplexed_guests) {
    CallPlan& plan = drafts[next++].plan;
    plan.guest = &guest;
    for (const abi::Syscall& native : abi::table::abi_calls<Abi::x86_64>)
      if (native.name == guest.name && native.mux.kind == guest.mux.kind) plan.native = &native;
    plan.handling = Handling::generic;
    add_converters(plan);
  }
  return drafts;
}

constexpr auto drafts = build_drafts();

// Texts built in NotationError buffers (each plan's reason), one after another in one array:
// the plans view their part.
template <class Drafts, class Text>
constexpr std::size_t joined_size(const Drafts& drafts, Text text) {
  std::size_t total = 0;
  for (const auto& draft : drafts) total += text(draft).view().size();
  return total;
}
template <std::size_t Bytes, class Drafts, class Text>
constexpr std::array<char, Bytes> joined(const Drafts& drafts, Text text) {
  std::array<char, Bytes> out{};
  std::size_t next = 0;
  for (const auto& draft : drafts)
    for (char c : text(draft).view()) out[next++] = c;
  return out;
}
// Points each plan's `field` at its text in `joined_text`.
template <class Plans, class Drafts, class Text, class Field, std::size_t Bytes>
constexpr void view_joined(Plans& plans, const Drafts& drafts, Text text, Field field,
                           const std::array<char, Bytes>& joined_text) {
  std::size_t offset = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::size_t size = text(drafts[i]).view().size();
    if (size) plans[i].*field = std::string_view(joined_text.data() + offset, size);
    offset += size;
  }
}

constexpr auto reason_of = [](const Draft& draft) -> const abi::NotationError& {
  return draft.reason;
};
constexpr auto reason_text = joined<joined_size(drafts, reason_of)>(drafts, reason_of);

// Each plan where i386_plans.hpp finds it from the rows: the i386 calls are every row with an
// i386 number, in number order (numbers unique: below), so their positions agree by
// construction; the multiplexed ones are checked one by one.
constexpr bool positions_agree() {
  if (abi::table::abi_calls<Abi::i386>.size() != i386_plan_table::i386_call_count) return false;
  for (std::size_t i = i386_plan_table::i386_call_count; i < drafts.size(); ++i)
    if (i386_plan_table::plan_index_or_none(drafts[i].plan.guest->name) != i) return false;
  return true;
}
static_assert(positions_agree(), "i386_plans.hpp's plan_index disagrees with the plans' order");

constexpr bool i386_numbers_unique() {
  const auto& calls = abi::table::abi_calls<Abi::i386>;
  for (std::size_t i = 1; i < calls.size(); ++i)
    if (calls[i].number == calls[i - 1].number) return false;
  return true;
}
static_assert(i386_numbers_unique(), "two i386 calls share a number: the index needs one each");

// Plan positions by i386 number, plus one (0: no call has the number).
constexpr auto plan_by_number = [] {
  std::array<std::uint16_t, abi::highest_syscall_number(Abi::i386) + 1> index{};
  for (std::size_t i = 0; i < i386_plan_table::i386_call_count; ++i)
    index[drafts[i].plan.guest->number] = static_cast<std::uint16_t>(i + 1);
  return index;
}();

}  // namespace

constexpr std::array<CallPlan, i386_plan_table::plan_count> i386_plan_table::all_plans = [] {
  std::array<CallPlan, plan_count> plans{};
  for (std::size_t i = 0; i < plans.size(); ++i) plans[i] = drafts[i].plan;
  view_joined(plans, drafts, reason_of, &CallPlan::reason, reason_text);
  return plans;
}();

std::span<const PlanRule> i386_plan_rules() {
  return rules;
}

std::span<const RenamedCall> i386_renamed_calls() {
  return renamed_calls;
}

std::span<const CallPlan> i386_plans() {
  return std::span(i386_plan_table::all_plans).first(i386_plan_table::i386_call_count);
}

const CallPlan* i386_plan(std::uint32_t number) {
  if (number >= plan_by_number.size() || !plan_by_number[number]) return nullptr;
  return &i386_plan_table::all_plans[plan_by_number[number] - 1];
}

const CallPlan* find_named_plan(std::string_view name) {
  for (const CallPlan& plan : i386_plan_table::all_plans)
    if (plan.guest->name == name) return &plan;
  return nullptr;
}

// ---- the ioctl plans ---------------------------------------------------------------------
//
// How each described i386 request is served (i386_ioctl.cpp): a value or an argument with the
// same bytes on both sides passes through, an argument whose layout differs converts through
// its struct description or its scalar sizes, a request i386_ioctl.hpp lists is hand-written,
// and the rest is left out with why. Built from the ioctl table's compile-time data
// (ioctl_table_data.hpp) while this file compiles, in the order of abi::ioctls(Abi::i386).

namespace {

using abi::ioctl_table::abi_ioctls;
using abi::ioctl_table::none;

// A plan without pointers (a static PIE would relocate, and so copy, the pages of one with
// them at every start): the x86_64 request, the converter and the handler by their positions.
// i386_ioctl_plans() writes the plans from these the first time it is asked.
struct IoctlPlanFacts {
  IoctlHandling handling = IoctlHandling::left_out;
  std::uint16_t native = none;     // in abi::ioctls(Abi::x86_64)
  std::uint16_t converter = none;  // in i386_converters
  std::uint16_t handler = none;    // in i386_ioctl::by_name, then by_struct
  std::uint16_t how_at = 0, how_size = 0;
};

struct IoctlDraft {
  IoctlPlanFacts plan;
  abi::NotationError how;
};

constexpr std::size_t handler_count =
    std::size(i386_ioctl::by_name) + std::size(i386_ioctl::by_struct);
constexpr const i386_ioctl::HandWritten& handler_at(std::size_t i) {
  return i < std::size(i386_ioctl::by_name)
             ? i386_ioctl::by_name[i]
             : i386_ioctl::by_struct[i - std::size(i386_ioctl::by_name)];
}

// by_name first: it takes precedence over by_struct.
constexpr std::uint16_t hand_written(const abi::Ioctl& guest) {
  for (std::size_t i = 0; i < handler_count; ++i) {
    const auto& entry = handler_at(i);
    if (i < std::size(i386_ioctl::by_name) ? entry.name == guest.name
                                           : entry.name == guest.arg().struct_name)
      return static_cast<std::uint16_t>(i);
  }
  return none;
}

constexpr IoctlDraft plan_ioctl(const abi::Ioctl& guest) {
  IoctlDraft draft;
  IoctlPlanFacts& plan = draft.plan;
  plan.native = abi::ioctl_table::ioctl_index<Abi::x86_64>(guest.name);
  const abi::Ioctl* native = plan.native != none ? &abi_ioctls<Abi::x86_64>[plan.native] : nullptr;
  const abi::IoctlArg& arg = guest.arg();
  const StructConverter* converter = nullptr;
  if (const auto hand = hand_written(guest); hand != none && native) {
    plan.handling = IoctlHandling::hand_written;
    plan.handler = hand;
    draft.how << handler_at(hand).mirrors;
  } else if (!native) {
    draft.how << "x86_64 has no such request";
  } else if (arg.kind != abi::IoctlArgKind::pointer) {
    plan.handling = IoctlHandling::passthrough;
  } else if (arg.struct_name.empty()) {
    plan.handling =
        guest.arg_size == native->arg_size ? IoctlHandling::passthrough : IoctlHandling::converted;
  } else if (!(converter = converter_named(arg.struct_name, arg.struct_name))) {
    draft.how << "no conversion derives from struct " << arg.struct_name << "'s description";
  } else if (converter->identical) {
    if (guest.trailing_element == native->trailing_element)
      plan.handling = IoctlHandling::passthrough;
    else
      draft.how << "its trailing elements differ";
  } else if (converter->holds_union) {
    draft.how << "struct " << arg.struct_name
              << "'s layout differs and a union in it may hold a pointer: needs a hand-written "
                 "handler";
  } else if (!arg.count_member.empty()) {
    draft.how << "a converted struct with a trailing part";
  } else {
    plan.handling = IoctlHandling::converted;
  }
  if (plan.handling != IoctlHandling::left_out && converter)
    plan.converter = static_cast<std::uint16_t>(converter - i386_converters.data());
  return draft;
}

constexpr auto ioctl_drafts = [] {
  std::array<IoctlDraft, abi_ioctls<Abi::i386>.size()> drafts{};
  for (std::size_t i = 0; i < drafts.size(); ++i) drafts[i] = plan_ioctl(abi_ioctls<Abi::i386>[i]);
  return drafts;
}();

constexpr auto how_of = [](const IoctlDraft& draft) -> const abi::NotationError& {
  return draft.how;
};
constexpr auto how_text = joined<joined_size(ioctl_drafts, how_of)>(ioctl_drafts, how_of);

constexpr auto ioctl_plan_facts = [] {
  std::array<IoctlPlanFacts, ioctl_drafts.size()> facts{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    facts[i] = ioctl_drafts[i].plan;
    facts[i].how_at = static_cast<std::uint16_t>(at);
    facts[i].how_size = static_cast<std::uint16_t>(ioctl_drafts[i].how.view().size());
    at += facts[i].how_size;
  }
  return facts;
}();

}  // namespace

std::span<const IoctlPlan> i386_ioctl_plans() {
  static std::array<IoctlPlan, ioctl_plan_facts.size()> plans;
  static std::once_flag written;
  std::call_once(written, [] {
    const auto guests = abi::ioctls(Abi::i386);
    const auto natives = abi::ioctls(Abi::x86_64);
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const IoctlPlanFacts& facts = ioctl_plan_facts[i];
      IoctlPlan& plan = plans[i];
      plan.guest = &guests[i];
      plan.native = facts.native != none ? &natives[facts.native] : nullptr;
      plan.handling = facts.handling;
      if (facts.how_size)
        plan.how = std::string_view(how_text.data() + facts.how_at, facts.how_size);
      plan.converter = facts.converter != none ? &i386_converters[facts.converter] : nullptr;
      plan.handler = facts.handler != none ? handler_at(facts.handler).handler : nullptr;
    }
  });
  return plans;
}

}  // namespace syscompat::translators
