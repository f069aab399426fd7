// ioctl for an i386 guest (fs/ioctl.c's compat_sys_ioctl and the drivers' compat_ioctl):
// each described request translated as i386_ioctl_plans() says.
#pragma once

#include <cstdint>
#include <span>

#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::translators::i386_ioctl {

// ioctl(fd, request, arg) with the i386 entry's decoded arguments: the result, or -errno.
std::int32_t translate(const GuestMemory& memory, std::span<const abi::ArgValue> args);

}  // namespace syscompat::translators::i386_ioctl
