// SYSCOMPAT_STRUCT: how a struct entry is written.
//
//   SYSCOMPAT_STRUCT(timeval, "timeval", uapi("linux/time.h", "struct timeval"),
//                    (tv_sec, kernel_old_time),
//                    (tv_usec, kernel_suseconds))
//
// declares `template <class M> struct timeval` whose members are M's storage types, plus
// the member names as strings (Boost.PFR 1.81 walks members but cannot name them). A field
// is (name, type), or (name, type, condition) for a member that only some ABIs' declaration
// has (a `#if` inside one kernel declaration), or (name, type, condition, "c_name") where
// two such members share one C name. Types contain no commas: arrays are written `u8[4]`.
#pragma once

// An entry may have more members than Boost.PP's default 64 tuple elements (tcp_info has 70):
// the abi target asks for 128 (abi/CMakeLists.txt); a translation unit that included Boost.PP
// before this header without it stops below.
#ifndef BOOST_PP_LIMIT_TUPLE
#define BOOST_PP_LIMIT_TUPLE 128
#endif

#include <array>
#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/comparison/equal.hpp>
#include <boost/preprocessor/control/iif.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/preprocessor/tuple/elem.hpp>
#include <boost/preprocessor/tuple/size.hpp>
#include <boost/preprocessor/variadic/size.hpp>
#include <boost/preprocessor/variadic/to_seq.hpp>
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

#include "syscompat/abi/models.hpp"
#include "syscompat/abi/storage.hpp"

#if BOOST_PP_LIMIT_TUPLE < 128 || BOOST_PP_LIMIT_VARIADIC < 128
#error "Boost.PP takes 64 tuple elements here: define BOOST_PP_LIMIT_TUPLE=128 before it"
#endif

namespace syscompat::abi {

// Where the compiler oracle finds the C declaration of an entry. UAPI and libc headers
// clash (both declare struct stat), so they are probed in separate translation units.
enum class ProbeSource { uapi, libc, none };

// A kernel release, as far as the description dates declarations ("6.10").
struct KernelRelease {
  int major = 0, minor = 0;
  constexpr bool known() const { return major != 0; }
  constexpr auto operator<=>(const KernelRelease&) const = default;
};

struct Probe {
  ProbeSource source;
  std::string_view headers;  // space-separated, in include order
  std::string_view c_type;   // a C type expression naming the declaration
  std::string_view why_none = {};
  // The release whose UAPI headers first declare it (uapi_since): older headers cannot
  // check it, and the checker says "not verifiable here" for them instead of passing it.
  KernelRelease since = {};
};

constexpr Probe uapi(std::string_view headers, std::string_view c_type) {
  return {ProbeSource::uapi, headers, c_type};
}
constexpr Probe libc(std::string_view headers, std::string_view c_type) {
  return {ProbeSource::libc, headers, c_type};
}
// For a UAPI declaration newer than the headers some toolchains bring: checked by every
// compiler whose headers are of `since` or later, reported "not verifiable here" by the rest.
// The kernel file is the first of `headers`, under include/uapi/ (arch/.../include/uapi/ for
// an asm/ header).
constexpr Probe uapi_since(KernelRelease since, std::string_view headers, std::string_view c_type) {
  return {ProbeSource::uapi, headers, c_type, {}, since};
}
// For a kernel-internal struct no header declares: it cannot be checked by a compiler, and
// the checker says so instead of passing it.
constexpr Probe no_header(std::string_view why) {
  return {ProbeSource::none, {}, {}, why};
}

// An entry's member names, as one array of characters and where each name begins: a table
// that holds no pointer, so a program keeps it in the read-only data it maps from its file. (An
// array of std::string_view holds a pointer per name, which a static PIE relocates, and so
// copies, on every page that holds one at each start: the entries' names were a quarter of
// the pages syscompat-run32 relocated.) Made by name_list() from the names written one after
// another, each ended by a NUL: name_list<2>("tv_sec\0" "tv_usec\0").
template <std::size_t N, std::size_t Chars>
struct NameList {
  static_assert(Chars < 0x10000, "an entry's names take more than 64 KiB");
  std::array<char, Chars> text{};
  std::array<std::uint16_t, N + 1> starts{};  // name i is text[starts[i], starts[i + 1] - 1)

  static constexpr std::size_t size() { return N; }
  constexpr std::string_view operator[](std::size_t i) const {
    return {text.data() + starts[i], static_cast<std::size_t>(starts[i + 1] - starts[i] - 1)};
  }

