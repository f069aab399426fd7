// Every row of the syscall table as compile-time data (the rows themselves are in
// syscall_rows/*.hpp, one row per call), and what code resolves from them while it compiles:
// a syscall's number on an ABI, by the name the description gives it. Code that makes a call
// names it here, and the compiler puts the number in; a name the table does not have on that
// ABI is a compile error, and nothing is looked up by name when the program runs.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "syscompat/abi/models.hpp"
#include "syscompat/abi/signature_notation.hpp"
#include "syscompat/abi/syscall_rows/a_e.hpp"
#include "syscompat/abi/syscall_rows/f_g.hpp"
#include "syscompat/abi/syscall_rows/h_o.hpp"
#include "syscompat/abi/syscall_rows/p_r.hpp"
#include "syscompat/abi/syscall_rows/s.hpp"
#include "syscompat/abi/syscall_rows/t_z.hpp"
#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {

inline constexpr std::array<std::span<const SyscallRow>, 6> syscall_row_chunks{
    syscall_rows_a_e, syscall_rows_f_g, syscall_rows_h_o,
    syscall_rows_p_r, syscall_rows_s,   syscall_rows_t_z};

// The number of the call `name` on `abi`, at compile time only.
consteval std::uint32_t syscall_number(Abi abi, std::string_view name) {
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk)
      if (row.name == name && row.numbers[static_cast<std::size_t>(abi)] != no)
        return register_number(abi, row.numbers[static_cast<std::size_t>(abi)]);
  // Not a constant expression: the compiler stops here and names the call.
  throw "syscall_number: the description has no such call on this ABI";
}

// How many arguments the call `name` takes on `abi`, by its signature: at compile time only.
consteval std::size_t syscall_arg_count(Abi abi, std::string_view name) {
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk)
      if (row.name == name && row.numbers[static_cast<std::size_t>(abi)] != no) {
        NotationError error;
        const auto signature = parse_signature(row.signature, error);
        if (!signature) throw "syscall_arg_count: a malformed row";
        return signature->arg_count;
      }
  throw "syscall_arg_count: the description has no such call on this ABI";
}

// The ipc() multiplexer's entry of its sub-call `name` (ipc(call, first, ...)'s arguments
// the sub-call takes, syscall_table.hpp), at compile time only.
consteval Multiplexer ipc_multiplexer(std::string_view name) {
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk)
      if (row.name == name && row.mux.kind == MultiplexerKind::ipc) return row.mux;
  throw "ipc_multiplexer: the description has no ipc sub-call of that name";
}

// A call's name as a template argument (native<"fstat">(...)): what syscall_number resolves
// while the template is instantiated.
template <std::size_t N>
struct CallName {
  char text[N]{};
  consteval CallName(const char (&name)[N]) {  // NOLINT: implicit, from a string literal
    for (std::size_t i = 0; i < N; ++i) text[i] = name[i];
  }
  constexpr std::string_view view() const { return {text, N - 1}; }
};

// The highest number a syscall has on `abi` (x32 without its bit): tables indexed by number
// are this long plus one.
consteval std::uint32_t highest_syscall_number(Abi abi) {
  std::uint32_t highest = 0;
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk) {
      const std::int32_t number = row.numbers[static_cast<std::size_t>(abi)];
      if (number != no && static_cast<std::uint32_t>(number) > highest)
        highest = static_cast<std::uint32_t>(number);
    }
  return highest;
}

}  // namespace syscompat::abi
