// Directory positions for the guest (translators/directory_positions.hpp): the shim reads
// directories from 64-bit code, where ext4 hands out 64-bit d_off hashes; the guest gets
// 32-bit positions instead, one per cookie of each open directory, so that readdir,
// telldir, seekdir and lseek work as for a compat task (where ext4 hashes to 32 bits).
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::run32 {

// Installs the shim's map for the translators' getdents, getdents64 and readdir.
void install_directory_positions();

// The guest's lseek and _llseek on a directory the map serves (positions in, positions
// out); nothing for any other call or file, which the translators serve. A close lets go
// of the descriptor's positions (and is the translators' too).
std::optional<std::int32_t> seek_directory(translators::GuestMemory& memory, std::uint32_t number,
                                           const std::array<std::uint32_t, 6>& arguments);

}  // namespace syscompat::run32
