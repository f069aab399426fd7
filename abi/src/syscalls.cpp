#include "syscompat/abi/syscalls.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscall_arch_since.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/abi/syscall_rows_check.hpp"  // every row checked while this compiles

namespace syscompat::abi {

namespace {

using notation::scalar_infos;
using notation::ScalarInfo;

const ScalarInfo& info(ArgScalar scalar) {
  return scalar_infos[static_cast<std::size_t>(scalar)];
}

}  // namespace

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
  return parse_release(abi_first_releases[static_cast<std::size_t>(abi)].release)
      .value_or(Release{});
}

std::string_view arg_scalar_name(ArgScalar scalar) {
  return info(scalar).name;
}
bool arg_scalar_signed(ArgScalar scalar) {
  return info(scalar).is_signed;
}

namespace {

std::size_t compute_scalar_size(ArgScalar scalar, Abi abi) {
  const ModelLayout& model = model_layout(abi);
  auto scalar_size = [&](std::string_view name) -> std::size_t {
    for (const auto& s : model.scalars)
      if (s.name == name) return s.size;
    return 0;
  };
  switch (scalar) {
    case ArgScalar::int_:
    case ArgScalar::uint:
    case ArgScalar::u32:
    case ArgScalar::s32:
    case ArgScalar::pid:
    case ArgScalar::uid:
    case ArgScalar::gid:
    case ArgScalar::fd:
    case ArgScalar::key:
    case ArgScalar::clockid:
    case ArgScalar::timer:
    case ArgScalar::mqd:
    case ArgScalar::rwf:
      return 4;
    case ArgScalar::long_:
    case ArgScalar::ulong:
    case ArgScalar::size:
    case ArgScalar::ssize:
    case ArgScalar::ptr:
      return scalar_size("ptr");
    case ArgScalar::off:
    case ArgScalar::time:
      return scalar_size("kernel_long");
    case ArgScalar::aio_context:
      return scalar_size("kernel_ulong");
    case ArgScalar::loff:
    case ArgScalar::u64:
    case ArgScalar::s64:
      return 8;
    case ArgScalar::u16:
    case ArgScalar::umode:
      return 2;
    case ArgScalar::old_uid:
    case ArgScalar::old_gid:
      return scalar_size("kernel_old_uid");
    case ArgScalar::char_:
      return 1;
    case ArgScalar::void_:
      return 0;
  }
  return 0;
}

}  // namespace

