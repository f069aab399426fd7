#include "syscompat/abi/ioctls.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <mutex>
#include <span>
#include <unordered_map>

#include "syscompat/abi/layout.hpp"

namespace syscompat::abi {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

std::optional<std::uint32_t> parse_number(std::string_view text) {
  text = trim(text);
  if (text.size() == 3 && text.front() == '\'' && text.back() == '\'')
    return static_cast<std::uint8_t>(text[1]);
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    base = 16;
    text.remove_prefix(2);
  }
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// TYPE := scalar ['[' N ']'] | 'struct' NAME ['[' N ']']
std::optional<IoctlArg> parse_type(std::string_view text, std::string& error) {
  IoctlArg arg;
  text = trim(text);
  arg.type = std::string(text);
  if (auto open = text.find('['); open != std::string_view::npos) {
    if (text.back() != ']') {
      error = "unclosed '[' in '" + std::string(text) + "'";
      return std::nullopt;
    }
    const auto inside = text.substr(open + 1, text.size() - open - 2);
    auto count = parse_number(inside);
    if (!inside.empty() &&
        (std::isalpha(static_cast<unsigned char>(inside[0])) || inside[0] == '_'))
      count = 1;  // a member's name: the count of a trailing part, read at run time
    if (!count || *count == 0) {
      error = "bad element count in '" + std::string(text) + "'";
      return std::nullopt;
    }
    arg.count = *count;
    text = trim(text.substr(0, open));
  }
  if (text.starts_with("struct ")) {
    arg.struct_name = std::string(trim(text.substr(7)));
  } else {
    bool known = false;
    for (const auto& scalar : model_layout(Abi::x86_64).scalars) known |= scalar.name == text;
    if (!known) {
      error = "unknown scalar '" + std::string(text) + "'";
      return std::nullopt;
    }
    arg.scalar = std::string(text);
  }
  return arg;
}

}  // namespace

std::optional<IoctlEncoding> parse_ioctl_encoding(std::string_view text, std::string& error) {
  text = trim(text);
  IoctlEncoding encoding;
  if (!text.starts_with("_IO")) {
    auto number = parse_number(text);
    if (!number) {
      error = "not a number or an _IO* encoding: '" + std::string(text) + "'";
      return std::nullopt;
    }
    encoding.number = *number;
    return encoding;
  }
  const auto open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') {
    error = "malformed encoding '" + std::string(text) + "'";
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
    error = "unknown macro '" + std::string(macro) + "'";
    return std::nullopt;
  }
  std::vector<std::string_view> parts;
  auto inner = text.substr(open + 1, text.size() - open - 2);
  for (std::size_t at = 0; at <= inner.size();) {
    auto comma = inner.find(',', at);
    if (comma == std::string_view::npos) comma = inner.size();
    parts.push_back(inner.substr(at, comma - at));
    at = comma + 1;
  }
  const std::size_t wanted = encoding.kind == IoctlEncoding::Kind::io ? 2 : 3;
  if (parts.size() != wanted) {
    error = std::string(macro) + " takes " + std::to_string(wanted) + " arguments: '" +
            std::string(text) + "'";
    return std::nullopt;
  }
  auto type = parse_number(parts[0]);
  auto nr = parse_number(parts[1]);
  if (!type || !nr || *type > 0xff || *nr > 0xff) {
    error = "bad type or number in '" + std::string(text) + "'";
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

std::optional<IoctlArg> parse_ioctl_argument(std::string_view text, std::string& error) {
  text = trim(text);
  if (text.empty()) return IoctlArg{};
  if (text == "val") {
    IoctlArg value;
    value.kind = IoctlArgKind::value;
    return value;
  }
  ArgDir dir;
  if (text.starts_with("in "))
    dir = ArgDir::in;
  else if (text.starts_with("out "))
    dir = ArgDir::out;
  else if (text.starts_with("inout "))
    dir = ArgDir::inout;
  else {
    error = "argument '" + std::string(text) + "' is none of '', 'val', 'in T', 'out T', 'inout T'";
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
      error =
          "a trailing part follows a struct and names its count: '" + std::string(trailing) + "'";
      return std::nullopt;
    }
    arg->trailing_struct = element->struct_name;
    arg->trailing_scalar = element->scalar;
    arg->count_member = std::string(trim(trailing.substr(open + 1, trailing.size() - open - 2)));
  }
  arg->kind = IoctlArgKind::pointer;
  arg->dir = dir;
  return arg;
}

