// The syscall table's rows, as written in abi/include/syscompat/abi/syscall_rows/*.hpp: the one
// place each syscall's numbers, signature and first release are stated.
//
// A row is one syscall on the ABIs where it has a number. A name may have several rows when
// its signature differs between ABIs (i386's mmap is old_mmap with one pointer; x86_64's
// takes six arguments): each row then covers the ABIs that share its signature.
//
// The signature notation (parsed by parse_signature, checked by the tests for every row):
//
//   signature := 'opaque' | type '(' [arg {',' arg}] ')'
//   arg       := [dir] type NAME ['[' count ']']
//   dir       := 'in' | 'out' | 'inout'           (pointers only; default 'in')
//   type      := scalar                           a value in registers
//              | scalar '*'                       pointer to a scalar (or an array of them)
//              | 'struct' STRUCT '*'              pointer to a described struct (or array)
//              | 'char' '*'                       with [count]: a byte buffer; without: str
//              | 'str'                            NUL-terminated string, read by the kernel
//              | 'strv'                           NULL-terminated array of str (argv, envp)
//              | 'ptr'                            a user address the call does not read or
//                                                 write through its arguments' types (mmap's
//                                                 addr, brk, a sigaction handler)
//   count     := NUMBER | NAME | '*' NAME         elements: fixed, another argument's value,
//                                                 or the value another argument points to
//   scalar    := int uint long ulong size_t ssize_t off_t loff_t u16 u32 s32 u64 s64
//                pid_t uid_t gid_t old_uid_t old_gid_t umode_t fd key_t clockid_t timer_t
//                mqd_t aio_context_t rwf_t time_t void
//
// loff_t, u64 and s64 travel as register pairs on 32-bit ABIs; see syscall_args.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

inline constexpr std::int32_t no = -1;  // no number on that ABI

enum class MultiplexerKind : std::uint8_t { none, socketcall, ipc };

struct Multiplexer {
  MultiplexerKind kind = MultiplexerKind::none;
  std::uint8_t call = 0;  // SYS_* (socketcall) or SEMOP/... (ipc) sub-call number
  // ipc only: which of ipc(call, first, second, third, ptr, fifth)'s arguments the sub-call
  // takes, in its own order (ipc/syscall.c's ksys_ipc), space-separated; "*ptr" is the word
  // at ptr (semctl's union semun). Empty: the sub-call takes them its own way (msgrcv's
  // ipc_kludge by version, shmat's result written at third).
  std::string_view args = {};
};
constexpr Multiplexer socketcall(std::uint8_t call) {
  return {MultiplexerKind::socketcall, call};
}
constexpr Multiplexer ipc(std::uint8_t call, std::string_view args = {}) {
  return {MultiplexerKind::ipc, call, args};
}

// An ipc sub-call's arguments as its Multiplexer entry names them: for each, the index of
// the ipc() argument it is (0 call, 1 first, 2 second, 3 third, 4 ptr, 5 fifth), and
// whether it is the word at that argument's address rather than the argument itself.
struct IpcArgument {
  std::uint8_t from = 0;
  bool indirect = false;
};
struct IpcArguments {
  std::array<IpcArgument, 6> each{};
  std::size_t count = 0;
  bool valid = true;  // every word names an ipc() argument (checked for every row)
};
constexpr IpcArguments ipc_arguments(std::string_view args) {
  constexpr std::string_view names[] = {"call", "first", "second", "third", "ptr", "fifth"};
  IpcArguments parsed;
  for (std::size_t at = 0; at < args.size();) {
    std::size_t end = args.find(' ', at);
    if (end == std::string_view::npos) end = args.size();
    std::string_view word = args.substr(at, end - at);
    at = end + 1;
    if (parsed.count == parsed.each.size()) return {{}, 0, false};
    IpcArgument& argument = parsed.each[parsed.count++];
    argument.indirect = word.starts_with('*');
    if (argument.indirect) word.remove_prefix(1);
    std::size_t index = 0;
    while (index < std::size(names) && names[index] != word) ++index;
    if (index == std::size(names)) return {{}, 0, false};
    argument.from = static_cast<std::uint8_t>(index);
  }
  return parsed;
}

inline constexpr std::uint32_t x32_syscall_bit = 0x40000000;

// What goes in the syscall register for a row's `number` on `abi` (x32: with its bit).
constexpr std::uint32_t register_number(Abi abi, std::int32_t number) {
  return static_cast<std::uint32_t>(number) | (abi == Abi::x32 ? x32_syscall_bit : 0);
}

struct SyscallRow {
  std::string_view name;
  // In all_abis order: i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32. x32 numbers
  // are written without the x32 bit (0x40000000), as syscall_64.tbl writes them; mips o32
  // numbers include its 4000 base; ARM-private calls are 0x0f0000 + n.
  std::array<std::int32_t, 7> numbers;
  std::string_view since;  // first release that had it on x86 ("2.6.16")
  std::string_view signature;
  std::string_view since_i386 = {};  // when i386's own number came later than `since`
  Multiplexer mux = {};              // the i386 multiplexer that also reaches it
};

}  // namespace syscompat::abi
