// The ioctl table's compile-time data: every row parsed once by the constexpr parser of
// ioctls.hpp, then each ABI's requests with their numbers and argument sizes (the sizeof of
// the ABI's own instantiation of each struct) sorted by number, evaluated while the including
// file compiles. The library keeps them (ioctls.cpp: abi::ioctls); code that derives its own
// compile-time tables from the requests (the i386 translators' ioctl plans) includes this
// header to take their addresses as constants. One definition: the variables are inline.
//
// A malformed row (an unknown macro or scalar, a struct no description has, a trailing part
// whose count is no integer member) stops the build with the row's name and the reason.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>

#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/field_keys.hpp"
#include "syscompat/abi/ioctl_rows.hpp"
#include "syscompat/abi/ioctls.hpp"

namespace syscompat::abi::ioctl_table {

consteval std::size_t count_rows() {
  std::size_t count = 0;
  for (const auto& chunk : ioctl_family_chunks)
    for (const IoctlFamily& family : chunk) count += family.rows.size();
  return count;
}
inline constexpr std::size_t row_count = count_rows();

// Every row in turn, across the chunks: f(row index, family, row).
template <class F>
constexpr void for_each_row(F&& f) {
  std::size_t index = 0;
  for (const auto& chunk : ioctl_family_chunks)
    for (const IoctlFamily& family : chunk)
      for (const IoctlRow& row : family.rows) f(index++, family, row);
}

// ---- the structs and scalars a row may name ----------------------------------------------

// Every described struct, in the catalog's order: a struct is known by its place there.
#define SYSCOMPAT_IOCTL_STRUCT_NAME(entry) abi::entry<X86_64>::description_name,
inline constexpr std::string_view struct_names[] = {
    SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_IOCTL_STRUCT_NAME)};
#undef SYSCOMPAT_IOCTL_STRUCT_NAME

inline constexpr std::uint16_t none = 0xffff;

constexpr std::uint16_t struct_index(std::string_view name) {
  for (std::size_t i = 0; i < std::size(struct_names); ++i)
    if (struct_names[i] == name) return static_cast<std::uint16_t>(i);
  return none;
}
constexpr std::uint16_t scalar_index(std::string_view name) {
  for (std::size_t i = 0; i < std::size(ioctl_notation::scalar_names); ++i)
    if (ioctl_notation::scalar_names[i] == name) return static_cast<std::uint16_t>(i);
  return none;
}

// A TYPE by its place in those lists: what its size on an ABI is looked up by.
struct TypeRef {
  std::uint16_t struct_ = none, scalar = none;
  std::uint32_t count = 1;
};
constexpr TypeRef type_ref(std::string_view struct_name, std::string_view scalar,
                           std::uint32_t count) {
  return {struct_name.empty() ? none : struct_index(struct_name),
          scalar.empty() ? none : scalar_index(scalar), count};
}

// ---- the rows, parsed once ---------------------------------------------------------------

struct ParsedRow {
  IoctlEncoding encoding;
  TypeRef encoded;  // encoding.size_type
  // An ABI's own number (gcc 12 cannot read an array of std::optional of a constexpr object
  // while it evaluates another: a flag beside each).
  std::array<bool, all_abis.size()> has_own{};
  std::array<IoctlEncoding, all_abis.size()> own{};
  std::array<TypeRef, all_abis.size()> own_encoded{};
  IoctlArg arg;
  TypeRef argument, element;  // the argument's type, and its trailing part's element
  std::optional<Release> since;
};

constexpr bool described(const TypeRef& type, const IoctlArg& arg, NotationError& error) {
  if (arg.struct_name.empty() || type.struct_ != none) return true;
  error << "struct " << arg.struct_name << " is not described";
  return false;
}