std::optional<std::size_t> ioctl_type_size(const IoctlArg& type, Abi abi) {
  if (!type.struct_name.empty()) {
    const StructLayout* layout = find_struct_layout(abi, type.struct_name);
    if (!layout || !layout->present) return std::nullopt;
    return layout->size * type.count;
  }
  for (const auto& scalar : model_layout(abi).scalars)
    if (scalar.name == type.scalar) return scalar.size * type.count;
  return std::nullopt;
}

std::uint32_t ioctl_number(const IoctlEncoding& encoding, Abi abi, std::size_t size) {
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

namespace {

struct Table {
  std::array<std::vector<Ioctl>, all_abis.size()> by_abi;
  std::array<std::unordered_map<std::string_view, const Ioctl*>, all_abis.size()> by_name;
  std::vector<std::string> errors;
  std::size_t rows = 0;
};

// The table of the ABIs in `abis` (the others' entries stay empty); every row is parsed
// either way, so the errors of the rows themselves are the same.
Table build_table(std::span<const Abi> abis) {
  Table table;
  const std::span<const IoctlFamily> chunks[] = {ioctl_families_terminal(), ioctl_families_net(),
                                                 ioctl_families_block(),    ioctl_families_fs(),
                                                 ioctl_families_devices(),  ioctl_families_media()};
  for (const auto& chunk : chunks)
    for (const IoctlFamily& family : chunk)
      for (const IoctlRow& row : family.rows) {
        ++table.rows;
        const std::string where = "ioctl " + std::string(row.name) + ": ";
        std::string error;
        // request := encoding {'|' ABI encoding}
        std::string_view rest = row.request;
        const auto first_bar = rest.find('|');
        auto encoding = parse_ioctl_encoding(rest.substr(0, first_bar), error);
        std::array<std::optional<IoctlEncoding>, all_abis.size()> own;
        for (auto bar = first_bar; encoding && bar != std::string_view::npos;) {
          const auto next = rest.find('|', bar + 1);
          auto part = rest.substr(bar + 1, next == std::string_view::npos ? next : next - bar - 1);
          while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
          const auto space = part.find(' ');
          const auto abi = parse_abi(part.substr(0, space));
          if (!abi || space == std::string_view::npos) {
            error = "'" + std::string(part) + "' is not 'ABI encoding'";
            break;
          }
          own[static_cast<std::size_t>(*abi)] = parse_ioctl_encoding(part.substr(space + 1), error);
          if (!own[static_cast<std::size_t>(*abi)]) break;
          bar = next;
        }
        auto arg = parse_ioctl_argument(row.argument, error);
        std::optional<Release> since;
        if (!row.since.empty() && !(since = parse_release(row.since)))
          error = "bad release '" + std::string(row.since) + "'";
        if (!error.empty() || !encoding || !arg) {
          table.errors.push_back(where + error);
          continue;
        }
        for (Abi abi : abis) {
          if (family.x86_only && abi != Abi::i386 && abi != Abi::x86_64 && abi != Abi::x32)
            continue;
          const auto& override_ = own[static_cast<std::size_t>(abi)];
          const IoctlEncoding& used = override_ ? *override_ : *encoding;
          std::size_t size = 0;
          if (used.kind != IoctlEncoding::Kind::fixed && used.kind != IoctlEncoding::Kind::io) {
            auto encoded = ioctl_type_size(used.size_type, abi);
            if (!encoded) continue;  // a struct absent on this ABI (x86-only KVM registers)
            size = *encoded;
          }
          Ioctl entry;
          entry.name = row.name;
          entry.header = row.header;
          entry.family = family.name;
          entry.abi = abi;
          entry.number = ioctl_number(used, abi, size);
          entry.arg = *arg;
          entry.since = since;
          entry.request_text = row.request;
          entry.argument_text = row.argument;
          if (arg->kind == IoctlArgKind::pointer) {
            auto bytes = ioctl_type_size(*arg, abi);
            if (!bytes) {
              if (!arg->struct_name.empty() && find_struct_layout(abi, arg->struct_name)) continue;
              table.errors.push_back(where + "argument type '" + arg->type +
                                     "' is not described on " + std::string(abi_name(abi)));
              continue;
            }
            entry.arg_size = *bytes;
            if (!arg->count_member.empty()) {
              IoctlArg element;
              element.struct_name = arg->trailing_struct;
              element.scalar = arg->trailing_scalar;
              const StructLayout* layout = find_struct_layout(abi, arg->struct_name);
              const FieldLayout* count = nullptr;
              for (const auto& field : layout->fields)
                if (field.name == arg->count_member) count = &field;
              auto element_size = ioctl_type_size(element, abi);
              if (!count || !element_size || count->kind != FieldKind::integer) {
                table.errors.push_back(where + "trailing part: no integer member '" +
                                       arg->count_member + "' or no element size on " +
                                       std::string(abi_name(abi)));
                continue;
              }
              entry.trailing_element = *element_size;
              entry.count_offset = count->offset;
              entry.count_size = count->size;
            }
          }
          table.by_abi[static_cast<std::size_t>(abi)].push_back(std::move(entry));
        }
      }
  for (Abi abi : abis) {
    auto& entries = table.by_abi[static_cast<std::size_t>(abi)];
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Ioctl& a, const Ioctl& b) { return a.number < b.number; });
    for (std::size_t i = 1; i < entries.size(); ++i)
      if (entries[i].number == entries[i - 1].number &&
          entries[i].argument_text != entries[i - 1].argument_text)
        table.errors.push_back(std::string(abi_name(abi)) + ": request " +
                               std::to_string(entries[i].number) + " is both " +
                               std::string(entries[i - 1].name) + " and " +
                               std::string(entries[i].name) + ", with other arguments");
    auto& index = table.by_name[static_cast<std::size_t>(abi)];
    for (const auto& entry : entries)
      if (!index.emplace(entry.name, &entry).second)
        table.errors.push_back(std::string(abi_name(abi)) + ": " + std::string(entry.name) +
                               " described twice");
  }
  return table;
}

