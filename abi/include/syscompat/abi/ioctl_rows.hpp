// Every row of the ioctl table (ioctl_rows/*.hpp, notation in ioctl_table.hpp), as
// compile-time data: the families of each file, in the order the table lists them.
#pragma once

#include <span>

#include "syscompat/abi/ioctl_rows/block.hpp"
#include "syscompat/abi/ioctl_rows/devices.hpp"
#include "syscompat/abi/ioctl_rows/fs.hpp"
#include "syscompat/abi/ioctl_rows/media.hpp"
#include "syscompat/abi/ioctl_rows/net.hpp"
#include "syscompat/abi/ioctl_rows/terminal.hpp"
#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

inline constexpr std::span<const IoctlFamily> ioctl_family_chunks[] = {
    ioctl_rows::terminal_families, ioctl_rows::net_families,     ioctl_rows::block_families,
    ioctl_rows::fs_families,       ioctl_rows::devices_families, ioctl_rows::media_families};

}  // namespace syscompat::abi
