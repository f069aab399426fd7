// ioctl for an i386 guest. Every described request (abi/ioctls.hpp) is planned from the
// description while i386_plans.cpp compiles: a value or an argument with the same bytes on both
// sides passes through (its guest range checked); an argument whose layout differs converts through
// its struct description or its scalar sizes, with the x86_64 request number; an argument with a
// union that may hold a pointer, or a request the kernel's compat code treats specially,
// has a hand-written handler below, naming the compat function it mirrors. A request
// nobody described answers as the kernel answers an unknown one.
#include "i386_ioctl.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "i386_special.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/translators/convert.hpp"
#include "syscompat/translators/i386_ioctl.hpp"
#include "syscompat/translators/struct_converters.hpp"

namespace syscompat::translators {

std::string_view ioctl_handling_name(IoctlHandling handling) {
  switch (handling) {
    case IoctlHandling::passthrough:
      return "passthrough";
    case IoctlHandling::converted:
      return "converted";
    case IoctlHandling::hand_written:
      return "hand-written";
    case IoctlHandling::left_out:
      return "left out";
  }
  return "?";
}

namespace {

using abi::I386;
using abi::X86_64;
using i386_special::native;
using i386_special::poisoned_pointer;

std::int32_t eax(long result) {
  return static_cast<std::int32_t>(result);
}

std::uint64_t host(const GuestMemory& memory, std::uint64_t guest) {
  return guest ? reinterpret_cast<std::uint64_t>(memory.host(static_cast<GuestAddress>(guest))) : 0;
}

int access_for(abi::ArgDir dir) {
  return dir == abi::ArgDir::in    ? GuestMemory::readable
         : dir == abi::ArgDir::out ? GuestMemory::writable
                                   : GuestMemory::readable | GuestMemory::writable;
}

}  // namespace

// ---- hand-written handlers (listed in i386_ioctl.hpp) -----------------------------------

namespace i386_ioctl {

// net/socket.c's get_user_ifreq and put_user_ifreq (compat branch): the kernel reads the
// 32-byte compat ifreq into the start of its own, calls the request, and writes the same
// 32 bytes back. A request whose union holds a pointer (ifr_data; if_settings' protocol
// pointer 8 bytes in) gets it widened as compat_ptr, and the guest's bytes there back.
static std::int32_t ifreq_with_pointer_at(const GuestMemory& memory, const IoctlPlan& plan,
                                          std::uint64_t fd, std::uint64_t arg, int pointer_offset) {
  constexpr std::size_t compat_size = sizeof(abi::ifreq<I386>);
  constexpr std::size_t union_offset = 16;
  const int access = access_for(plan.guest->arg().dir);
  if (!memory.accessible(static_cast<GuestAddress>(arg), compat_size, access))
    return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
  alignas(8) std::uint8_t request[sizeof(abi::ifreq<X86_64>)] = {};
  memory.copy_in(request, static_cast<GuestAddress>(arg), compat_size);
  std::uint8_t kept[4] = {};
  const std::size_t at = union_offset + static_cast<std::size_t>(pointer_offset);
  if (pointer_offset >= 0) {
    std::memcpy(kept, request + at + 4, sizeof kept);
    std::uint32_t pointer;
    std::memcpy(&pointer, request + at, sizeof pointer);
    const std::uint64_t wide = pointer;
    std::memcpy(request + at, &wide, sizeof wide);
  }
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(request));
  if (result < 0 || plan.guest->arg().dir == abi::ArgDir::in) return eax(result);
  if (pointer_offset >= 0) std::memcpy(request + at + 4, kept, sizeof kept);
  return memory.copy_out(static_cast<GuestAddress>(arg), request, compat_size) ? -EFAULT
                                                                               : eax(result);
}
std::int32_t ifreq_request(const GuestMemory& m, const IoctlPlan& p, std::uint64_t fd,
                           std::uint64_t arg) {
  return ifreq_with_pointer_at(m, p, fd, arg, -1);
}
std::int32_t ifreq_data_request(const GuestMemory& m, const IoctlPlan& p, std::uint64_t fd,
                                std::uint64_t arg) {
  return ifreq_with_pointer_at(m, p, fd, arg, 0);
}
std::int32_t ifreq_settings_request(const GuestMemory& m, const IoctlPlan& p, std::uint64_t fd,
                                    std::uint64_t arg) {
  return ifreq_with_pointer_at(m, p, fd, arg, 8);
}

// SIOCGIFMAP/SIOCSIFMAP: net/socket.c's compat_sioc_ifmap, the ifmap's unsigned longs
// converted by its description; on the way back the name and each member are written.
std::int32_t ifmap_request(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                           std::uint64_t arg) {
  constexpr std::size_t name_size = 16;
  const bool get = plan.guest->arg().dir != abi::ArgDir::in;
  abi::ifmap<I386> guest_map{};
  abi::ifreq<X86_64> request{};
  std::uint8_t name[name_size];
  if (memory.copy_in(name, static_cast<GuestAddress>(arg), name_size) ||
      (!get &&
       memory.copy_in(&guest_map, static_cast<GuestAddress>(arg + name_size), sizeof guest_map)))
    return -EFAULT;
  std::memcpy(request.ifr_ifrn.bytes, name, name_size);
  abi::ifmap<X86_64> map{};
  if (int error = convert(guest_map, map)) return -error;
  std::memcpy(request.ifr_ifru.bytes, &map, sizeof map);
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&request));
  if (result < 0 || !get) return eax(result);
  std::memcpy(&map, request.ifr_ifru.bytes, sizeof map);
  if (int error = convert(map, guest_map, Narrowing::truncate)) return -error;  // put_user
  constexpr std::size_t members = 15;  // mem_start, mem_end, base_addr, irq, dma, port
  if (memory.copy_out(static_cast<GuestAddress>(arg), request.ifr_ifrn.bytes, name_size) ||
      memory.copy_out(static_cast<GuestAddress>(arg + name_size), &guest_map, members))
    return -EFAULT;
  return eax(result);
}

