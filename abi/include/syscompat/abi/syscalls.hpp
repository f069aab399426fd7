// The syscall table as run-time data: every syscall of every ABI with its number, typed
// signature, first release and multiplexer. Built from the rows of syscall_table.hpp.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/models.hpp"
#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {

// The scalar types a signature names; their sizes come from the data model.
enum class ArgScalar : std::uint8_t {
  int_,
  uint,
  long_,
  ulong,
  size,
  ssize,
  off,
  loff,
  u16,
  u32,
  s32,
  u64,
  s64,
  pid,
  uid,
  gid,
  old_uid,
  old_gid,
  umode,
  fd,
  key,
  clockid,
  timer,
  mqd,
  aio_context,
  rwf,
  time,
  char_,
  void_,
  ptr
};

// arg_scalar_name, arg_scalar_size and arg_scalar_signed: constexpr, in
// signature_notation.hpp (included at the end).

enum class ArgDir : std::uint8_t { in, out, inout };
std::string_view arg_dir_name(ArgDir dir);

enum class ArgForm : std::uint8_t {
  value,          // the scalar itself, in registers
  pointer,        // points to a scalar, a struct, or an array of them
  string,         // NUL-terminated, read
  string_vector,  // NULL-terminated array of strings, read
  address,        // a user address not accessed through its type (ptr)
};

// The most arguments a signature may have: mips o32's indirect `syscall` has eight.
inline constexpr std::size_t max_syscall_args = 8;

// The types below are literal and hold no owning container: the table is built while the
// library compiles (syscalls.cpp) and is read-only data when a program starts. Their text is
// views of the rows' own strings. They are kept small, and hold as few pointers as they can
// (each is a relocation that a static PIE applies to every page of the table at start-up):
// what lies at a known distance from an argument's name is found from the name.

struct ArgCount {
  enum class Kind : std::uint8_t { one, fixed, argument, pointee } kind = Kind::one;
  std::uint8_t index = 0;   // for argument and pointee: that argument's position (its name:
                            // the signature's args[index].name)
  std::uint32_t fixed = 0;  // for fixed
};

struct SyscallArg {
  std::string_view name;
  std::string_view struct_name;  // pointer to a described struct
  ArgCount count;                // elements a pointer covers
  ArgForm form = ArgForm::value;
  ArgDir dir = ArgDir::in;
  ArgScalar scalar = ArgScalar::long_;  // value, or what a scalar pointer points to
  // The type as written, for printing: it ends before the name in the row's text, and
  // begins spelling_back characters before the name.
  std::uint8_t spelling_back = 0, spelling_size = 0;
  constexpr std::string_view spelling() const {
    return {name.data() - spelling_back, spelling_size};
  }
};

// A call's arguments: a view of the table's (or a ParsedSignature's) arguments.
using ArgList = std::span<const SyscallArg>;

struct Signature {
  bool opaque = true;
  ArgScalar ret = ArgScalar::long_;
  ArgList args;
  std::string_view text;  // as written in the row
};

// What parse_signature returns: a signature with its arguments held in place. The table keeps
// every row's arguments in one array and its Signatures view them.
struct ParsedSignature {
  bool opaque = true;
  ArgScalar ret = ArgScalar::long_;
  std::array<SyscallArg, max_syscall_args> arg_storage{};
  std::size_t arg_count = 0;
  std::string_view text;

  constexpr ArgList args() const { return {arg_storage.data(), arg_count}; }
  // Valid while this object lives.
  constexpr Signature view() const { return {opaque, ret, args(), text}; }
};

struct Release {
  int major = 0, minor = 0, patch = 0;
  auto operator<=>(const Release&) const = default;
  std::string str() const;
};

// The first release with `abi`'s own syscall entry (syscall_arch_since.hpp): no call is
// older there.
Release abi_first_release(Abi abi);

// Where an argument lives in a syscall's registers: its first slot and how many it takes.
struct ArgPlacement {
  std::uint8_t slot = 0;
  std::uint8_t slots = 1;
};

// Where each argument of a call goes: at most one placement per argument.
class ArgPlacements {
 public:
  constexpr void push_back(ArgPlacement placement) { placements_[count_++] = placement; }
  constexpr std::size_t size() const { return count_; }
  constexpr bool empty() const { return count_ == 0; }
  constexpr const ArgPlacement& operator[](std::size_t i) const { return placements_[i]; }
  constexpr const ArgPlacement* begin() const { return placements_.data(); }
  constexpr const ArgPlacement* end() const { return placements_.data() + count_; }

 private:
  std::array<ArgPlacement, max_syscall_args> placements_{};
  std::uint8_t count_ = 0;
};

// One syscall on one ABI. (The members are in the order that leaves the least padding.)
struct Syscall {
  std::string_view name;
  Signature signature;
  std::string_view alias_of;  // another name the headers give the same number
  std::uint32_t number = 0;   // what goes in the syscall register (x32: with its bit)
  Release since;
  Abi abi = Abi::i386;
  Multiplexer mux;
  // The registers each argument takes: place_args (syscall_args.hpp), computed once.
  ArgPlacements placement;
};

// Every syscall of `abi`, sorted by number: compile-time data.
std::span<const Syscall> syscalls(Abi abi);
const Syscall* find_syscall(Abi abi, std::uint32_t number);
const Syscall* find_syscall(Abi abi, std::string_view name);
// What is wrong with the table itself (unparsable signatures or releases, a number used
// twice on one ABI, a struct no description has): empty when the table is sound.
const std::vector<std::string>& syscall_table_errors();

}  // namespace syscompat::abi

// parse_signature, parse_release and the scalars' names and sizes: constexpr, so defined in
// the header.
#include "syscompat/abi/signature_notation.hpp"  // IWYU pragma: export
