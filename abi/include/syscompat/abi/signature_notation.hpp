// The signature notation of syscall_table.hpp, parsed by constexpr code: the same parser
// checks every row while the library compiles (syscall_rows_check.hpp: a malformed row is a
// compile error) and builds the table from the rows, also while the library compiles
// (syscalls.cpp). It allocates nothing: its errors are built in a fixed buffer, because a
// constant expression cannot keep memory and clang 14 cannot evaluate libstdc++'s
// std::string at all.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

namespace notation {

struct ScalarInfo {
  ArgScalar scalar;
  std::string_view name;
  bool is_signed;
};

constexpr std::array scalar_infos{
    ScalarInfo{ArgScalar::int_, "int", true},
    ScalarInfo{ArgScalar::uint, "uint", false},
    ScalarInfo{ArgScalar::long_, "long", true},
    ScalarInfo{ArgScalar::ulong, "ulong", false},
    ScalarInfo{ArgScalar::size, "size_t", false},
    ScalarInfo{ArgScalar::ssize, "ssize_t", true},
    ScalarInfo{ArgScalar::off, "off_t", true},
    ScalarInfo{ArgScalar::loff, "loff_t", true},
    ScalarInfo{ArgScalar::u16, "u16", false},
    ScalarInfo{ArgScalar::u32, "u32", false},
    ScalarInfo{ArgScalar::s32, "s32", true},
    ScalarInfo{ArgScalar::u64, "u64", false},
    ScalarInfo{ArgScalar::s64, "s64", true},
    ScalarInfo{ArgScalar::pid, "pid_t", true},
    ScalarInfo{ArgScalar::uid, "uid_t", false},
    ScalarInfo{ArgScalar::gid, "gid_t", false},
    ScalarInfo{ArgScalar::old_uid, "old_uid_t", false},
    ScalarInfo{ArgScalar::old_gid, "old_gid_t", false},
    ScalarInfo{ArgScalar::umode, "umode_t", false},
    ScalarInfo{ArgScalar::fd, "fd", true},
    ScalarInfo{ArgScalar::key, "key_t", true},
    ScalarInfo{ArgScalar::clockid, "clockid_t", true},
    ScalarInfo{ArgScalar::timer, "timer_t", true},
    ScalarInfo{ArgScalar::mqd, "mqd_t", true},
    ScalarInfo{ArgScalar::aio_context, "aio_context_t", false},
    ScalarInfo{ArgScalar::rwf, "rwf_t", true},
    ScalarInfo{ArgScalar::time, "time_t", true},
    ScalarInfo{ArgScalar::char_, "char", true},
    ScalarInfo{ArgScalar::void_, "void", false},
    ScalarInfo{ArgScalar::ptr, "ptr", false},
};

}  // namespace notation

constexpr std::string_view arg_scalar_name(ArgScalar scalar) {
  return notation::scalar_infos[static_cast<std::size_t>(scalar)].name;
}
// Whether the kernel's compat path stores a value of this type through a pointer with a C
// assignment, keeping its low bits where it does not fit (sys_time32's time_t past 2038);
// otherwise such a value is EOVERFLOW.
constexpr bool arg_scalar_truncated(ArgScalar scalar) {
  return scalar == ArgScalar::time;
}
constexpr bool arg_scalar_signed(ArgScalar scalar) {
  return notation::scalar_infos[static_cast<std::size_t>(scalar)].is_signed;
}

// Size in bytes on `abi` (a pointer's size for ptr), from the data model's parameters.
constexpr std::size_t arg_scalar_size(ArgScalar scalar, Abi abi) {
  const ModelParams& model = model_params(abi);
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
      return model.pointer_size;
    case ArgScalar::off:
    case ArgScalar::time:
    case ArgScalar::aio_context:
      return model.kernel_long_size;
    case ArgScalar::loff:
    case ArgScalar::u64:
    case ArgScalar::s64:
      return 8;
    case ArgScalar::u16:
    case ArgScalar::umode:
      return 2;
    case ArgScalar::old_uid:
    case ArgScalar::old_gid:
      return model.old_uid_size;
    case ArgScalar::char_:
      return 1;
    case ArgScalar::void_:
      return 0;
  }
  return 0;
}

