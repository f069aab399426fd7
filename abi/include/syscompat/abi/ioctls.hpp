// The ioctl table: every described request on every ABI with its number, its argument and
// the bytes that argument covers. Built while the library compiles (ioctl_table_data.hpp)
// from the rows of ioctl_table.hpp by the constexpr parser below: a malformed row is a
// compile error, and a program finds each ABI's requests sorted by number in its read-only
// data; nothing is parsed, allocated or sorted at run time.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "syscompat/abi/ioctl_table.hpp"
#include "syscompat/abi/models.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

enum class IoctlArgKind : std::uint8_t { none, value, pointer };

// A TYPE or an argument of the notation, parsed: views of the row's own text.
struct IoctlArg {
  IoctlArgKind kind = IoctlArgKind::none;
  ArgDir dir = ArgDir::in;
  std::uint32_t count = 1;       // array elements
  std::string_view type;         // as written: "c_int", "struct loop_info64", "u64[2]"
  std::string_view scalar;       // the scalar's description name, or empty for a struct
  std::string_view struct_name;  // a described struct, or empty
  // What follows the struct, when the request carries a variable part (FIEMAP's extents):
  // the element (a struct or a scalar) repeated as many times as the member `count_member`
  // of the struct says.
  std::string_view trailing_struct, trailing_scalar, count_member;
};

// A request's encoding, parsed: a fixed number or an _IOC.
struct IoctlEncoding {
  enum class Kind : std::uint8_t { fixed, io, ior, iow, iowr } kind = Kind::fixed;
  std::uint32_t number = 0;  // fixed
  std::uint32_t type = 0, nr = 0;
  IoctlArg size_type;  // what _IOC's size is the sizeof of
};

// A row of the table, parsed once for every ABI.
struct IoctlRequest {
  const IoctlRow* row = nullptr;
  const IoctlFamily* family = nullptr;
  IoctlArg arg;
  std::optional<Release> since;  // newer than the checked headers
};

// One request on one ABI. Its number and sizes are this ABI's; what every ABI shares is the
// row's (`request`), so that the table holds few pointers (each one a relocation at start).
struct Ioctl {
  std::string_view name;
  const IoctlRequest* request = nullptr;
  std::uint32_t number = 0;
  Abi abi = Abi::i386;
  std::uint32_t arg_size = 0;  // bytes the argument covers on this ABI (pointers only)
  // With a trailing part: each element's size, and where the count lies in the struct.
  std::uint32_t trailing_element = 0;
  std::uint16_t count_offset = 0;
  std::uint16_t count_size = 0;

  constexpr const IoctlArg& arg() const { return request->arg; }
  constexpr std::string_view header() const { return request->row->header; }
  constexpr std::string_view family() const { return request->family->name; }
  constexpr const std::optional<Release>& since() const { return request->since; }
  constexpr std::string_view request_text() const { return request->row->request; }
  constexpr std::string_view argument_text() const { return request->row->argument; }
};

// Every described request of `abi`, sorted by number (rows sharing a number keep row order).
std::span<const Ioctl> ioctls(Abi abi);
const Ioctl* find_ioctl(Abi abi, std::uint32_t number);
const Ioctl* find_ioctl(Abi abi, std::string_view name);
// How many rows the table has.
std::size_t ioctl_row_count();

// ---- the notation, parsed by constexpr code ---------------------------------------------

namespace ioctl_notation {

constexpr std::string_view trim(std::string_view text) {
  while (!text.empty() && notation::is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && notation::is_space(text.back())) text.remove_suffix(1);
  return text;
}

// 'c', 0x1F or 31.
constexpr std::optional<std::uint32_t> parse_number(std::string_view text) {
  text = trim(text);
  if (text.size() == 3 && text.front() == '\'' && text.back() == '\'')
    return static_cast<std::uint8_t>(text[1]);
  std::uint32_t base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    std::uint32_t digit = 16;
    if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
    if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
    if (digit >= base) return std::nullopt;
    value = value * base + digit;
    if (value > 0xffffffffu) return std::nullopt;
  }
  return static_cast<std::uint32_t>(value);
}

// The scalars a TYPE may name: models.hpp's list.
#define SYSCOMPAT_IOCTL_SCALAR_NAME(name, c_type) #name,
inline constexpr std::string_view scalar_names[] = {SYSCOMPAT_SCALARS(SYSCOMPAT_IOCTL_SCALAR_NAME)};
#undef SYSCOMPAT_IOCTL_SCALAR_NAME

// TYPE := scalar ['[' N ']'] | 'struct' NAME ['[' N ']']
constexpr std::optional<IoctlArg> parse_type(std::string_view text, NotationError& error) {
  IoctlArg arg;
  text = trim(text);
  arg.type = text;
  if (auto open = text.find('['); open != std::string_view::npos) {
    if (text.back() != ']') {
      error << "unclosed '[' in '" << text << "'";
      return std::nullopt;
    }
    const auto inside = text.substr(open + 1, text.size() - open - 2);
    auto count = parse_number(inside);
    if (!inside.empty() && (notation::is_alpha(inside[0]) || inside[0] == '_'))
      count = 1;  // a member's name: the count of a trailing part, read at run time
    if (!count || *count == 0) {
      error << "bad element count in '" << text << "'";
      return std::nullopt;
    }
    arg.count = *count;
    text = trim(text.substr(0, open));
  }
  if (text.starts_with("struct ")) {
    arg.struct_name = trim(text.substr(7));
    return arg;
  }
  for (std::string_view scalar : scalar_names)
    if (scalar == text) {
      arg.scalar = text;
      return arg;
    }
  error << "unknown scalar '" << text << "'";
  return std::nullopt;
}

}  // namespace ioctl_notation