// SIOCGIFCONF: net/core/dev_ioctl.c's dev_ifconf, compat branch: the records are compat
// ifreqs (32 bytes: the name and the address), and the lengths count them so.
std::int32_t ifconf_request(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                            std::uint64_t arg) {
  constexpr std::size_t guest_record = sizeof(abi::ifreq<I386>);
  constexpr std::size_t native_record = sizeof(abi::ifreq<X86_64>);
  abi::ifconf<I386> guest{};
  if (memory.copy_in(&guest, static_cast<GuestAddress>(arg), sizeof guest))
    return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
  std::uint32_t buffer;
  std::memcpy(&buffer, guest.ifc_ifcu.bytes, sizeof buffer);
  const auto length = guest.ifc_len.get();
  const std::size_t room =
      buffer && length > 0 ? static_cast<std::size_t>(length) / guest_record : 0;
  // at least one record, so that a buffer with no room stays a buffer (not NULL, which asks
  // for the length needed instead)
  std::vector<abi::ifreq<X86_64>> records(
      std::max<std::size_t>(1, std::min<std::size_t>(room, 4096)));
  abi::ifconf<X86_64> request{};
  request.ifc_len.set(static_cast<std::int32_t>(std::min(room, records.size()) * native_record));
  const std::uint64_t records_at = buffer ? reinterpret_cast<std::uint64_t>(records.data()) : 0;
  std::memcpy(request.ifc_ifcu.bytes, &records_at, sizeof records_at);
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&request));
  if (result < 0) return eax(result);
  const std::size_t count =
      static_cast<std::size_t>(std::max(request.ifc_len.get(), 0)) / native_record;
  if (buffer && count > records.size())
    return -EFAULT;  // never: the kernel fills what it was given
  for (std::size_t i = 0; buffer && i < count; ++i)
    if (memory.copy_out(static_cast<GuestAddress>(buffer + i * guest_record), &records[i],
                        guest_record))
      return -EFAULT;
  const auto written = static_cast<std::int32_t>(count * guest_record);
  return memory.copy_out(static_cast<GuestAddress>(arg), &written, sizeof written) ? -EFAULT
                                                                                   : eax(result);
}

