// The rows of the syscall table checked while the code compiles, by the parser that reads
// them (signature_notation.hpp): every signature parses, every release is a release, an ipc
// sub-call's arguments name one ipc() argument each of its signature's. A row
// that does not is a compile error that names the call and says what is wrong, so a
// malformed row never reaches a test, let alone a program. The library includes this header
// (abi/src/syscalls.cpp), so the check runs whenever the rows change.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "syscompat/abi/signature_notation.hpp"
#include "syscompat/abi/syscall_rows.hpp"

namespace syscompat::abi {

// What is wrong with a row, as text a template argument can carry into the compiler's
// message; empty when nothing is.
struct RowProblem {
  std::array<char, 240> text{};
  constexpr bool empty() const { return text[0] == '\0'; }
};

consteval RowProblem first_malformed_row(std::span<const SyscallRow> rows) {
  RowProblem problem;
  for (const SyscallRow& row : rows) {
    NotationError error, why;
    const auto signature = parse_signature(row.signature, why);
    const IpcArguments ipc_args = ipc_arguments(row.mux.args);
    if (!signature)
      error << "signature of " << row.name << ": " << why.view();
    else if (!row.mux.args.empty() && (!ipc_args.valid || ipc_args.count != signature->arg_count))
      error << "ipc arguments of " << row.name << ": '" << row.mux.args << "'";
    else if (!parse_release(row.since))
      error << "release of " << row.name << ": '" << row.since << "'";
    else if (!row.since_i386.empty() && !parse_release(row.since_i386))
      error << "i386 release of " << row.name << ": '" << row.since_i386 << "'";
    if (error.empty()) continue;
    const std::string_view text = error.view();
    for (std::size_t i = 0; i < text.size() && i + 1 < problem.text.size(); ++i)
      problem.text[i] = text[i];
    break;
  }
  return problem;
}

// Instantiated with the problem found: its text is in the compiler's message.
template <RowProblem problem>
constexpr bool well_formed() {
  static_assert(problem.empty(), "a syscall row is malformed (the row and why: see RowProblem)");
  return problem.empty();
}

static_assert(well_formed<first_malformed_row(syscall_rows_a_e)>());
static_assert(well_formed<first_malformed_row(syscall_rows_f_g)>());
static_assert(well_formed<first_malformed_row(syscall_rows_h_o)>());
static_assert(well_formed<first_malformed_row(syscall_rows_p_r)>());
static_assert(well_formed<first_malformed_row(syscall_rows_s)>());
static_assert(well_formed<first_malformed_row(syscall_rows_t_z)>());

}  // namespace syscompat::abi
