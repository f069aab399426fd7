// Memory constants: mmap(2)'s prot and flags, madvise(2)'s advice (asm/mman.h with
// asm-generic/mman-common.h, mips's own asm/mman.h, linux/mman.h).
// Notation: abi/include/syscompat/abi/constant_types.hpp.
#pragma once

#include "syscompat/abi/constant_types.hpp"

namespace syscompat::abi {

namespace rows {

using namespace abis;

// clang-format off
// PROT_NONE, the value 0, is named when no bit is set.
inline constexpr ConstantRow mmap_prot_rows[] = {
    {"PROT_READ", 0x1},
    {"PROT_WRITE", 0x2},
    {"PROT_EXEC", 0x4},
    {"PROT_SEM", 0x8, {mips, 0x10}},
    {"PROT_GROWSDOWN", 0x01000000},
    {"PROT_GROWSUP", 0x02000000},
    {"PROT_NONE", 0},
};

// The MAP_TYPE part of mmap's flags.
inline constexpr ConstantRow mmap_type_rows[] = {
    {"MAP_SHARED", 0x1},
    {"MAP_PRIVATE", 0x2},
    {"MAP_SHARED_VALIDATE", 0x3},
};

inline constexpr ConstantRow mmap_flag_rows[] = {
    {"MAP_FIXED", 0x10},
    {"MAP_ANONYMOUS", 0x20, {mips, 0x800}},
    {"MAP_32BIT", absent, {x86, 0x40}},
    {"MAP_GROWSDOWN", 0x100, {mips, 0x1000}},
    {"MAP_DENYWRITE", 0x800, {mips, 0x2000}},
    {"MAP_EXECUTABLE", 0x1000, {mips, 0x4000}},
    {"MAP_LOCKED", 0x2000, {mips, 0x8000}},
    {"MAP_NORESERVE", 0x4000, {mips, 0x400}},
    {"MAP_POPULATE", 0x8000, {mips, 0x10000}},
    {"MAP_NONBLOCK", 0x10000, {mips, 0x20000}},
    {"MAP_STACK", 0x20000, {mips, 0x40000}},
    {"MAP_HUGETLB", 0x40000, {mips, 0x80000}},
    {"MAP_SYNC", 0x80000, {mips, absent}},
    {"MAP_FIXED_NOREPLACE", 0x100000},
    {"MAP_UNINITIALIZED", 0x4000000, {mips, absent}},
};

inline constexpr ConstantRow madvise_advice_rows[] = {
    {"MADV_NORMAL", 0},
    {"MADV_RANDOM", 1},
    {"MADV_SEQUENTIAL", 2},
    {"MADV_WILLNEED", 3},
    {"MADV_DONTNEED", 4},
    {"MADV_FREE", 8},
    {"MADV_REMOVE", 9},
    {"MADV_DONTFORK", 10},
    {"MADV_DOFORK", 11},
    {"MADV_MERGEABLE", 12},
    {"MADV_UNMERGEABLE", 13},
    {"MADV_HUGEPAGE", 14},
    {"MADV_NOHUGEPAGE", 15},
    {"MADV_DONTDUMP", 16},
    {"MADV_DODUMP", 17},
    {"MADV_WIPEONFORK", 18},
    {"MADV_KEEPONFORK", 19},
    {"MADV_COLD", 20},
    {"MADV_PAGEOUT", 21},
    {"MADV_POPULATE_READ", 22},
    {"MADV_POPULATE_WRITE", 23},
    {"MADV_DONTNEED_LOCKED", 24},
    {"MADV_COLLAPSE", 25},
    {"MADV_HWPOISON", 100},
    {"MADV_SOFT_OFFLINE", 101, {mips, absent}},
};

inline constexpr ConstantRow mremap_flag_rows[] = {
    {"MREMAP_MAYMOVE", 1},
    {"MREMAP_FIXED", 2},
    {"MREMAP_DONTUNMAP", 4},
};

inline constexpr ConstantRow msync_flag_rows[] = {
    {"MS_ASYNC", 1},
    {"MS_INVALIDATE", 2},
    {"MS_SYNC", 4},
};
// clang-format on

inline constexpr std::string_view headers_memory_uapi = "linux/mman.h";

}  // namespace rows

namespace vocab {
inline constexpr Vocabulary mmap_prot{"mmap_prot", VocabularyKind::flags, rows::headers_memory_uapi,
                                      HeaderSide::uapi, rows::mmap_prot_rows};
inline constexpr Vocabulary mmap_type{"mmap_type", VocabularyKind::values,
                                      rows::headers_memory_uapi, HeaderSide::uapi,
                                      rows::mmap_type_rows};
inline constexpr Vocabulary mmap_flags{"mmap_flags", VocabularyKind::flags,
                                       rows::headers_memory_uapi, HeaderSide::uapi,
                                       rows::mmap_flag_rows};
inline constexpr Vocabulary madvise_advice{"madvise_advice", VocabularyKind::values,
                                           rows::headers_memory_uapi, HeaderSide::uapi,
                                           rows::madvise_advice_rows};
inline constexpr Vocabulary mremap_flags{"mremap_flags", VocabularyKind::flags,
                                         rows::headers_memory_uapi, HeaderSide::uapi,
                                         rows::mremap_flag_rows};
inline constexpr Vocabulary msync_flags{"msync_flags", VocabularyKind::flags,
                                        rows::headers_memory_uapi, HeaderSide::uapi,
                                        rows::msync_flag_rows};
}  // namespace vocab

}  // namespace syscompat::abi
