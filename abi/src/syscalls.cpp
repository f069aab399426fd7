#include "syscompat/abi/syscalls.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscall_args.hpp"

namespace syscompat::abi {

namespace {

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

const ScalarInfo& info(ArgScalar scalar) {
  return scalar_infos[static_cast<std::size_t>(scalar)];
}

std::optional<ArgScalar> scalar_named(std::string_view name) {
  for (const auto& entry : scalar_infos)
    if (entry.name == name) return entry.scalar;
  return std::nullopt;
}

// ---- the signature notation -----------------------------------------------------------

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::string_view peek() {
    const std::size_t saved = pos_;
    std::string_view token = next();
    pos_ = saved;
    return token;
  }
  std::string_view next() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ >= text_.size()) return {};
    const std::size_t start = pos_;
    const auto word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    };
    if (word(text_[pos_])) {
      while (pos_ < text_.size() && word(text_[pos_])) ++pos_;
    } else {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }
  bool accept(std::string_view token) {
    if (peek() != token) return false;
    next();
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_identifier(std::string_view token) {
  return !token.empty() && (std::isalpha(static_cast<unsigned char>(token[0])) || token[0] == '_');
}

std::optional<SyscallArg> parse_arg(Lexer& lex, std::string& error) {
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
    } else if (!count.empty() && std::isdigit(static_cast<unsigned char>(count[0]))) {
      arg.count.kind = ArgCount::Kind::fixed;
      std::from_chars(count.data(), count.data() + count.size(), arg.count.fixed);
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

}  // namespace

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

std::optional<Signature> parse_signature(std::string_view text, std::string& error) {
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
  auto ret_scalar = scalar_named(ret);
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
      auto arg = parse_arg(lex, error);
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
  std::set<std::string> names;
  for (const auto& arg : signature.args)
    if (!names.insert(arg.name).second) {
      error = "argument '" + arg.name + "' named twice";
      return std::nullopt;
    }
  for (const auto& arg : signature.args) {
    if (arg.count.kind != ArgCount::Kind::argument && arg.count.kind != ArgCount::Kind::pointee)
      continue;
    auto other = std::find_if(signature.args.begin(), signature.args.end(),
                              [&](const SyscallArg& a) { return a.name == arg.count.argument; });
    if (other == signature.args.end()) {
      error = "'" + arg.name + "' is counted by '" + arg.count.argument + "', which is no argument";
      return std::nullopt;
    }
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

std::string Release::str() const {
  std::string text = std::to_string(major) + "." + std::to_string(minor);
  if (patch) text += "." + std::to_string(patch);
  return text;
}

std::optional<Release> parse_release(std::string_view text) {
  Release release;
  int* parts[] = {&release.major, &release.minor, &release.patch};
  std::size_t count = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end && count < 3) {
    auto [next, ec] = std::from_chars(p, end, *parts[count]);
    if (ec != std::errc() || next == p) return std::nullopt;
    ++count;
    p = next;
    if (p < end && *p != '.') return std::nullopt;
    if (p < end) ++p;
  }
  if (count < 2 || p != end || text.back() == '.') return std::nullopt;
  return release;
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

struct Table {
  std::array<std::vector<Syscall>, all_abis.size()> by_abi;
  // Lookups by name sit on the translators' per-call path (the hand-written handlers call
  // the native syscall by its description name): hashed once here, not searched per call.
  std::array<std::unordered_map<std::string_view, const Syscall*>, all_abis.size()> by_name;
  std::vector<std::string> errors;
};

Table build_table() {
  Table table;
  const std::span<const SyscallRow> chunks[] = {syscall_rows_a_e(), syscall_rows_f_g(),
                                                syscall_rows_h_o(), syscall_rows_p_r(),
                                                syscall_rows_s(),   syscall_rows_t_z()};
  for (const auto& chunk : chunks)
    for (const SyscallRow& row : chunk) {
      const std::string where = "syscall " + std::string(row.name) + ": ";
      std::string error;
      auto signature = parse_signature(row.signature, error);
      if (!signature) {
        table.errors.push_back(where + "signature '" + std::string(row.signature) + "': " + error);
        signature = Signature{};
      }
      auto since = parse_release(row.since);
      if (!since) table.errors.push_back(where + "bad release '" + std::string(row.since) + "'");
      std::optional<Release> since_i386;
      if (!row.since_i386.empty()) {
        since_i386 = parse_release(row.since_i386);
        if (!since_i386)
          table.errors.push_back(where + "bad i386 release '" + std::string(row.since_i386) + "'");
      }
      for (Abi abi : all_abis) {
        const std::int32_t number = row.numbers[static_cast<std::size_t>(abi)];
        if (number == no) continue;
        Syscall call;
        call.name = row.name;
        call.abi = abi;
        call.number = static_cast<std::uint32_t>(number) | (abi == Abi::x32 ? x32_syscall_bit : 0);
        call.since = (abi == Abi::i386 && since_i386) ? *since_i386 : since.value_or(Release{});
        call.signature = *signature;
        call.mux = row.mux;
        for (const auto& alias : number_aliases)
          if (alias.abi == abi && alias.name == row.name) call.alias_of = alias.alias_of;
        for (const auto& arg : call.signature.args) {
          if (arg.struct_name.empty()) continue;
          const StructLayout* layout = find_struct_layout(abi, arg.struct_name);
          if (!layout || !layout->present)
            table.errors.push_back(where + "struct " + arg.struct_name + " is not described on " +
                                   std::string(abi_name(abi)));
        }
        if (!call.signature.opaque) {
          if (auto placement = place_args(call.signature, abi))
            call.placement = std::move(*placement);
          else
            table.errors.push_back(where + "arguments do not fit the registers of " +
                                   std::string(abi_name(abi)));
        }
        table.by_abi[static_cast<std::size_t>(abi)].push_back(std::move(call));
      }
    }
  for (Abi abi : all_abis) {
    auto& calls = table.by_abi[static_cast<std::size_t>(abi)];
    std::sort(calls.begin(), calls.end(), [](const Syscall& a, const Syscall& b) {
      return a.number != b.number ? a.number < b.number : a.alias_of.empty() > b.alias_of.empty();
    });
    for (std::size_t i = 1; i < calls.size(); ++i) {
      const bool alias = calls[i].alias_of == calls[i - 1].name;
      if (calls[i].number == calls[i - 1].number && !alias)
        table.errors.push_back(
            std::string(abi_name(abi)) + ": number " + std::to_string(calls[i].number) +
            " is both " + std::string(calls[i - 1].name) + " and " + std::string(calls[i].name));
      for (std::size_t j = 0; j < i; ++j)
        if (calls[j].name == calls[i].name)
          table.errors.push_back(std::string(abi_name(abi)) + ": " + std::string(calls[i].name) +
                                 " has two numbers");
    }
  }
  for (Abi abi : all_abis)
    for (const auto& call : table.by_abi[static_cast<std::size_t>(abi)])
      table.by_name[static_cast<std::size_t>(abi)].emplace(call.name, &call);
  return table;
}

const Table& table() {
  static const Table built = build_table();
  return built;
}

}  // namespace

const std::vector<Syscall>& syscalls(Abi abi) {
  return table().by_abi[static_cast<std::size_t>(abi)];
}

const Syscall* find_syscall(Abi abi, std::uint32_t number) {
  const auto& calls = syscalls(abi);
  auto it = std::lower_bound(calls.begin(), calls.end(), number,
                             [](const Syscall& call, std::uint32_t n) { return call.number < n; });
  return it != calls.end() && it->number == number ? &*it : nullptr;
}

const Syscall* find_syscall(Abi abi, std::string_view name) {
  const auto& index = table().by_name[static_cast<std::size_t>(abi)];
  auto found = index.find(name);
  return found == index.end() ? nullptr : found->second;
}

const std::vector<std::string>& syscall_table_errors() {
  return table().errors;
}

}  // namespace syscompat::abi
