// The syscall table as run-time data: every syscall of every ABI with its number, typed
// signature, first release and multiplexer. Built from the rows of syscall_table.hpp.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
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

std::string_view arg_scalar_name(ArgScalar scalar);
// Size in bytes on `abi` (a pointer's size for ptr), and whether the value is signed.
std::size_t arg_scalar_size(ArgScalar scalar, Abi abi);
bool arg_scalar_signed(ArgScalar scalar);

enum class ArgDir : std::uint8_t { in, out, inout };
std::string_view arg_dir_name(ArgDir dir);

enum class ArgForm : std::uint8_t {
  value,          // the scalar itself, in registers
  pointer,        // points to a scalar, a struct, or an array of them
  string,         // NUL-terminated, read
  string_vector,  // NULL-terminated array of strings, read
  address,        // a user address not accessed through its type (ptr)
};

struct ArgCount {
  enum class Kind : std::uint8_t { one, fixed, argument, pointee } kind = Kind::one;
  std::size_t fixed = 0;
  std::string argument;   // for argument and pointee
  std::size_t index = 0;  // that argument's position, found when the row is parsed
};

struct SyscallArg {
  std::string name;
  ArgForm form = ArgForm::value;
  ArgDir dir = ArgDir::in;
  ArgScalar scalar = ArgScalar::long_;  // value, or what a scalar pointer points to
  std::string struct_name;              // pointer to a described struct
  ArgCount count;                       // elements a pointer covers
  std::string spelling;                 // the type as written, for printing
};

struct Signature {
  bool opaque = true;
  ArgScalar ret = ArgScalar::long_;
  std::vector<SyscallArg> args;
  std::string text;  // as written in the row
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
  std::size_t slot = 0;
  std::size_t slots = 1;
};

// One syscall on one ABI.
struct Syscall {
  std::string_view name;
  Abi abi = Abi::i386;
  std::uint32_t number = 0;  // what goes in the syscall register (x32: with its bit)
  Release since;
  Signature signature;
  Multiplexer mux;
  std::string_view alias_of;  // another name the headers give the same number
  // The registers each argument takes: place_args (syscall_args.hpp), computed once.
  std::vector<ArgPlacement> placement;
};

// Every syscall of `abi`, sorted by number.
const std::vector<Syscall>& syscalls(Abi abi);
const Syscall* find_syscall(Abi abi, std::uint32_t number);
const Syscall* find_syscall(Abi abi, std::string_view name);
// What is wrong with the table itself (unparsable signatures or releases, a number used
// twice on one ABI, a struct no description has): empty when the table is sound.
const std::vector<std::string>& syscall_table_errors();

}  // namespace syscompat::abi

// parse_signature and parse_release: constexpr, so defined in the header.
#include "syscompat/abi/signature_notation.hpp"  // IWYU pragma: export
