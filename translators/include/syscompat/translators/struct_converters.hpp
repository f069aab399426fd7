// Type-erased conversions between a guest ABI's struct and the native (x86_64) one, for the
// translators, which meet structs by their description names at run time.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "syscompat/abi/models.hpp"
#include "syscompat/translators/convert.hpp"

namespace syscompat::translators {

struct StructConverter {
  std::string_view guest_name, native_name;
  std::size_t guest_size, native_size;
  // Same bytes on both sides (pollfd, statx, epoll_event on i386 and x86_64): no copy needed.
  bool identical;
  // The guest's struct holds a union somewhere (a member's member, an array's element).
  bool holds_union;
  int (*to_native)(const void* guest, void* native, Narrowing policy);
  // Writes over `guest`, which holds the guest's bytes: where the kernel writes member by
  // member, padding keeps them.
  int (*to_guest)(const void* native, void* guest, Narrowing policy);
};

// Every converter from `guest`'s structs to x86_64's (empty for an ABI without any), built
// while the translators compile (i386_plans.cpp); and the converter between the guest's
// `guest_name` and x86_64's `native_name`, or null when the description pairs no such structs.
std::span<const StructConverter> struct_converters(abi::Abi guest);
const StructConverter* find_struct_converter(abi::Abi guest, std::string_view guest_name,
                                             std::string_view native_name);

}  // namespace syscompat::translators