constexpr std::optional<ParsedRow> parse_row(const IoctlRow& row, NotationError& error) {
  ParsedRow parsed;
  // request := encoding {'|' ABI encoding}
  const std::string_view request = row.request;
  const auto first_bar = request.find('|');
  auto encoding = parse_ioctl_encoding(request.substr(0, first_bar), error);
  if (!encoding) return std::nullopt;
  parsed.encoding = *encoding;
  parsed.encoded = type_ref(encoding->size_type.struct_name, encoding->size_type.scalar,
                            encoding->size_type.count);
  if (!described(parsed.encoded, encoding->size_type, error)) return std::nullopt;
  for (auto bar = first_bar; bar != std::string_view::npos;) {
    const auto next = request.find('|', bar + 1);
    auto part = ioctl_notation::trim(
        request.substr(bar + 1, next == std::string_view::npos ? next : next - bar - 1));
    const auto space = part.find(' ');
    const auto abi = parse_abi(part.substr(0, space));
    if (!abi || space == std::string_view::npos) {
      error << "'" << part << "' is not 'ABI encoding'";
      return std::nullopt;
    }
    const auto at = static_cast<std::size_t>(*abi);
    const auto own = parse_ioctl_encoding(part.substr(space + 1), error);
    if (!own) return std::nullopt;
    parsed.has_own[at] = true;
    parsed.own[at] = *own;
    const IoctlArg& size_type = own->size_type;
    parsed.own_encoded[at] = type_ref(size_type.struct_name, size_type.scalar, size_type.count);
    if (!described(parsed.own_encoded[at], size_type, error)) return std::nullopt;
    bar = next;
  }
  auto arg = parse_ioctl_argument(row.argument, error);
  if (!arg) return std::nullopt;
  parsed.arg = *arg;
  parsed.argument = type_ref(arg->struct_name, arg->scalar, arg->count);
  if (!described(parsed.argument, *arg, error)) return std::nullopt;
  if (!arg->count_member.empty()) {
    parsed.element = type_ref(arg->trailing_struct, arg->trailing_scalar, 1);
    if (!arg->trailing_struct.empty() && parsed.element.struct_ == none) {
      error << "struct " << arg->trailing_struct << " is not described";
      return std::nullopt;
    }
  }
  if (!row.since.empty() && !(parsed.since = parse_release(row.since))) {
    error << "bad release '" << row.since << "'";
    return std::nullopt;
  }
  return parsed;
}

// What is wrong with the rows, as text a template argument carries into the compiler's
// message; empty when nothing is.
struct IoctlProblem {
  std::array<char, 240> text{};
  constexpr bool empty() const { return text[0] == '\0'; }
};
constexpr IoctlProblem problem_of(const NotationError& error) {
  IoctlProblem problem;
  const std::string_view text = error.view();
  for (std::size_t i = 0; i < text.size() && i + 1 < problem.text.size(); ++i)
    problem.text[i] = text[i];
  return problem;
}
// Instantiated with the problem found: its text is in the compiler's message.
template <IoctlProblem problem>
constexpr bool well_formed() {
  static_assert(problem.empty(),
                "the ioctl table is malformed (the row and why: see IoctlProblem)");
  return problem.empty();
}

consteval IoctlProblem first_malformed_row() {
  NotationError error;
  for_each_row([&](std::size_t, const IoctlFamily&, const IoctlRow& row) {
    if (!error.empty()) return;
    NotationError why;
    if (!parse_row(row, why)) error << "ioctl " << row.name << ": " << why.view();
  });
  if (error.empty()) {
    // one row per request: no name twice
    std::array<std::string_view, row_count> names{};
    for_each_row(
        [&](std::size_t i, const IoctlFamily&, const IoctlRow& row) { names[i] = row.name; });
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size() && error.empty(); ++i)
      if (names[i] == names[i - 1]) error << "ioctl " << names[i] << ": described twice";
  }
  return problem_of(error);
}
static_assert(well_formed<first_malformed_row()>());

struct ParsedRows {
  std::array<ParsedRow, row_count> rows{};
};
inline constexpr ParsedRows parsed_rows = [] {
  ParsedRows parsed;
  for_each_row([&](std::size_t i, const IoctlFamily&, const IoctlRow& row) {
    NotationError error;
    parsed.rows[i] = parse_row(row, error).value();  // refused above if it does not parse
  });
  return parsed;
}();