// Why a row does not parse, built in place.
class NotationError {
 public:
  constexpr NotationError& operator<<(std::string_view part) {
    for (char c : part)
      if (size_ + 1 < text_.size()) text_[size_++] = c;
    return *this;
  }
  constexpr std::string_view view() const { return {text_.data(), size_}; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr void clear() { size_ = 0; }

 private:
  std::array<char, 240> text_{};
  std::size_t size_ = 0;
};

namespace notation {

constexpr bool scalar_infos_in_order() {
  for (std::size_t i = 0; i < scalar_infos.size(); ++i)
    if (static_cast<std::size_t>(scalar_infos[i].scalar) != i) return false;
  return true;
}
static_assert(scalar_infos_in_order(), "scalar_infos is indexed by ArgScalar");

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The decimal number at the start of `text`: its value and how many characters it took
// (none: no number there).
struct Number {
  std::size_t value = 0;
  std::size_t length = 0;
};
constexpr Number leading_number(std::string_view text) {
  Number number;
  while (number.length < text.size() && is_digit(text[number.length]))
    number.value = number.value * 10 + static_cast<std::size_t>(text[number.length++] - '0');
  return number;
}

// A small number as text, for messages.
struct Digits {
  std::array<char, 20> text{};
  std::size_t size = 0;
  constexpr operator std::string_view() const { return {text.data(), size}; }
};
constexpr Digits digits(std::size_t value) {
  Digits out;
  std::array<char, 20> reversed{};
  std::size_t n = 0;
  do reversed[n++] = static_cast<char>('0' + value % 10);
  while ((value /= 10) != 0);
  while (n) out.text[out.size++] = reversed[--n];
  return out;
}

constexpr std::optional<ArgScalar> scalar_named(std::string_view name) {
  for (const auto& entry : scalar_infos)
    if (entry.name == name) return entry.scalar;
  return std::nullopt;
}

// ---- the signature notation -----------------------------------------------------------

class Lexer {
 public:
  constexpr explicit Lexer(std::string_view text) : text_(text) {}

