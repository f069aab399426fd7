// The notation of the constant vocabularies (constants.hpp): the names of the flags and
// values the syscalls take (open flags, mmap prot and flags, clone flags, signals, errno,
// socket families and options, fcntl commands, ...) with their value on every ABI. The rows
// live in constants/*.hpp as compile-time data, one row per constant; a value that differs
// between ABIs (mips's signals, errno and O_* flags, arm's O_DIRECTORY) is stated once in its
// row. `syscompat constants --check` compares every value with each ABI's headers, gcc and
// clang; the trace decoder (trace_decode.hpp) names arguments and results with them.
//
// A row:
//
//   {"O_DIRECTORY", 0200000, {arm, 040000}}      0200000, but 040000 on arm_eabi and aarch64
//   {"SIGBUS", 7, {mips, 10}}                    7, but 10 on mips o32
//   {"MAP_32BIT", absent, {x86, 0x40}}           only on the x86 ABIs
//   {"F_GETLK64", absent, {mips, 33}, {ilp32, 12}}
//
// The first matching exception wins, so a narrower set is written before a wider one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

// A set of ABIs, one bit per Abi.
using AbiSet = std::uint8_t;
constexpr AbiSet abi_bit(Abi abi) {
  return static_cast<AbiSet>(1u << static_cast<unsigned>(abi));
}
constexpr bool contains(AbiSet set, Abi abi) {
  return (set & abi_bit(abi)) != 0;
}
namespace abis {
inline constexpr AbiSet x86 = abi_bit(Abi::i386) | abi_bit(Abi::x86_64) | abi_bit(Abi::x32);
inline constexpr AbiSet arm = abi_bit(Abi::arm_eabi) | abi_bit(Abi::aarch64);
inline constexpr AbiSet mips = abi_bit(Abi::mips_o32);
inline constexpr AbiSet arm_eabi = abi_bit(Abi::arm_eabi);
inline constexpr AbiSet i386 = abi_bit(Abi::i386);
// __BITS_PER_LONG == 32 in the UAPI headers (x32's long is 32 bits)
inline constexpr AbiSet ilp32 =
    abi_bit(Abi::i386) | abi_bit(Abi::x32) | abi_bit(Abi::arm_eabi) | abi_bit(Abi::mips_o32);
inline constexpr AbiSet lp64 = abi_bit(Abi::x86_64) | abi_bit(Abi::aarch64) | abi_bit(Abi::riscv64);
}  // namespace abis

inline constexpr std::int64_t absent = INT64_MIN;  // the constant does not exist there

struct AbiValue {
  AbiSet abis = 0;
  std::int64_t value = 0;
};

// A constant's name, held in its row: the rows hold no pointer, so a program keeps them in the
// read-only data it maps from its file. (A std::string_view is a pointer that a static PIE
// relocates at each start, copying every page that holds one: the 900 rows were 14 pages of
// syscompat-run32.) Written as a string literal in the rows; a name longer than `capacity`
// does not compile.
class ConstantName {
 public:
  static constexpr std::size_t capacity = 31;
  template <std::size_t N>
  constexpr ConstantName(const char (&name)[N])  // the rows write names as literals
      : size_(static_cast<std::uint8_t>(N - 1)) {
    static_assert(N - 1 <= capacity, "a constant's name longer than ConstantName::capacity");
    for (std::size_t i = 0; i + 1 < N; ++i) text_[i] = name[i];
  }
  // Views of the row's own characters: not of a temporary, which would leave them dangling
  // (`row ? row->name : ""` makes a ConstantName of ""; write `row->name.view()` there).
  constexpr std::string_view view() const& { return {text_.data(), size_}; }
  constexpr operator std::string_view() const& { return view(); }
  std::string_view view() const&& = delete;
  operator std::string_view() const&& = delete;
  friend constexpr bool operator==(const ConstantName& a, std::string_view b) {
    return a.view() == b;
  }

 private:
  std::array<char, capacity> text_{};
  std::uint8_t size_ = 0;
};

struct ConstantRow {
  ConstantName name;
  std::int64_t value;  // on every ABI no exception names
  AbiValue except = {}, except2 = {};
};

constexpr std::optional<std::int64_t> constant_value(const ConstantRow& row, Abi abi) {
  std::int64_t value = row.value;
  if (contains(row.except.abis, abi))
    value = row.except.value;
  else if (contains(row.except2.abis, abi))
    value = row.except2.value;
  if (value == absent) return std::nullopt;
  return value;
}

// How the decoder shows a value of the vocabulary.
enum class VocabularyKind : std::uint8_t {
  flags,  // bits, joined with '|', unknown bits kept in hex
  values  // one name per value (an enum)
};

// Where the checker finds the constants: the kernel's UAPI headers alone, or glibc's
// (socket families and types exist only there).
enum class HeaderSide : std::uint8_t { uapi, libc };

struct Vocabulary {
  std::string_view name;  // "open_flags", "signals", ...
  VocabularyKind kind;
  std::string_view headers;  // what the checker includes, space-separated
  HeaderSide side;
  std::span<const ConstantRow> rows;
  // Set for the bit-fields of a C struct (no macro names them): "user_desc.flags", the
  // described struct and its member holding the fields' unit. Each row is a field's mask in
  // that unit, named as the header names the field; the checker sets the field in a
  // compiled struct of the header's and reads the unit back.
  std::string_view bit_fields_of = {};
};

// The row named `name` in `rows`, at compile time (a missing name does not compile there).
constexpr const ConstantRow& constant_row(std::span<const ConstantRow> rows,
                                          std::string_view name) {
  for (const auto& row : rows)
    if (row.name == name) return row;
  throw "no such constant";
}

// The same, always while the code compiles (an immediate function): what the decoder uses, so
// that no constant is looked up by name while it runs.
consteval const ConstantRow& named_row(std::span<const ConstantRow> rows, std::string_view name) {
  return constant_row(rows, name);
}

}  // namespace syscompat::abi