// What every ABI's entries share: the row, its family, its argument and release.
inline constexpr auto requests = [] {
  std::array<IoctlRequest, row_count> out{};
  for_each_row([&](std::size_t i, const IoctlFamily& family, const IoctlRow& row) {
    out[i] = {&row, &family, parsed_rows.rows[i].arg, parsed_rows.rows[i].since};
  });
  return out;
}();

// ---- one ABI's sizes ---------------------------------------------------------------------

template <Abi A>
using ModelOf = Model<model_params(A)>;

// Whether a row counts a trailing part with a member of this struct.
consteval bool counted_struct(std::string_view name) {
  for (const ParsedRow& row : parsed_rows.rows)
    if (!row.arg.count_member.empty() && row.arg.struct_name == name) return true;
  return false;
}

struct CountMember {
  bool found = false;
  std::uint16_t offset = 0, size = 0;
};

template <class S>
constexpr CountMember integer_member(std::string_view member) {
  const auto keys = field_keys<S>();
  for (std::size_t i = 0; i < keys.count; ++i)
    if (keys.keys[i].name == member && keys.keys[i].kind == FieldKind::integer)
      return {true, static_cast<std::uint16_t>(keys.keys[i].offset),
              static_cast<std::uint16_t>(keys.keys[i].size)};
  return {};
}

template <class M>
struct ModelSizes {
  std::array<std::uint32_t, std::size(struct_names)> structs{};  // 0: absent on this ABI
  std::array<std::uint32_t, std::size(ioctl_notation::scalar_names)> scalars{};
};

template <class M>
inline constexpr ModelSizes<M> model_sizes = [] {
  ModelSizes<M> sizes;
  std::size_t i = 0;
#define SYSCOMPAT_IOCTL_STRUCT_SIZE(entry)                                             \
  if constexpr (is_present_v<abi::entry<M>>) sizes.structs[i] = sizeof(abi::entry<M>); \
  ++i;
  SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_IOCTL_STRUCT_SIZE)
#undef SYSCOMPAT_IOCTL_STRUCT_SIZE
  i = 0;
#define SYSCOMPAT_IOCTL_SCALAR_SIZE(name, c_type) sizes.scalars[i++] = sizeof(typename M::name);
  SYSCOMPAT_SCALARS(SYSCOMPAT_IOCTL_SCALAR_SIZE)
#undef SYSCOMPAT_IOCTL_SCALAR_SIZE
  return sizes;
}();

// The member `member` of the struct at `index` on M, where it is an integer.
template <class M>
constexpr CountMember count_member(std::uint16_t index, std::string_view member) {
  CountMember found;
  std::size_t i = 0;
#define SYSCOMPAT_IOCTL_COUNT_MEMBER(entry)                                                       \
  if constexpr (is_present_v<abi::entry<M>> && counted_struct(abi::entry<M>::description_name)) { \
    if (i == index) found = integer_member<abi::entry<M>>(member);                                \
  }                                                                                               \
  ++i;
  SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_IOCTL_COUNT_MEMBER)
#undef SYSCOMPAT_IOCTL_COUNT_MEMBER
  return found;
}

// The bytes a TYPE covers on M; nothing when its struct is absent there.
template <class M>
constexpr std::optional<std::uint32_t> type_size(const TypeRef& type) {
  const std::uint32_t one = type.struct_ != none ? model_sizes<M>.structs[type.struct_]
                                                 : model_sizes<M>.scalars[type.scalar];
  if (!one) return std::nullopt;
  return one * type.count;
}

// ---- one ABI's requests ------------------------------------------------------------------