// Sizes come from the data models once, then from a table: decoding asks on every call.
std::size_t arg_scalar_size(ArgScalar scalar, Abi abi) {
  static const auto sizes = [] {
    std::array<std::array<std::uint8_t, scalar_infos.size()>, all_abis.size()> table{};
    for (Abi a : all_abis)
      for (const auto& entry : scalar_infos)
        table[static_cast<std::size_t>(a)][static_cast<std::size_t>(entry.scalar)] =
            static_cast<std::uint8_t>(compute_scalar_size(entry.scalar, a));
    return table;
  }();
  return sizes[static_cast<std::size_t>(abi)][static_cast<std::size_t>(scalar)];
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

// Two names the headers give one number, the first being the old spelling of the second:
// both are listed, lookups by number find the second.
struct NumberAlias {
  Abi abi;
  std::string_view name, alias_of;
};
constexpr NumberAlias number_aliases[] = {
    // arm's asm/unistd.h keeps 2.6.20's name beside 2.6.22's generic one
    {Abi::arm_eabi, "arm_sync_file_range", "sync_file_range2"},
};

// One ABI's calls read from the rows, sorted by number. The compiler has checked every row
// (syscall_rows_check.hpp); when `errors` is given, what only a reading for an ABI finds is
// added to it (a struct that ABI does not describe, arguments that do not fit its registers,
// a number used twice, a call with two numbers). Start-up asks without: those checks are the
// tests' (syscall_table_errors), not every program's.
std::vector<Syscall> read_abi(Abi abi, std::vector<std::string>* errors) {
  std::vector<Syscall> calls;
  for (const auto& chunk : syscall_row_chunks)
    for (const SyscallRow& row : chunk) {
      const std::int32_t number = row.numbers[static_cast<std::size_t>(abi)];
      if (number == no) continue;
      const std::string where = errors ? "syscall " + std::string(row.name) + ": " : "";
      std::string error;
      auto signature = parse_signature(row.signature, error);
      if (!signature) {
        if (errors)
          errors->push_back(where + "signature '" + std::string(row.signature) + "': " + error);
        signature = Signature{};
      }
      auto since = parse_release(row.since);
      if (!since && errors)
        errors->push_back(where + "bad release '" + std::string(row.since) + "'");
      std::optional<Release> since_i386;
      if (!row.since_i386.empty()) {
        since_i386 = parse_release(row.since_i386);
        if (!since_i386 && errors)
          errors->push_back(where + "bad i386 release '" + std::string(row.since_i386) + "'");
      }
      Syscall call;
      call.name = row.name;
      call.abi = abi;
      call.number = register_number(abi, number);
      call.since = (abi == Abi::i386 && since_i386) ? *since_i386 : since.value_or(Release{});
      // no earlier than the ABI itself, nor than the release that gave this ABI the call
      call.since = std::max(call.since, abi_first_release(abi));
      for (const auto& late : arch_late_additions)
        if (late.abi == abi && late.name == row.name)
          call.since = std::max(call.since, parse_release(late.release).value_or(Release{}));
      call.signature = std::move(*signature);
      call.mux = row.mux;
      for (const auto& alias : number_aliases)
        if (alias.abi == abi && alias.name == row.name) call.alias_of = alias.alias_of;
      if (errors)
        for (const auto& arg : call.signature.args) {
          if (arg.struct_name.empty()) continue;
          const StructLayout* layout = find_struct_layout(abi, arg.struct_name);
          if (!layout || !layout->present)
            errors->push_back(where + "struct " + arg.struct_name + " is not described on " +
                              std::string(abi_name(abi)));
        }
      if (!call.signature.opaque) {
        if (auto placement = place_args(call.signature, abi))
          call.placement = std::move(*placement);
        else if (errors)
          errors->push_back(where + "arguments do not fit the registers of " +
                            std::string(abi_name(abi)));
      }
      calls.push_back(std::move(call));
    }
  std::sort(calls.begin(), calls.end(), [](const Syscall& a, const Syscall& b) {
    return a.number != b.number ? a.number < b.number : a.alias_of.empty() > b.alias_of.empty();
  });
  if (errors)
    for (std::size_t i = 1; i < calls.size(); ++i) {
      const bool alias = calls[i].alias_of == calls[i - 1].name;
      if (calls[i].number == calls[i - 1].number && !alias)
        errors->push_back(std::string(abi_name(abi)) + ": number " +
                          std::to_string(calls[i].number) + " is both " +
                          std::string(calls[i - 1].name) + " and " + std::string(calls[i].name));
      for (std::size_t j = 0; j < i; ++j)
        if (calls[j].name == calls[i].name)
          errors->push_back(std::string(abi_name(abi)) + ": " + std::string(calls[i].name) +
                            " has two numbers");
    }
  return calls;
}

struct AbiTable {
  std::vector<Syscall> calls;
  // Lookups by name (tools, plan building, tests): hashed once here, not searched.
  std::unordered_map<std::string_view, const Syscall*> by_name;
};

// Each ABI's table is read the first time it is asked for: run32 reads two or three of the
// seven.
const AbiTable& abi_table(Abi abi) {
  static std::array<std::once_flag, all_abis.size()> once;
  static std::array<AbiTable, all_abis.size()> tables;
  const auto i = static_cast<std::size_t>(abi);
  std::call_once(once[i], [&] {
    tables[i].calls = read_abi(abi, nullptr);
    tables[i].by_name.reserve(tables[i].calls.size());
    for (const auto& call : tables[i].calls) tables[i].by_name.emplace(call.name, &call);
  });
  return tables[i];
}

}  // namespace

const std::vector<Syscall>& syscalls(Abi abi) {
  return abi_table(abi).calls;
}

const Syscall* find_syscall(Abi abi, std::uint32_t number) {
  const auto& calls = syscalls(abi);
  auto it = std::lower_bound(calls.begin(), calls.end(), number,
                             [](const Syscall& call, std::uint32_t n) { return call.number < n; });
  return it != calls.end() && it->number == number ? &*it : nullptr;
}

const Syscall* find_syscall(Abi abi, std::string_view name) {
  const auto& index = abi_table(abi).by_name;
  auto found = index.find(name);
  return found == index.end() ? nullptr : found->second;
}

const std::vector<std::string>& syscall_table_errors() {
  static const std::vector<std::string> errors = [] {
    std::vector<std::string> found;
    for (Abi abi : all_abis) read_abi(abi, &found);
    return found;
  }();
  return errors;
}

}  // namespace syscompat::abi
