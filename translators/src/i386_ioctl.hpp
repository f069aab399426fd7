// ioctl for an i386 guest (fs/ioctl.c's compat_sys_ioctl and the drivers' compat_ioctl):
// each described request translated as i386_ioctl_plans() says. The plans are built while
// i386_plans.cpp compiles, from the ioctl table's compile-time data and the hand-written
// handlers listed here.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/i386_ioctl.hpp"

namespace syscompat::translators::i386_ioctl {

// ioctl(fd, request, arg) with the i386 entry's decoded arguments: the result, or -errno.
std::int32_t translate(const GuestMemory& memory, std::span<const abi::ArgValue> args);

// ---- the hand-written requests (i386_ioctl.cpp), each naming the kernel code it mirrors --

std::int32_t ifreq_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t ifreq_data_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t ifreq_settings_request(const GuestMemory&, const IoctlPlan&, std::uint64_t,
                                    std::uint64_t);
std::int32_t ifmap_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t ifconf_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t fprog_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t ff_effect_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t blkgetsize_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);
std::int32_t blkbszget_request(const GuestMemory&, const IoctlPlan&, std::uint64_t, std::uint64_t);

struct HandWritten {
  std::string_view name;  // the request's, or (by_struct) its argument struct's
  IoctlHandler handler;
  std::string_view mirrors;
};

inline constexpr std::string_view ifr_data_pointer =
    "get_user_ifreq with compat_ptr(ifr_data) (net/socket.c)";

// Requests served by name; they take precedence over by_struct.
inline constexpr HandWritten by_name[] = {
    {"SIOCETHTOOL", ifreq_data_request, ifr_data_pointer},
    {"SIOCSHWTSTAMP", ifreq_data_request, ifr_data_pointer},
    {"SIOCGHWTSTAMP", ifreq_data_request, ifr_data_pointer},
    {"SIOCBONDSLAVEINFOQUERY", ifreq_data_request, ifr_data_pointer},
    {"SIOCBONDINFOQUERY", ifreq_data_request, ifr_data_pointer},
    {"SIOCWANDEV", ifreq_settings_request,
     "get_user_ifreq, if_settings' pointer widened (net/socket.c)"},
    {"SIOCGIFMAP", ifmap_request, "compat_sioc_ifmap (net/socket.c)"},
    {"SIOCSIFMAP", ifmap_request, "compat_sioc_ifmap (net/socket.c)"},
    {"SIOCGIFCONF", ifconf_request, "dev_ifconf (net/core/dev_ioctl.c)"},
    {"TUNATTACHFILTER", fprog_request, "tun_chr_compat_ioctl (drivers/net/tun.c)"},
    {"TUNGETFILTER", fprog_request, "tun_chr_compat_ioctl (drivers/net/tun.c)"},
    {"EVIOCSFF", ff_effect_request, "input_ff_effect_from_user (drivers/input/input-compat.c)"},
    {"BLKGETSIZE", blkgetsize_request, "compat_blkdev_ioctl (block/ioctl.c)"},
    {"BLKBSZGET", blkbszget_request, "compat_blkdev_ioctl's BLKBSZGET_32: the logical block size"},
};

// Every request whose argument is this struct.
inline constexpr HandWritten by_struct[] = {
    {"ifreq", ifreq_request, "get_user_ifreq/put_user_ifreq (net/socket.c)"},
};

}  // namespace syscompat::translators::i386_ioctl