// TUNATTACHFILTER/TUNGETFILTER: drivers/net/tun.c's tun_chr_compat_ioctl, the sock_fprog's
// filter pointer widened (compat_ptr) or narrowed (ptr_to_compat).
std::int32_t fprog_request(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                           std::uint64_t arg) {
  abi::sock_fprog<X86_64> program{};
  abi::sock_fprog<I386> guest{};
  if (plan.guest->arg().dir == abi::ArgDir::in) {
    if (memory.copy_in(&guest, static_cast<GuestAddress>(arg), sizeof guest))
      return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
    program.len.set(guest.len.get());
    program.filter.set(host(memory, guest.filter.get()));
    return eax(native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&program)));
  }
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&program));
  if (result < 0) return eax(result);
  if (int error = convert(program, guest)) return -error;
  return memory.copy_out(static_cast<GuestAddress>(arg), &guest, sizeof guest) ? -EFAULT
                                                                               : eax(result);
}

// EVIOCSFF: drivers/input/input-compat.c's input_ff_effect_from_user copies the compat
// effect over the native one; the union starts at offset 16 on both, so the periodic
// effect's custom_data lands zero-extended where the native pointer lies. evdev writes the
// effect id back.
std::int32_t ff_effect_request(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                               std::uint64_t arg) {
  abi::ff_effect<X86_64> effect{};
  if (memory.copy_in(&effect, static_cast<GuestAddress>(arg), sizeof(abi::ff_effect<I386>)))
    return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&effect));
  if (result < 0) return eax(result);
  return memory.copy_out(static_cast<GuestAddress>(arg + offsetof(abi::ff_effect<I386>, id)),
                         &effect.id, sizeof effect.id)
             ? -EFAULT
             : eax(result);
}

// BLKGETSIZE: block/ioctl.c's compat_blkdev_ioctl: EFBIG when the sector count does not fit
// a compat_ulong_t.
std::int32_t blkgetsize_request(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                                std::uint64_t arg) {
  std::uint64_t sectors = 0;
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&sectors));
  if (result < 0) return eax(result);
  if (sectors > 0xffffffffu) return -EFBIG;
  const auto value = static_cast<std::uint32_t>(sectors);
  return memory.copy_out(static_cast<GuestAddress>(arg), &value, sizeof value) ? -EFAULT
                                                                               : eax(result);
}

// BLKBSZGET: compat_blkdev_ioctl's BLKBSZGET_32 answers bdev_logical_block_size, the
// logical block size BLKSSZGET gives, where the native BLKBSZGET answers the soft block
// size (block_size): a kernel difference, kept.
std::int32_t blkbszget_request(const GuestMemory& memory, const IoctlPlan&, std::uint64_t fd,
                               std::uint64_t arg) {
  static const std::uint32_t logical = abi::find_ioctl(abi::Abi::x86_64, "BLKSSZGET")->number;
  std::int32_t size = 0;
  const long result = native<"ioctl">(fd, logical, reinterpret_cast<std::uint64_t>(&size));
  if (result < 0) return eax(result);
  return memory.copy_out(static_cast<GuestAddress>(arg), &size, sizeof size) ? -EFAULT
                                                                             : eax(result);
}

}  // namespace i386_ioctl

namespace {

// What fs/ioctl.c answers a request no driver knows: EBADF for a descriptor ioctl cannot
// use (none, or an O_PATH one: fdget skips FMODE_PATH files), ENOTTY otherwise.
std::int32_t unknown_request(std::uint64_t fd) {
  const long flags = native<"fcntl">(fd, F_GETFL, 0);
  return flags < 0 || (flags & O_PATH) ? -EBADF : -ENOTTY;
}

// The bytes a pointer argument covers in the guest: the struct, and its trailing part as
// its count member says (0 when that count cannot be read: the range is then unreachable).
std::uint64_t guest_extent(const GuestMemory& memory, const abi::Ioctl& request,
                           std::uint64_t arg) {
  if (!request.trailing_element) return request.arg_size;
  std::uint64_t count = 0;
  if (memory.copy_in(&count, static_cast<GuestAddress>(arg + request.count_offset),
                     request.count_size))
    return 0;
  return request.arg_size + count * request.trailing_element;
}

// A scalar argument whose size differs (a long, a size_t): read sign- or zero-extended, and
// written back truncated, as the compat put_user of a compat_long/compat_ulong does.
std::int32_t scalar_converted(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                              std::uint64_t arg) {
  const std::size_t guest_size = plan.guest->arg_size;
  const int access = access_for(plan.guest->arg().dir);
  if (guest_size > 8 || !memory.accessible(static_cast<GuestAddress>(arg), guest_size, access))
    return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
  std::uint64_t value = 0;
  if (plan.guest->arg().dir != abi::ArgDir::out) {
    memory.copy_in(&value, static_cast<GuestAddress>(arg), guest_size);
    const bool is_signed =
        plan.guest->arg().scalar == "c_long" || plan.guest->arg().scalar == "kernel_long";
    if (is_signed && guest_size < 8 && (value >> (8 * guest_size - 1)) & 1)
      value |= ~std::uint64_t{0} << (8 * guest_size);
  }
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(&value));
  if (result < 0 || plan.guest->arg().dir == abi::ArgDir::in) return eax(result);
  return memory.copy_out(static_cast<GuestAddress>(arg), &value, guest_size) ? -EFAULT
                                                                             : eax(result);
}