// encoding := NUMBER | '_IO(' type8 ',' nr ')' | ('_IOR' | '_IOW' | '_IOWR') '(' type8 ',' nr ','
// TYPE ')'
constexpr std::optional<IoctlEncoding> parse_ioctl_encoding(std::string_view text,
                                                            NotationError& error) {
  using namespace ioctl_notation;
  text = trim(text);
  IoctlEncoding encoding;
  if (!text.starts_with("_IO")) {
    auto number = parse_number(text);
    if (!number) {
      error << "not a number or an _IO* encoding: '" << text << "'";
      return std::nullopt;
    }
    encoding.number = *number;
    return encoding;
  }
  const auto open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') {
    error << "malformed encoding '" << text << "'";
    return std::nullopt;
  }
  const auto macro = text.substr(0, open);
  if (macro == "_IO")
    encoding.kind = IoctlEncoding::Kind::io;
  else if (macro == "_IOR")
    encoding.kind = IoctlEncoding::Kind::ior;
  else if (macro == "_IOW")
    encoding.kind = IoctlEncoding::Kind::iow;
  else if (macro == "_IOWR")
    encoding.kind = IoctlEncoding::Kind::iowr;
  else {
    error << "unknown macro '" << macro << "'";
    return std::nullopt;
  }
  std::string_view parts[4];
  std::size_t count = 0;
  const auto inner = text.substr(open + 1, text.size() - open - 2);
  for (std::size_t at = 0; at <= inner.size();) {
    auto comma = inner.find(',', at);
    if (comma == std::string_view::npos) comma = inner.size();
    if (count < 4) parts[count] = inner.substr(at, comma - at);
    ++count;
    at = comma + 1;
  }
  const std::size_t wanted = encoding.kind == IoctlEncoding::Kind::io ? 2 : 3;
  if (count != wanted) {
    error << macro << " takes " << notation::digits(wanted) << " arguments: '" << text << "'";
    return std::nullopt;
  }
  const auto type = parse_number(parts[0]);
  const auto nr = parse_number(parts[1]);
  if (!type || !nr || *type > 0xff || *nr > 0xff) {
    error << "bad type or number in '" << text << "'";
    return std::nullopt;
  }
  encoding.type = *type;
  encoding.nr = *nr;
  if (wanted == 3) {
    auto size_type = parse_type(parts[2], error);
    if (!size_type) return std::nullopt;
    encoding.size_type = *size_type;
  }
  return encoding;
}

// argument := '' | 'val' | dir TYPE ['+' ELEMENT '[' MEMBER ']']
constexpr std::optional<IoctlArg> parse_ioctl_argument(std::string_view text,
                                                       NotationError& error) {
  using namespace ioctl_notation;
  text = trim(text);
  if (text.empty()) return IoctlArg{};
  if (text == "val") {
    IoctlArg value;
    value.kind = IoctlArgKind::value;
    return value;
  }
  ArgDir dir = ArgDir::in;
  if (text.starts_with("in "))
    dir = ArgDir::in;
  else if (text.starts_with("out "))
    dir = ArgDir::out;
  else if (text.starts_with("inout "))
    dir = ArgDir::inout;
  else {
    error << "argument '" << text << "' is none of '', 'val', 'in T', 'out T', 'inout T'";
    return std::nullopt;
  }
  text = text.substr(text.find(' ') + 1);
  std::string_view trailing;
  if (auto plus = text.find('+'); plus != std::string_view::npos) {
    trailing = trim(text.substr(plus + 1));
    text = text.substr(0, plus);
  }
  auto arg = parse_type(text, error);
  if (!arg) return std::nullopt;
  if (!trailing.empty()) {
    auto element = parse_type(trailing, error);
    if (!element) return std::nullopt;
    const auto open = trailing.find('[');
    if (arg->struct_name.empty() || open == std::string_view::npos) {
      error << "a trailing part follows a struct and names its count: '" << trailing << "'";
      return std::nullopt;
    }
    arg->trailing_struct = element->struct_name;
    arg->trailing_scalar = element->scalar;
    arg->count_member = trim(trailing.substr(open + 1, trailing.size() - open - 2));
  }
  arg->kind = IoctlArgKind::pointer;
  arg->dir = dir;
  return arg;
}

// _IOC on `abi`: mips has 13 size bits, 3 direction bits and its own direction values.
constexpr std::uint32_t ioctl_number(const IoctlEncoding& encoding, Abi abi, std::size_t size) {
  if (encoding.kind == IoctlEncoding::Kind::fixed) return encoding.number;
  const bool mips = abi == Abi::mips_o32;
  // asm-generic/ioctl.h, and mips's asm/ioctl.h
  const std::uint32_t none = mips ? 1 : 0, write = mips ? 4 : 1, read = 2;
  const unsigned dir_shift = mips ? 29 : 30;
  std::uint32_t dir = none;
  if (encoding.kind == IoctlEncoding::Kind::ior) dir = read;
  if (encoding.kind == IoctlEncoding::Kind::iow) dir = write;
  if (encoding.kind == IoctlEncoding::Kind::iowr) dir = read | write;
  if (encoding.kind == IoctlEncoding::Kind::io) size = 0;
  return dir << dir_shift | static_cast<std::uint32_t>(size) << 16 | encoding.type << 8 |
         encoding.nr;
}

}  // namespace syscompat::abi