  struct iterator {
    const NameList* list = nullptr;
    std::size_t index = 0;
    constexpr std::string_view operator*() const { return (*list)[index]; }
    constexpr iterator& operator++() {
      ++index;
      return *this;
    }
    constexpr bool operator==(const iterator&) const = default;
  };
  constexpr iterator begin() const { return {this, 0}; }
  constexpr iterator end() const { return {this, N}; }
};

// `names` holds N names, each ended by a NUL (the string literal adds one more after them);
// SYSCOMPAT_STRUCT writes them and N from the same list of members.
template <std::size_t N, std::size_t Chars>
constexpr NameList<N, Chars> name_list(const char (&names)[Chars]) {
  NameList<N, Chars> list;
  std::size_t name = 0;
  for (std::size_t i = 0; i < Chars; ++i) list.text[i] = names[i];
  for (std::size_t i = 0; i + 1 < Chars && name < N; ++i)
    if (names[i] == '\0') list.starts[++name] = static_cast<std::uint16_t>(i + 1);
  return list;
}

// Stands for an entry on an ABI whose kernel does not have it.
template <class Declared, FixedString Why>
struct AbsentStruct {
  static constexpr std::string_view description_name = Declared::description_name;
  static constexpr std::string_view why_absent = Why.view();
};

template <class T>
inline constexpr bool is_present_v = true;
template <class D, FixedString W>
inline constexpr bool is_present_v<AbsentStruct<D, W>> = false;

template <class T>
concept described_struct = requires {
  T::field_names;
};

// `only_on<M, decl<M>, "why", Abi::i386, ...>`: the entry exists on the ABIs listed.
template <class M, class Declared, FixedString Why, Abi... On>
using only_on = std::conditional_t<((M::abi == On) || ...), Declared, AbsentStruct<Declared, Why>>;

// What to do with a value that does not fit the member it is converted into.
enum class Narrowing {
  eoverflow,  // fail the conversion with EOVERFLOW, as the kernel's cp_compat_stat does
  clamp,      // saturate to the member's range (put_compat_rlimit's RLIM_INFINITY)
  truncate,   // keep the low bits, as a C cast does (ptr_to_compat)
  as_kernel,  // what the kernel's compat copy of each struct does (kernel_narrowing below),
              // EOVERFLOW where it says nothing: the translators' policy
};

// How the kernel converts one member into this struct, where the names and types alone do
// not say it; written next to the entry that needs it:
//   from:      the member of the other ABI's struct it takes its value from (stat64's
//              __st_ino holds the low 32 bits of st_ino);
//   narrowing: the member's own policy, overriding the caller's;
//   max:       a limit below the type's own (the old stat's st_size: MAX_NON_LFS).
//   overflow: the value stored where it does not fit, instead of failing (the 16-bit ids'
//             overflowuid, 65534)
//   high_half: the upper 32 bits of `from` (the IPC structs' *_time_high, upper_32_bits)
struct MemberRule {
  std::string_view member;
  std::string_view from = {};
  std::optional<Narrowing> narrowing = {};
  std::optional<std::int64_t> max = {};
  std::optional<std::int64_t> overflow = {};
  bool high_half = false;
};
template <class S>
inline constexpr std::array<MemberRule, 0> member_rules{};

// How the kernel's compat copy of this struct narrows the members no rule names, where it
// does so for the whole struct: most assign member by member as C does (put_old_timespec32,
// put_compat_rusage, cp_stat64), keeping the low bits past 2038. It applies under
// Narrowing::as_kernel only: a library making its own 32-bit copies may still refuse
// (symver's v1 stubs keep EOVERFLOW, as libc does).
template <class S>
inline constexpr std::optional<Narrowing> kernel_narrowing = {};

// Members a later release gave an entry whose older part the headers already declare (statx's
// stx_subvol took the front of __spare3 in 6.10): each with the release whose header first
// has it in that place, so that the checker compares it only against headers that new.
// `appended`: the member lies past the older declaration's end, so the struct's size is of
// that release too.
struct NewerMember {
  std::string_view member;
  KernelRelease since;
  bool appended = false;
};
template <class S>
inline constexpr std::array<NewerMember, 0> newer_members{};

// overflowuid and overflowgid (/proc/sys/kernel/overflowuid's default): what the kernel puts
// in a 16-bit id field for an id that does not fit (high2lowuid).
inline constexpr std::int64_t overflow_id = 65534;

// The kernel writes this struct member by member (unsafe_put_user), so its padding keeps
// whatever the caller's buffer held; elsewhere it copies out a whole zeroed struct.
template <class S>
inline constexpr bool kernel_writes_members_only = false;

}  // namespace syscompat::abi