// The row's entry on A, or nothing where the row has none (an x86-only family, a struct A
// does not have); a trailing part whose count member is missing is `error`.
template <Abi A>
constexpr std::optional<Ioctl> entry_on(std::size_t index, const IoctlFamily& family,
                                        const IoctlRow& row, NotationError& error) {
  using M = ModelOf<A>;
  if (family.x86_only && A != Abi::i386 && A != Abi::x86_64 && A != Abi::x32) return std::nullopt;
  const ParsedRow& parsed = parsed_rows.rows[index];
  const auto at = static_cast<std::size_t>(A);
  const IoctlEncoding& used = parsed.has_own[at] ? parsed.own[at] : parsed.encoding;
  const TypeRef& encoded = parsed.has_own[at] ? parsed.own_encoded[at] : parsed.encoded;
  std::uint32_t size = 0;
  if (used.kind != IoctlEncoding::Kind::fixed && used.kind != IoctlEncoding::Kind::io) {
    const auto encoded_size = type_size<M>(encoded);
    if (!encoded_size) return std::nullopt;  // a struct absent on this ABI (x86-only KVM)
    size = *encoded_size;
  }
  Ioctl entry;
  entry.name = row.name;
  entry.request = &requests[index];
  entry.abi = A;
  entry.number = ioctl_number(used, A, size);
  if (parsed.arg.kind == IoctlArgKind::pointer) {
    const auto bytes = type_size<M>(parsed.argument);
    if (!bytes) return std::nullopt;  // the argument's struct is absent on this ABI
    entry.arg_size = *bytes;
    if (!parsed.arg.count_member.empty()) {
      const CountMember count = count_member<M>(parsed.argument.struct_, parsed.arg.count_member);
      const auto element = type_size<M>(parsed.element);
      if (!count.found || !element) {
        error << "ioctl " << row.name << ": trailing part: no integer member '"
              << parsed.arg.count_member << "' or no element size on " << abi_name(A);
        return std::nullopt;
      }
      entry.trailing_element = *element;
      entry.count_offset = count.offset;
      entry.count_size = count.size;
    }
  }
  return entry;
}

template <Abi A>
struct Drafts {
  std::array<Ioctl, row_count> entries{};
  std::size_t count = 0;
  IoctlProblem problem;
};

template <Abi A>
inline constexpr Drafts<A> drafts = [] {
  Drafts<A> drafts;
  NotationError error;
  for_each_row([&](std::size_t index, const IoctlFamily& family, const IoctlRow& row) {
    if (auto entry = entry_on<A>(index, family, row, error))
      drafts.entries[drafts.count++] = *entry;
  });
  // sorted by number; rows sharing a number keep row order
  std::sort(drafts.entries.begin(), drafts.entries.begin() + drafts.count,
            [](const Ioctl& a, const Ioctl& b) {
              return a.number != b.number ? a.number < b.number : a.request < b.request;
            });
  for (std::size_t i = 1; i < drafts.count && error.empty(); ++i) {
    const Ioctl& a = drafts.entries[i - 1];
    const Ioctl& b = drafts.entries[i];
    if (a.number == b.number && a.argument_text() != b.argument_text())
      error << abi_name(A) << ": request " << notation::digits(b.number) << " is both " << a.name
            << " and " << b.name << ", with other arguments";
  }
  drafts.problem = problem_of(error);
  return drafts;
}();

template <Abi A>
inline constexpr auto abi_ioctls = [] {
  static_assert(well_formed<drafts<A>.problem>());
  std::array<Ioctl, drafts<A>.count> entries{};
  std::copy_n(drafts<A>.entries.begin(), entries.size(), entries.begin());
  return entries;
}();

// Positions in abi_ioctls<A> sorted by name, for find_ioctl(abi, name).
template <Abi A>
inline constexpr auto abi_ioctl_names = [] {
  std::array<std::uint16_t, abi_ioctls<A>.size()> index{};
  for (std::size_t i = 0; i < index.size(); ++i) index[i] = static_cast<std::uint16_t>(i);
  std::sort(index.begin(), index.end(), [](std::uint16_t a, std::uint16_t b) {
    return abi_ioctls<A>[a].name < abi_ioctls<A>[b].name;
  });
  return index;
}();