  constexpr std::string_view peek() {
    const std::size_t saved = pos_;
    std::string_view token = next();
    pos_ = saved;
    return token;
  }
  constexpr std::string_view next() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    if (pos_ >= text_.size()) return {};
    const std::size_t start = pos_;
    const auto word = [](char c) constexpr {
      return is_alpha(c) || is_digit(c) || c == '_';
    };
    if (word(text_[pos_])) {
      while (pos_ < text_.size() && word(text_[pos_])) ++pos_;
    } else {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }
  constexpr bool accept(std::string_view token) {
    if (peek() != token) return false;
    next();
    return true;
  }
  // Where the next token starts, and the text from `start` to the end of the last token.
  constexpr std::size_t next_start() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    return pos_;
  }
  constexpr std::string_view since(std::size_t start) const {
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

constexpr bool is_identifier(std::string_view token) {
  return !token.empty() && (is_alpha(token[0]) || token[0] == '_');
}

// One argument; the name of the argument that counts it, if any, in `count_name` (the
// signature resolves it to a position).
constexpr std::optional<SyscallArg> parse_arg(Lexer& lex, NotationError& error,
                                              std::string_view& count_name) {
  SyscallArg arg;
  bool explicit_dir = false;
  if (lex.accept("in")) {
    arg.dir = ArgDir::in, explicit_dir = true;
  } else if (lex.accept("out")) {
    arg.dir = ArgDir::out, explicit_dir = true;
  } else if (lex.accept("inout")) {
    arg.dir = ArgDir::inout, explicit_dir = true;
  }
  const std::size_t type_start = lex.next_start();
  const std::string_view type = lex.next();
  if (type == "struct") {
    const std::string_view name = lex.next();
    if (!is_identifier(name) || !lex.accept("*")) {
      error << "expected 'struct NAME *'";
      return std::nullopt;
    }
    arg.form = ArgForm::pointer;
    arg.struct_name = name;
  } else if (type == "str" || type == "strv" || type == "ptr") {
    arg.form = type == "str"    ? ArgForm::string
               : type == "strv" ? ArgForm::string_vector
                                : ArgForm::address;
    arg.scalar = ArgScalar::ptr;
  } else if (auto scalar = scalar_named(type)) {
    arg.scalar = *scalar;
    if (lex.accept("*")) {
      arg.form = ArgForm::pointer;
    } else if (scalar == ArgScalar::void_ || scalar == ArgScalar::char_ ||
               scalar == ArgScalar::ptr) {
      error << "'" << type << "' is not a value type";
      return std::nullopt;
    }
  } else {
    error << "unknown type '" << type << "'";
    return std::nullopt;
  }
  // The type as the row writes it ("struct stat *", "char *", "int").
  const std::string_view spelling = lex.since(type_start);
  const std::string_view name = lex.next();
  // A name may repeat a type name, as the kernel's `fd` arguments do; the grammar puts the
  // type first, so the two cannot be confused.
  if (!is_identifier(name) || name == "in" || name == "out" || name == "inout") {
    error << "expected an argument name after '" << spelling << "', got '" << name << "'";
    return std::nullopt;
  }
  arg.name = name;
  const auto back = static_cast<std::size_t>(name.data() - spelling.data());
  if (back > 255) {
    error << "the type of '" << name << "' is written too long";
    return std::nullopt;
  }
  arg.spelling_back = static_cast<std::uint8_t>(back);
  arg.spelling_size = static_cast<std::uint8_t>(spelling.size());
  if (lex.accept("[")) {
    const std::string_view count = lex.next();
    if (count == "*") {
      arg.count.kind = ArgCount::Kind::pointee;
      count_name = lex.next();
    } else if (!count.empty() && is_digit(count[0])) {
      arg.count.kind = ArgCount::Kind::fixed;
      arg.count.fixed = static_cast<std::uint32_t>(leading_number(count).value);
    } else {
      arg.count.kind = ArgCount::Kind::argument;
      count_name = count;
    }
    if (!lex.accept("]")) {
      error << "expected ']' after the count of '" << arg.name << "'";
      return std::nullopt;
    }
    if (arg.form != ArgForm::pointer) {
      error << "'" << arg.name << "' has a count but is not a pointer";
      return std::nullopt;
    }
  }
  // char * without a count is a string the kernel reads.
  if (arg.form == ArgForm::pointer && arg.scalar == ArgScalar::char_ && arg.struct_name.empty() &&
      arg.count.kind == ArgCount::Kind::one) {
    if (explicit_dir && arg.dir != ArgDir::in) {
      error << "'" << arg.name << "': an out char * needs a [count]";
      return std::nullopt;
    }
    arg.form = ArgForm::string;
  }
  if (explicit_dir && arg.form != ArgForm::pointer) {
    error << "'" << arg.name << "': a direction applies to pointers only";
    return std::nullopt;
  }
  if (arg.form == ArgForm::pointer && arg.scalar == ArgScalar::void_ && arg.struct_name.empty()) {
    error << "'" << arg.name << "': void * says nothing; use ptr, char *[count] or a struct";
    return std::nullopt;
  }
  return arg;
}

}  // namespace notation

// Parses the notation of syscall_table.hpp; on failure returns nullopt and says why.
constexpr std::optional<ParsedSignature> parse_signature(std::string_view text,
                                                         NotationError& error) {
  using notation::Lexer;
  ParsedSignature signature;
  signature.text = text;
  Lexer lex(text);
  if (lex.accept("opaque")) {
    if (!lex.peek().empty()) {
      error << "text after 'opaque'";
      return std::nullopt;
    }
    return signature;
  }
  signature.opaque = false;
  const std::string_view ret = lex.next();
  auto ret_scalar = notation::scalar_named(ret);
  if (!ret_scalar || ret_scalar == ArgScalar::char_) {
    error << "unknown return type '" << ret << "'";
    return std::nullopt;
  }
  signature.ret = *ret_scalar;
  if (!lex.accept("(")) {
    error << "expected '(' after the return type";
    return std::nullopt;
  }
  auto& args = signature.arg_storage;
  std::size_t& count = signature.arg_count;
  std::array<std::string_view, max_syscall_args> count_names{};
  if (!lex.accept(")")) {
    do {
      std::string_view count_name;
      auto arg = notation::parse_arg(lex, error, count_name);
      if (!arg) return std::nullopt;
      if (count == args.size()) {
        error << "more than " << notation::digits(max_syscall_args) << " arguments";
        return std::nullopt;
      }
      count_names[count] = count_name;
      args[count++] = *arg;
    } while (lex.accept(","));
    if (!lex.accept(")")) {
      error << "expected ',' or ')' after '" << args[count - 1].name << "'";
      return std::nullopt;
    }
  }
  if (!lex.peek().empty()) {
    error << "text after ')'";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < count; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (args[i].name == args[j].name) {
        error << "argument '" << args[i].name << "' named twice";
        return std::nullopt;
      }
  for (std::size_t a = 0; a < count; ++a) {
    SyscallArg& arg = args[a];
    if (arg.count.kind != ArgCount::Kind::argument && arg.count.kind != ArgCount::Kind::pointee)
      continue;
    std::size_t other = 0;
    while (other < count && args[other].name != count_names[a]) ++other;
    if (other == count) {
      error << "'" << arg.name << "' is counted by '" << count_names[a]
            << "', which is no argument";
      return std::nullopt;
    }
    arg.count.index = static_cast<std::uint8_t>(other);
    const bool pointee = arg.count.kind == ArgCount::Kind::pointee;
    const bool scalar_pointer =
        args[other].form == ArgForm::pointer && args[other].struct_name.empty();
    if (pointee != scalar_pointer || (!pointee && args[other].form != ArgForm::value)) {
      error << "'" << arg.name << "' is counted by '" << count_names[a] << "', which is not "
            << (pointee ? "a pointer to a scalar" : "a value");
      return std::nullopt;
    }
  }
  return signature;
}

// The same, with the reason as a string (for callers at run time).
inline std::optional<ParsedSignature> parse_signature(std::string_view text, std::string& error) {
  NotationError why;
  auto signature = parse_signature(text, why);
  if (!signature) error = std::string(why.view());
  return signature;
}

constexpr std::optional<Release> parse_release(std::string_view text) {
  Release release;
  int* parts[] = {&release.major, &release.minor, &release.patch};
  std::size_t count = 0;
  std::size_t p = 0;
  const std::size_t end = text.size();
  while (p < end && count < 3) {
    const notation::Number number = notation::leading_number(text.substr(p));
    if (number.length == 0) return std::nullopt;
    *parts[count++] = static_cast<int>(number.value);
    p += number.length;
    if (p < end && text[p] != '.') return std::nullopt;
    if (p < end) ++p;
  }
  if (count < 2 || p != end || text.back() == '.') return std::nullopt;
  return release;
}

}  // namespace syscompat::abi