// Every ABI's table, for the checks and the tools.
const Table& full_table() {
  static const Table built = build_table(all_abis);
  return built;
}

// One ABI's table, built the first time that ABI is asked for: a guest's first ioctl under
// run32 needs i386's and x86_64's, not all seven.
const Table& table(Abi abi) {
  static std::array<Table, all_abis.size()> built;
  static std::array<std::once_flag, all_abis.size()> once;
  const auto index = static_cast<std::size_t>(abi);
  std::call_once(once.at(index), [&] { built[index] = build_table(std::span(&abi, 1)); });
  return built[index];
}

}  // namespace

const std::vector<Ioctl>& ioctls(Abi abi) {
  return table(abi).by_abi[static_cast<std::size_t>(abi)];
}

const Ioctl* find_ioctl(Abi abi, std::uint32_t number) {
  const auto& entries = ioctls(abi);
  auto it = std::lower_bound(entries.begin(), entries.end(), number,
                             [](const Ioctl& entry, std::uint32_t n) { return entry.number < n; });
  return it != entries.end() && it->number == number ? &*it : nullptr;
}

const Ioctl* find_ioctl(Abi abi, std::string_view name) {
  const auto& index = table(abi).by_name[static_cast<std::size_t>(abi)];
  auto found = index.find(name);
  return found == index.end() ? nullptr : found->second;
}

std::size_t ioctl_row_count() {
  return full_table().rows;
}

const std::vector<std::string>& ioctl_table_errors() {
  return full_table().errors;
}

}  // namespace syscompat::abi
