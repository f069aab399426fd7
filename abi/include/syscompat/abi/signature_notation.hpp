// The signature notation of syscall_table.hpp, parsed by constexpr code: the same parser
// checks every row while the library compiles (syscall_rows_check.hpp: a malformed row is a
// compile error) and reads the rows into the run-time table.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

constexpr bool is_identifier(std::string_view token) {
  return !token.empty() && (is_alpha(token[0]) || token[0] == '_');
}

constexpr std::optional<SyscallArg> parse_arg(Lexer& lex, std::string& error) {
  SyscallArg arg;
  bool explicit_dir = false;
  if (lex.accept("in")) {
    arg.dir = ArgDir::in, explicit_dir = true;
  } else if (lex.accept("out")) {
    arg.dir = ArgDir::out, explicit_dir = true;
  } else if (lex.accept("inout")) {
    arg.dir = ArgDir::inout, explicit_dir = true;
  }
  const std::string_view type = lex.next();
  if (type == "struct") {
    const std::string_view name = lex.next();
    if (!is_identifier(name) || !lex.accept("*")) {
      error = "expected 'struct NAME *'";
      return std::nullopt;
    }
    arg.form = ArgForm::pointer;
    arg.struct_name = std::string(name);
    arg.spelling = "struct " + arg.struct_name + " *";
  } else if (type == "str" || type == "strv" || type == "ptr") {
    arg.form = type == "str"    ? ArgForm::string
               : type == "strv" ? ArgForm::string_vector
                                : ArgForm::address;
    arg.scalar = ArgScalar::ptr;
    arg.spelling = std::string(type);
  } else if (auto scalar = scalar_named(type)) {
    arg.scalar = *scalar;
    arg.spelling = std::string(type);
    if (lex.accept("*")) {
      arg.form = ArgForm::pointer;
      arg.spelling += " *";
    } else if (scalar == ArgScalar::void_ || scalar == ArgScalar::char_ ||
               scalar == ArgScalar::ptr) {
      error = "'" + std::string(type) + "' is not a value type";
      return std::nullopt;
    }
  } else {
    error = "unknown type '" + std::string(type) + "'";
    return std::nullopt;
  }
  const std::string_view name = lex.next();
  // A name may repeat a type name, as the kernel's `fd` arguments do; the grammar puts the
  // type first, so the two cannot be confused.
  if (!is_identifier(name) || name == "in" || name == "out" || name == "inout") {
    error =
        "expected an argument name after '" + arg.spelling + "', got '" + std::string(name) + "'";
    return std::nullopt;
  }
  arg.name = std::string(name);
  if (lex.accept("[")) {
    const std::string_view count = lex.next();
    if (count == "*") {
      arg.count.kind = ArgCount::Kind::pointee;
      arg.count.argument = std::string(lex.next());
    } else if (!count.empty() && is_digit(count[0])) {
      arg.count.kind = ArgCount::Kind::fixed;
      arg.count.fixed = leading_number(count).value;
    } else {
      arg.count.kind = ArgCount::Kind::argument;
      arg.count.argument = std::string(count);
    }
    if (!lex.accept("]")) {
      error = "expected ']' after the count of '" + arg.name + "'";
      return std::nullopt;
    }
    if (arg.form != ArgForm::pointer) {
      error = "'" + arg.name + "' has a count but is not a pointer";
      return std::nullopt;
    }
  }
  // char * without a count is a string the kernel reads.
  if (arg.form == ArgForm::pointer && arg.scalar == ArgScalar::char_ && arg.struct_name.empty() &&
      arg.count.kind == ArgCount::Kind::one) {
    if (explicit_dir && arg.dir != ArgDir::in) {
      error = "'" + arg.name + "': an out char * needs a [count]";
      return std::nullopt;
    }
    arg.form = ArgForm::string;
  }
  if (explicit_dir && arg.form != ArgForm::pointer) {
    error = "'" + arg.name + "': a direction applies to pointers only";
    return std::nullopt;
  }
  if (arg.form == ArgForm::pointer && arg.scalar == ArgScalar::void_ && arg.struct_name.empty()) {
    error = "'" + arg.name + "': void * says nothing; use ptr, char *[count] or a struct";
    return std::nullopt;
  }
  return arg;
}

}  // namespace notation

// Parses the notation of syscall_table.hpp; on failure returns nullopt and says why.
constexpr std::optional<Signature> parse_signature(std::string_view text, std::string& error) {
  using notation::Lexer;
  Signature signature;
  signature.text = std::string(text);
  Lexer lex(text);
  if (lex.accept("opaque")) {
    if (!lex.peek().empty()) {
      error = "text after 'opaque'";
      return std::nullopt;
    }
    return signature;
  }
  signature.opaque = false;
  const std::string_view ret = lex.next();
  auto ret_scalar = notation::scalar_named(ret);
  if (!ret_scalar || ret_scalar == ArgScalar::char_) {
    error = "unknown return type '" + std::string(ret) + "'";
    return std::nullopt;
  }
  signature.ret = *ret_scalar;
  if (!lex.accept("(")) {
    error = "expected '(' after the return type";
    return std::nullopt;
  }
  if (!lex.accept(")")) {
    do {
      auto arg = notation::parse_arg(lex, error);
      if (!arg) return std::nullopt;
      signature.args.push_back(std::move(*arg));
    } while (lex.accept(","));
    if (!lex.accept(")")) {
      error = "expected ',' or ')' after '" + signature.args.back().name + "'";
      return std::nullopt;
    }
  }
  if (!lex.peek().empty()) {
    error = "text after ')'";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < signature.args.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (signature.args[i].name == signature.args[j].name) {
        error = "argument '" + signature.args[i].name + "' named twice";
        return std::nullopt;
      }
  for (auto& arg : signature.args) {
    if (arg.count.kind != ArgCount::Kind::argument && arg.count.kind != ArgCount::Kind::pointee)
      continue;
    auto other = std::find_if(signature.args.begin(), signature.args.end(),
                              [&](const SyscallArg& a) { return a.name == arg.count.argument; });
    if (other == signature.args.end()) {
      error = "'" + arg.name + "' is counted by '" + arg.count.argument + "', which is no argument";
      return std::nullopt;
    }
    arg.count.index = static_cast<std::size_t>(other - signature.args.begin());
    const bool pointee = arg.count.kind == ArgCount::Kind::pointee;
    const bool scalar_pointer = other->form == ArgForm::pointer && other->struct_name.empty();
    if (pointee != scalar_pointer || (!pointee && other->form != ArgForm::value)) {
      error = "'" + arg.name + "' is counted by '" + arg.count.argument + "', which is not " +
              (pointee ? "a pointer to a scalar" : "a value");
      return std::nullopt;
    }
  }
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
