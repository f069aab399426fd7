// The ioctl table as run-time data: every described request on every ABI with its number,
// its argument and the bytes that argument covers. Built once from the rows of
// ioctl_table.hpp; the translators and the checker read it, nothing parses it per call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/ioctl_table.hpp"
#include "syscompat/abi/models.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

enum class IoctlArgKind : std::uint8_t { none, value, pointer };

struct IoctlArg {
  IoctlArgKind kind = IoctlArgKind::none;
  ArgDir dir = ArgDir::in;
  std::string type;         // as written: "c_int", "struct loop_info64", "u64[2]"
  std::string scalar;       // the scalar's description name, or empty for a struct
  std::string struct_name;  // a described struct, or empty
  std::size_t count = 1;    // array elements
  // What follows the struct, when the request carries a variable part (FIEMAP's extents):
  // `element` repeated as many times as the struct's member `count_member` says.
  std::string trailing_struct;  // a described struct, or empty for a scalar
  std::string trailing_scalar;
  std::string count_member;
};

// A request's encoding, parsed: a fixed number or an _IOC.
struct IoctlEncoding {
  enum class Kind : std::uint8_t { fixed, io, ior, iow, iowr } kind = Kind::fixed;
  std::uint32_t number = 0;  // fixed
  std::uint32_t type = 0, nr = 0;
  IoctlArg size_type;  // what _IOC's size is the sizeof of
};

struct Ioctl {
  std::string_view name;
  std::string_view header;
  std::string_view family;
  Abi abi = Abi::i386;
  std::uint32_t number = 0;
  IoctlArg arg;
  std::size_t arg_size = 0;  // bytes the argument covers on this ABI (pointers only)
  // With a trailing part: each element's size, and where the count lies in the struct.
  std::size_t trailing_element = 0, count_offset = 0, count_size = 0;
  std::optional<Release> since;    // newer than the checked headers
  std::string_view request_text;   // the row's request, for printing
  std::string_view argument_text;  // the row's argument
};

std::optional<IoctlEncoding> parse_ioctl_encoding(std::string_view text, std::string& error);
std::optional<IoctlArg> parse_ioctl_argument(std::string_view text, std::string& error);
// The bytes TYPE covers on `abi` (a scalar's or described struct's size times the count),
// or nullopt when the type is unknown or absent there.
std::optional<std::size_t> ioctl_type_size(const IoctlArg& type, Abi abi);
// _IOC on `abi`: mips has 13 size bits, 3 direction bits and its own direction values.
std::uint32_t ioctl_number(const IoctlEncoding& encoding, Abi abi, std::size_t size);

// Every described request of `abi`, sorted by number (rows sharing a number keep row order).
const std::vector<Ioctl>& ioctls(Abi abi);
const Ioctl* find_ioctl(Abi abi, std::uint32_t number);
const Ioctl* find_ioctl(Abi abi, std::string_view name);
// How many rows the table has, and what is wrong with it (unparsable rows, a struct no
// description has, one name twice, one number for two requests with different arguments).
std::size_t ioctl_row_count();
const std::vector<std::string>& ioctl_table_errors();

}  // namespace syscompat::abi