// The position in abi_ioctls<A> of the request of that name, while compiling; `none` when A
// has none.
template <Abi A>
constexpr std::uint16_t ioctl_index(std::string_view name) {
  const auto& names = abi_ioctl_names<A>;
  auto it = std::lower_bound(
      names.begin(), names.end(), name,
      [](std::uint16_t i, std::string_view n) { return abi_ioctls<A>[i].name < n; });
  return it != names.end() && abi_ioctls<A>[*it].name == name ? *it : none;
}

// ---- what a program keeps: no pointers -----------------------------------------------------
//
// abi_ioctls<A> holds a view of each name and a pointer to its row: a static PIE would
// relocate, and so copy, every page of it at each start. A program keeps instead each
// request's facts, which hold none (read-only data, mapped from the file and never copied),
// and writes A's Ioctl entries from them the first time A's requests are asked for
// (ioctls.cpp): a copy, nothing parsed or looked up.
struct IoctlFacts {
  std::uint16_t request = 0;  // the row: requests[request]
  std::uint16_t count_offset = 0, count_size = 0;
  std::uint32_t number = 0, arg_size = 0, trailing_element = 0;
};

template <Abi A>
inline constexpr auto abi_ioctl_facts = [] {
  std::array<IoctlFacts, abi_ioctls<A>.size()> facts{};
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const Ioctl& entry = abi_ioctls<A>[i];
    facts[i] = {static_cast<std::uint16_t>(entry.request - requests.data()),
                entry.count_offset,
                entry.count_size,
                entry.number,
                entry.arg_size,
                entry.trailing_element};
  }
  return facts;
}();

// Each row's argument and release as facts too: the argument's views as places in the row's
// own argument text.
struct TextPlace {
  std::uint8_t at = 0, size = 0;
};
struct RequestFacts {
  IoctlArgKind kind = IoctlArgKind::none;
  ArgDir dir = ArgDir::in;
  std::uint32_t count = 1;
  TextPlace type, scalar, struct_name, trailing_struct, trailing_scalar, count_member;
  std::optional<Release> since;
};

constexpr TextPlace place_in(std::string_view text, std::string_view part) {
  if (part.empty()) return {};
  // part is a view into text: where it starts is found by comparing the characters, as a
  // constant expression cannot subtract pointers into another object's string literal
  for (std::size_t at = 0; at + part.size() <= text.size(); ++at)
    if (text.substr(at, part.size()) == part && text.data() + at == part.data())
      return {static_cast<std::uint8_t>(at), static_cast<std::uint8_t>(part.size())};
  return {0xff, 0xff};
}

inline constexpr auto request_facts = [] {
  std::array<RequestFacts, row_count> out{};
  for_each_row([&](std::size_t i, const IoctlFamily&, const IoctlRow& row) {
    const IoctlArg& arg = parsed_rows.rows[i].arg;
    out[i] = {arg.kind,
              arg.dir,
              arg.count,
              place_in(row.argument, arg.type),
              place_in(row.argument, arg.scalar),
              place_in(row.argument, arg.struct_name),
              place_in(row.argument, arg.trailing_struct),
              place_in(row.argument, arg.trailing_scalar),
              place_in(row.argument, arg.count_member),
              parsed_rows.rows[i].since};
  });
  return out;
}();
static_assert(
    [] {
      for (const RequestFacts& facts : request_facts)
        for (const TextPlace& place :
             {facts.type, facts.scalar, facts.struct_name, facts.trailing_struct,
              facts.trailing_scalar, facts.count_member})
          if (place.at == 0xff) return false;
      return true;
    }(),
    "an ioctl argument's part is not in its row's text (or the text is over 254 characters)");

// Where the rows' requests and A's entries are written (zeroed storage until then), and
// whether they are.
inline std::array<IoctlRequest, row_count> request_store{};
inline std::once_flag request_store_written;
template <Abi A>
inline std::array<Ioctl, abi_ioctls<A>.size()> ioctl_store{};
template <Abi A>
inline std::once_flag ioctl_store_written;

}  // namespace syscompat::abi::ioctl_table