#define SYSCOMPAT_DETAIL_ALIAS(name, c_type) using name = typename M::name;

#define SYSCOMPAT_DETAIL_PLAIN(i, F) \
  ::syscompat::abi::field_t<BOOST_PP_TUPLE_ELEM(1, F)> BOOST_PP_TUPLE_ELEM(0, F);
#define SYSCOMPAT_DETAIL_CONDITIONAL(i, F)                                                  \
  [[no_unique_address]] ::syscompat::abi::when_t<                                           \
      (BOOST_PP_TUPLE_ELEM(2, F)), ::syscompat::abi::field_t<BOOST_PP_TUPLE_ELEM(1, F)>, i> \
      BOOST_PP_TUPLE_ELEM(0, F);
#define SYSCOMPAT_DETAIL_DECLARE(r, data, i, F)                                   \
  BOOST_PP_IIF(BOOST_PP_EQUAL(BOOST_PP_TUPLE_SIZE(F), 2), SYSCOMPAT_DETAIL_PLAIN, \
               SYSCOMPAT_DETAIL_CONDITIONAL)                                      \
  (i, F)

#define SYSCOMPAT_DETAIL_OWN_NAME(F) BOOST_PP_STRINGIZE(BOOST_PP_TUPLE_ELEM(0, F))
#define SYSCOMPAT_DETAIL_C_NAME(F) BOOST_PP_TUPLE_ELEM(3, F)
#define SYSCOMPAT_DETAIL_NAME(r, data, i, F)                                       \
  BOOST_PP_IIF(BOOST_PP_EQUAL(BOOST_PP_TUPLE_SIZE(F), 4), SYSCOMPAT_DETAIL_C_NAME, \
               SYSCOMPAT_DETAIL_OWN_NAME)                                          \
  (F) "\0"

#define SYSCOMPAT_DETAIL_OWN_NAME_ITEM(r, data, i, F) SYSCOMPAT_DETAIL_OWN_NAME(F) "\0"

#define SYSCOMPAT_STRUCT(ID, NAME, PROBE, ...) \
  SYSCOMPAT_DETAIL_STRUCT(ID, NAME, PROBE, , __VA_ARGS__)

// For a declaration with __attribute__((aligned(N))) on the struct itself (rseq).
#define SYSCOMPAT_ALIGNED_STRUCT(ID, NAME, ALIGN, PROBE, ...) \
  SYSCOMPAT_DETAIL_STRUCT(ID, NAME, PROBE, alignas(ALIGN), __VA_ARGS__)

// The names do not depend on the data model: every instantiation refers to one list of them.
#define SYSCOMPAT_DETAIL_STRUCT(ID, NAME, PROBE, ALIGNAS, ...)                                    \
  namespace names_of {                                                                            \
  struct ID {                                                                                     \
    static constexpr auto field_names =                                                           \
        ::syscompat::abi::name_list<BOOST_PP_VARIADIC_SIZE(__VA_ARGS__)>(BOOST_PP_SEQ_FOR_EACH_I( \
            SYSCOMPAT_DETAIL_NAME, ~, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__)));                    \
    /* the members' own identifiers (st_atime_sec where the C name st_atime is a libc macro) */   \
    static constexpr auto member_names =                                                          \
        ::syscompat::abi::name_list<BOOST_PP_VARIADIC_SIZE(__VA_ARGS__)>(BOOST_PP_SEQ_FOR_EACH_I( \
            SYSCOMPAT_DETAIL_OWN_NAME_ITEM, ~, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__)));           \
  };                                                                                              \
  }                                                                                               \
  template <class M>                                                                              \
  struct ALIGNAS ID {                                                                             \
    SYSCOMPAT_SCALARS(SYSCOMPAT_DETAIL_ALIAS)                                                     \
    BOOST_PP_SEQ_FOR_EACH_I(SYSCOMPAT_DETAIL_DECLARE, ~, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__))   \
    static constexpr std::string_view description_name = NAME;                                    \
    static constexpr ::syscompat::abi::Probe probe = PROBE;                                       \
    static constexpr const auto& field_names = names_of::ID::field_names;                         \
    static constexpr const auto& member_names = names_of::ID::member_names;                       \
  }
