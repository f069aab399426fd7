#include "syscompat/abi/syscalls.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "syscompat/abi/carried_tables.hpp"
#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscall_arch_since.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/abi/syscall_rows_check.hpp"  // every row checked while this compiles

namespace syscompat::abi {

// The ABI starts in all_abis order, and every late addition a release and a call the ABI has.
static_assert([] {
  for (std::size_t i = 0; i < all_abis.size(); ++i)
    if (abi_first_releases[i].abi != all_abis[i] || !parse_release(abi_first_releases[i].release))
      return false;
  for (const auto& late : arch_late_additions) {
    if (!parse_release(late.release)) return false;
    bool found = false;
    for (const auto& chunk : syscall_row_chunks)
      for (const SyscallRow& row : chunk)
        found = found ||
                (row.name == late.name && row.numbers[static_cast<std::size_t>(late.abi)] != no);
    if (!found) return false;
  }
  return true;
}());

Release abi_first_release(Abi abi) {
  return *parse_release(abi_first_releases[static_cast<std::size_t>(abi)].release);
}

std::string_view arg_dir_name(ArgDir dir) {
  return dir == ArgDir::in ? "in" : dir == ArgDir::out ? "out" : "inout";
}

std::string Release::str() const {
  std::string text = std::to_string(major) + "." + std::to_string(minor);
  if (patch) text += "." + std::to_string(patch);
  return text;
}

namespace {

// An ABI the program does not carry (carried_tables.hpp) has no calls.
const CarriedTables& abi_table(Abi abi) {
  return carried_tables()[static_cast<std::size_t>(abi)];
}

}  // namespace

std::span<const Syscall> syscalls(Abi abi) {
  return abi_table(abi).calls;
}

const Syscall* find_syscall(Abi abi, std::uint32_t number) {
  const auto calls = syscalls(abi);
  auto it = std::lower_bound(calls.begin(), calls.end(), number,
                             [](const Syscall& call, std::uint32_t n) { return call.number < n; });
  return it != calls.end() && it->number == number ? &*it : nullptr;
}

const Syscall* find_syscall(Abi abi, std::string_view name) {
  const CarriedTables& table = abi_table(abi);
  auto it = std::lower_bound(
      table.calls_by_name.begin(), table.calls_by_name.end(), name,
      [&](std::uint16_t i, std::string_view n) { return table.calls[i].name < n; });
  return it != table.calls_by_name.end() && table.calls[*it].name == name ? &table.calls[*it]
                                                                          : nullptr;
}

// What only a reading for each ABI finds (the compiler has checked every row's notation while
// this file compiled): a struct that ABI does not describe, arguments that do not fit its
// registers, a number used twice, a call with two numbers. The tests' checks, not start-up's.
const std::vector<std::string>& syscall_table_errors() {
  static const std::vector<std::string> errors = [] {
    std::vector<std::string> found;
    for (Abi abi : all_abis) {
      const auto calls = syscalls(abi);
      for (const Syscall& call : calls) {
        const std::string where = "syscall " + std::string(call.name) + ": ";
        for (const auto& arg : call.signature.args) {
          if (arg.struct_name.empty()) continue;
          const StructLayout* layout = find_struct_layout(abi, arg.struct_name);
          if (!layout || !layout->present)
            found.push_back(where + "struct " + std::string(arg.struct_name) +
                            " is not described on " + std::string(abi_name(abi)));
        }
        if (!call.signature.opaque && !place_args(call.signature, abi))
          found.push_back(where + "arguments do not fit the registers of " +
                          std::string(abi_name(abi)));
      }
      for (std::size_t i = 1; i < calls.size(); ++i) {
        const bool alias = calls[i].alias_of == calls[i - 1].name;
        if (calls[i].number == calls[i - 1].number && !alias)
          found.push_back(std::string(abi_name(abi)) + ": number " +
                          std::to_string(calls[i].number) + " is both " +
                          std::string(calls[i - 1].name) + " and " + std::string(calls[i].name));
        for (std::size_t j = 0; j < i; ++j)
          if (calls[j].name == calls[i].name)
            found.push_back(std::string(abi_name(abi)) + ": " + std::string(calls[i].name) +
                            " has two numbers");
      }
    }
    return found;
  }();
  return errors;
}

}  // namespace syscompat::abi
