// The i386 plans as compile-time data, for the translators' own files: where each call's plan
// is in the one array of plans (i386_plans.cpp builds it while it compiles), so that a
// handler names the plan of a sub-call (ipc's semop, socketcall's accept) and gets its
// address as a constant; and the hand-written handlers' tables, indexed by the i386 number.
// Nothing here is looked up by name when a program runs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/translators/i386.hpp"

namespace syscompat::translators::i386_plan_table {

using abi::Abi;

// ---- where a plan is, read from the rows ------------------------------------------------
//
// The plans are every i386 call in number order, then the calls i386 reaches only through a
// multiplexer (x86_64's rows of socketcall's and ipc's sub-calls that i386 has no call of
// that name for), in x86_64's number order.

template <class F>
constexpr void for_each_row(F&& f) {
  for (const auto& chunk : abi::syscall_row_chunks)
    for (const abi::SyscallRow& row : chunk) f(row);
}

constexpr std::int32_t row_number(const abi::SyscallRow& row, Abi abi) {
  return row.numbers[static_cast<std::size_t>(abi)];
}

constexpr bool has_i386_call(std::string_view name) {
  bool found = false;
  for_each_row([&](const abi::SyscallRow& row) {
    found = found || (row.name == name && row_number(row, Abi::i386) != abi::no);
  });
  return found;
}

// An x86_64 row that i386 reaches only through socketcall or ipc.
constexpr bool multiplexed_only(const abi::SyscallRow& row) {
  return row_number(row, Abi::x86_64) != abi::no && row.mux.kind != abi::MultiplexerKind::none &&
         !has_i386_call(row.name);
}

consteval std::size_t count_i386_calls() {
  std::size_t count = 0;
  for_each_row([&](const abi::SyscallRow& row) { count += row_number(row, Abi::i386) != abi::no; });
  return count;
}
consteval std::size_t count_multiplexed() {
  std::size_t count = 0;
  for_each_row([&](const abi::SyscallRow& row) { count += multiplexed_only(row); });
  return count;
}
inline constexpr std::size_t i386_call_count = count_i386_calls();
inline constexpr std::size_t plan_count = i386_call_count + count_multiplexed();
inline constexpr std::size_t no_plan = static_cast<std::size_t>(-1);

// The position of the plan of the call `name` (an i386 call, or one i386 reaches only through
// a multiplexer), or no_plan.
constexpr std::size_t plan_index_or_none(std::string_view name) {
  std::size_t index = no_plan;
  for_each_row([&](const abi::SyscallRow& row) {
    if (index != no_plan || row.name != name) return;
    if (const std::int32_t number = row_number(row, Abi::i386); number != abi::no) {
      std::size_t below = 0;
      for_each_row([&](const abi::SyscallRow& other) {
        const std::int32_t n = row_number(other, Abi::i386);
        below += n != abi::no && n < number;
      });
      index = below;
    } else if (multiplexed_only(row)) {
      const std::int32_t number = row_number(row, Abi::x86_64);
      std::size_t below = 0;
      for_each_row([&](const abi::SyscallRow& other) {
        below += multiplexed_only(other) && row_number(other, Abi::x86_64) < number;
      });
      index = i386_call_count + below;
    }
  });
  return index;
}

consteval std::size_t plan_index(std::string_view name) {
  const std::size_t index = plan_index_or_none(name);
  // Not a constant expression: the compiler stops here and names the call.
  if (index == no_plan) throw "plan_index: no i386 call, nor multiplexed one, of this name";
  return index;
}

// Every plan (i386_plans.cpp).
extern const std::array<CallPlan, plan_count> all_plans;

// The plan of a call named while this compiles: an address, not a search.
template <abi::CallName name>
constexpr const CallPlan* named_plan() {
  return all_plans.data() + plan_index(name.view());
}

// ---- the hand-written handlers' tables ---------------------------------------------------

// A handler by the name of the i386 call it serves, as its file lists them.
template <class Handler>
struct Named {
  std::string_view name;
  Handler handler;
};

template <class Handler>
using ByNumber = std::array<Handler, abi::highest_syscall_number(Abi::i386) + 1>;

// A file's handlers indexed by the i386 number: a name the description has no i386 call of
// is a compile error.
template <class Handler, std::size_t N>
consteval ByNumber<Handler> by_number(const Named<Handler> (&named)[N]) {
  ByNumber<Handler> table{};
  for (const Named<Handler>& entry : named) {
    std::int32_t number = abi::no;  // (syscall_number's loop: clang 14 cannot nest consteval calls)
    for_each_row([&](const abi::SyscallRow& row) {
      if (row.name == entry.name && row_number(row, Abi::i386) != abi::no)
        number = row_number(row, Abi::i386);
    });
    if (number == abi::no) throw "by_number: the description has no i386 call of this name";
    if (table[static_cast<std::size_t>(number)]) throw "by_number: a call with two handlers";
    table[static_cast<std::size_t>(number)] = entry.handler;
  }
  return table;
}

}  // namespace syscompat::translators::i386_plan_table
