// The syscall table's compile-time data: every row's signature parsed, and each ABI's calls
// sorted by number, evaluated while the including file compiles. The library keeps them
// (syscalls.cpp: abi::syscalls); code that derives its own compile-time tables from the
// calls themselves (the i386 translators' plans) includes this header to take their
// addresses as constants. One definition: the variables are inline, so every file that
// includes this one shares them.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "syscompat/abi/syscall_arch_since.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi::table {

// ---- the table, built while the including file compiles --------------------------------
//
// The rows (syscall_rows/*.hpp) are read by the constexpr parser here, once: every row's
// signature into one array of arguments, then each ABI's calls into an array sorted by number
// with an index sorted by name. A program that starts finds them in its read-only data;
// nothing is parsed, allocated or sorted at run time.

// Two names the headers give one number, the first being the old spelling of the second:
// both are listed, lookups by number find the second.
struct NumberAlias {
  Abi abi;
  std::string_view name, alias_of;
};
inline constexpr NumberAlias number_aliases[] = {
    // arm's asm/unistd.h keeps 2.6.20's name beside 2.6.22's generic one
    {Abi::arm_eabi, "arm_sync_file_range", "sync_file_range2"},
};

consteval std::size_t count_rows() {
  std::size_t count = 0;
  for (const auto& chunk : syscall_row_chunks) count += chunk.size();
  return count;
}
inline constexpr std::size_t row_count = count_rows();

// Every row in turn, across the chunks: f(row index, row).
template <class F>
constexpr void for_each_row(F&& f) {
  std::size_t index = 0;
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk) f(index++, row);
}

// A row's signature parsed (syscall_rows_check.hpp has already refused a malformed one with
// its reason; this parse cannot fail, and a failure would not be a constant expression).
constexpr ParsedSignature parse_row(const SyscallRow& row) {
  NotationError error;
  return parse_signature(row.signature, error).value();
}

constexpr std::size_t count_args() {
  std::size_t count = 0;
  for_each_row([&](std::size_t, const SyscallRow& row) { count += parse_row(row).arg_count; });
  return count;
}

// A row's signature without its arguments: where they are in ParsedRows::args.
struct RowSignature {
  bool opaque = true;
  ArgScalar ret = ArgScalar::long_;
  std::uint16_t first = 0;
  std::uint8_t count = 0;
};

struct ParsedRows {
  std::array<SyscallArg, count_args()> args{};
  std::array<RowSignature, row_count> rows{};
};

constexpr ParsedRows parse_rows() {
  ParsedRows parsed;
  std::size_t next = 0;
  for_each_row([&](std::size_t index, const SyscallRow& row) {
    const ParsedSignature signature = parse_row(row);
    parsed.rows[index] = {signature.opaque, signature.ret, static_cast<std::uint16_t>(next),
                          static_cast<std::uint8_t>(signature.arg_count)};
    for (const SyscallArg& arg : signature.args()) parsed.args[next++] = arg;
  });
  return parsed;
}

inline constexpr ParsedRows parsed_rows = parse_rows();

template <Abi A>
constexpr std::size_t count_calls() {
  std::size_t count = 0;
  for_each_row([&](std::size_t, const SyscallRow& row) {
    count += row.numbers[static_cast<std::size_t>(A)] != no;
  });
  return count;
}

template <Abi A>
constexpr std::array<Syscall, count_calls<A>()> build_calls() {
  std::array<Syscall, count_calls<A>()> calls{};
  std::size_t next = 0;
  for_each_row([&](std::size_t index, const SyscallRow& row) {
    const std::int32_t number = row.numbers[static_cast<std::size_t>(A)];
    if (number == no) return;
    const RowSignature& parsed = parsed_rows.rows[index];
    Syscall& call = calls[next++];
    call.name = row.name;
    call.abi = A;
    call.number = register_number(A, number);
    call.since = (A == Abi::i386 && !row.since_i386.empty()) ? *parse_release(row.since_i386)
                                                             : *parse_release(row.since);
    // no earlier than the ABI itself, nor than the release that gave this ABI the call
    call.since = std::max(call.since,
                          *parse_release(abi_first_releases[static_cast<std::size_t>(A)].release));
    for (const auto& late : arch_late_additions)
      if (late.abi == A && late.name == row.name)
        call.since = std::max(call.since, *parse_release(late.release));
    call.signature = {parsed.opaque, parsed.ret,
                      ArgList(parsed_rows.args.data() + parsed.first, parsed.count), row.signature};
    call.mux = row.mux;
    for (const auto& alias : number_aliases)
      if (alias.abi == A && alias.name == row.name) call.alias_of = alias.alias_of;
    // Arguments that do not fit the ABI's registers leave it empty: syscall_table_errors says so.
    if (!call.signature.opaque)
      call.placement = place_args(call.signature, A).value_or(ArgPlacements{});
  });
  std::sort(calls.begin(), calls.end(), [](const Syscall& a, const Syscall& b) {
    return a.number != b.number ? a.number < b.number : a.alias_of.empty() > b.alias_of.empty();
  });
  return calls;
}

template <Abi A>
inline constexpr auto abi_calls = build_calls<A>();

// Each ABI's calls by name: positions in abi_calls, sorted by the name there.
template <Abi A>
constexpr std::array<std::uint16_t, count_calls<A>()> build_name_index() {
  std::array<std::uint16_t, count_calls<A>()> index{};
  for (std::size_t i = 0; i < index.size(); ++i) index[i] = static_cast<std::uint16_t>(i);
  std::sort(index.begin(), index.end(), [](std::uint16_t a, std::uint16_t b) {
    const std::string_view x = abi_calls<A>[a].name, y = abi_calls<A>[b].name;
    return x != y ? x < y : a < b;
  });
  return index;
}

template <Abi A>
inline constexpr auto abi_name_index = build_name_index<A>();

}  // namespace syscompat::abi::table