// A struct whose layout differs: converted whole by its description, in before the call
// and out after it (pointers widened as compat_ptr and narrowed as ptr_to_compat).
std::int32_t struct_converted(const GuestMemory& memory, const IoctlPlan& plan, std::uint64_t fd,
                              std::uint64_t arg) {
  const StructConverter& converter = *plan.converter;
  const int access = access_for(plan.guest->arg().dir);
  if (!memory.accessible(static_cast<GuestAddress>(arg), converter.guest_size, access))
    return eax(native<"ioctl">(fd, plan.native->number, poisoned_pointer));
  alignas(16) std::uint8_t guest[512], native_bytes[512];
  if (converter.guest_size > sizeof guest || converter.native_size > sizeof native_bytes)
    return unknown_request(fd);  // no described ioctl struct is this large
  std::memset(native_bytes, 0, converter.native_size);
  memory.copy_in(guest, static_cast<GuestAddress>(arg), converter.guest_size);
  if (plan.guest->arg().dir != abi::ArgDir::out)
    if (int error = converter.to_native(guest, native_bytes, Narrowing::as_kernel)) return -error;
  const long result =
      native<"ioctl">(fd, plan.native->number, reinterpret_cast<std::uint64_t>(native_bytes));
  if (result < 0 || plan.guest->arg().dir == abi::ArgDir::in) return eax(result);
  if (int error = converter.to_guest(native_bytes, guest, Narrowing::as_kernel)) return -error;
  return memory.copy_out(static_cast<GuestAddress>(arg), guest, converter.guest_size) ? -EFAULT
                                                                                      : eax(result);
}

}  // namespace

namespace i386_ioctl {

std::int32_t translate(const GuestMemory& memory, std::span<const abi::ArgValue> a) {
  const std::uint64_t fd = a[0].value, arg = a[2].value & 0xffffffffu;
  const abi::Ioctl* request =
      abi::find_ioctl(abi::Abi::i386, static_cast<std::uint32_t>(a[1].value));
  if (!request) return unknown_request(fd);
  const IoctlPlan& plan =
      i386_ioctl_plans()[static_cast<std::size_t>(request - abi::ioctls(abi::Abi::i386).data())];
  switch (plan.handling) {
    case IoctlHandling::left_out:
      return unknown_request(fd);
    case IoctlHandling::hand_written:
      return plan.handler(memory, plan, fd, arg);
    case IoctlHandling::converted:
      return plan.converter ? struct_converted(memory, plan, fd, arg)
                            : scalar_converted(memory, plan, fd, arg);
    case IoctlHandling::passthrough:
      break;
  }
  if (plan.guest->arg().kind != abi::IoctlArgKind::pointer)
    return eax(native<"ioctl">(fd, plan.native->number, arg));
  const std::uint64_t extent = guest_extent(memory, *plan.guest, arg);
  const bool reachable =
      arg && extent &&
      memory.accessible(static_cast<GuestAddress>(arg), extent, access_for(plan.guest->arg().dir));
  return eax(
      native<"ioctl">(fd, plan.native->number, reachable ? host(memory, arg) : poisoned_pointer));
}

}  // namespace i386_ioctl

}  // namespace syscompat::translators
