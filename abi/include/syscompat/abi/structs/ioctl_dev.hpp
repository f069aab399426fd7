// Arguments of device ioctls: serial terminals (linux/serial.h, asm/termios.h), network
// interfaces (linux/if.h, linux/if_arp.h), random (linux/random.h), perf_event, watchdog,
// input/evdev (linux/input.h), hidraw, sound (sound/asound.h), KVM (linux/kvm.h) and
// video4linux (linux/videodev2.h). linux/if.h, linux/input.h, sound/asound.h and
// linux/videodev2.h include glibc's headers (sys/socket.h, sys/time.h, time.h), so their
// structs are probed beside glibc's, away from linux/time.h.
#pragma once

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/socket.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// TCGETA/TCSETA: the System V termio. NCC is 8 in asm-generic/termios.h; mips's own
// asm/termios.h declares c_line as a plain char and NCCS (23) control characters.
template <class M>
inline constexpr std::size_t termio_ncc = M::abi == Abi::mips_o32 ? 23 : 8;

SYSCOMPAT_STRUCT(termio, "termio", uapi("asm/termios.h", "struct termio"),
                 (c_iflag, c_ushort),
                 (c_oflag, c_ushort),
                 (c_cflag, c_ushort),
                 (c_lflag, c_ushort),
                 (c_line, c_uchar, M::abi != Abi::mips_o32),
                 (c_line_mips, c_char, M::abi == Abi::mips_o32, "c_line"),
                 (c_cc, c_uchar[termio_ncc<M>]));

// TIOCGSERIAL/TIOCSSERIAL: iomem_base is a pointer and iomap_base a long
// (compat_serial_struct in drivers/tty/tty_io.c).
SYSCOMPAT_STRUCT(serial_struct, "serial_struct", uapi("linux/serial.h", "struct serial_struct"),
                 (type, c_int),
                 (line, c_int),
                 (port, c_uint),
                 (irq, c_int),
                 (flags, c_int),
                 (xmit_fifo_size, c_int),
                 (custom_divisor, c_int),
                 (baud_base, c_int),
                 (close_delay, c_ushort),
                 (io_type, c_char),
                 (reserved_char, c_char[1]),
                 (hub6, c_int),
                 (closing_wait, c_ushort),
                 (closing_wait2, c_ushort),
                 (iomem_base, ptr),
                 (iomem_reg_shift, c_ushort),
                 (port_high, c_uint),
                 (iomap_base, c_ulong));

// The trailing anonymous union (padding[5], or the address bytes) has no name to probe.
SYSCOMPAT_STRUCT(serial_rs485, "serial_rs485", uapi("linux/serial.h", "struct serial_rs485"),
                 (flags, u32),
                 (delay_rts_before_send, u32),
                 (delay_rts_after_send, u32),
                 (addressing, Pad<20>));

SYSCOMPAT_STRUCT(serial_iso7816, "serial_iso7816", uapi("linux/serial.h", "struct serial_iso7816"),
                 (flags, u32),
                 (tg, u32),
                 (sc_fi, u32),
                 (sc_di, u32),
                 (clk, u32),
                 (reserved, u32[5]));

SYSCOMPAT_STRUCT(serial_icounter_struct, "serial_icounter_struct",
                 uapi("linux/serial.h", "struct serial_icounter_struct"),
                 (cts, c_int),
                 (dsr, c_int),
                 (rng, c_int),
                 (dcd, c_int),
                 (rx, c_int),
                 (tx, c_int),
                 (frame, c_int),
                 (overrun, c_int),
                 (parity, c_int),
                 (brk, c_int),
                 (buf_overrun, c_int),
                 (reserved, c_int[9]));

// ---- network interfaces ----------------------------------------------------------------

SYSCOMPAT_STRUCT(ifmap, "ifmap", libc("linux/if.h", "struct ifmap"),
                 (mem_start, c_ulong),
                 (mem_end, c_ulong),
                 (base_addr, c_ushort),
                 (irq, c_uchar),
                 (dma, c_uchar),
                 (port, c_uchar));

// ifs_ifsu: pointers to the protocol's settings, one of them live.
template <class M>
using if_settings_u = Union<"ifs_ifsu", typename M::ptr>;

SYSCOMPAT_STRUCT(if_settings, "if_settings", libc("linux/if.h", "struct if_settings"),
                 (type, c_uint),
                 (size, c_uint),
                 (ifs_ifsu, if_settings_u<M>));

// struct ifreq: the name, then one of the request's members. The compat ifreq is 32 bytes
// (its union has ifmap's and the pointers' 32-bit sizes): get_user_ifreq reads that much.
template <class M>
using ifreq_name = Union<"ifr_ifrn", Array<typename M::c_char, 16>>;
template <class M>
using ifreq_u = Union<"ifr_ifru", sockaddr<M>, typename M::c_short, typename M::c_int, ifmap<M>,
                      Array<typename M::c_char, 16>, typename M::ptr, if_settings<M>>;

SYSCOMPAT_STRUCT(ifreq, "ifreq", libc("linux/if.h", "struct ifreq"),
                 (ifr_ifrn, ifreq_name<M>),
                 (ifr_ifru, ifreq_u<M>));

// SIOCGIFCONF: the buffer of ifreqs is a pointer (dev_ifconf's compat branch).
template <class M>
using ifconf_u = Union<"ifc_ifcu", typename M::ptr>;

SYSCOMPAT_STRUCT(ifconf, "ifconf", libc("linux/if.h", "struct ifconf"),
                 (ifc_len, c_int),
                 (ifc_ifcu, ifconf_u<M>));

SYSCOMPAT_STRUCT(arpreq, "arpreq", libc("linux/if_arp.h", "struct arpreq"),
                 (arp_pa, sockaddr<M>),
                 (arp_ha, sockaddr<M>),
                 (arp_flags, c_int),
                 (arp_netmask, sockaddr<M>),
                 (arp_dev, c_char[16]));

// SIOCADDRT/SIOCDELRT: longs and two pointers (rt_pad4, rt_dev): routing_ioctl's compat
// rtentry32 in net/ipv4/af_inet.c (and ipv6's in6_rtmsg, not described).
SYSCOMPAT_STRUCT(rtentry, "rtentry", libc("linux/route.h", "struct rtentry"),
                 (rt_pad1, c_ulong),
                 (rt_dst, sockaddr<M>),
                 (rt_gateway, sockaddr<M>),
                 (rt_genmask, sockaddr<M>),
                 (rt_flags, c_ushort),
                 (rt_pad2, c_short),
                 (rt_pad3, c_ulong),
                 (rt_pad4, ptr),
                 (rt_metric, c_short),
                 (rt_dev, ptr),
                 (rt_mtu, c_ulong),
                 (rt_window, c_ulong),
                 (rt_irtt, c_ushort));

// TUNSETTXFILTER: followed by count 6-byte addresses.
SYSCOMPAT_STRUCT(tun_filter, "tun_filter", uapi("linux/if_tun.h", "struct tun_filter"),
                 (flags, u16),
                 (count, u16));

// ---- random, perf_event, watchdog ------------------------------------------------------

// RNDADDENTROPY: followed by buf_size bytes.
SYSCOMPAT_STRUCT(rand_pool_info, "rand_pool_info", uapi("linux/random.h", "struct rand_pool_info"),
                 (entropy_count, c_int),
                 (buf_size, c_int));

// PERF_EVENT_IOC_QUERY_BPF: followed by ids_len u32.
SYSCOMPAT_STRUCT(perf_event_query_bpf, "perf_event_query_bpf",
                 uapi("linux/perf_event.h", "struct perf_event_query_bpf"),
                 (ids_len, u32),
                 (prog_cnt, u32));

SYSCOMPAT_STRUCT(watchdog_info, "watchdog_info", uapi("linux/watchdog.h", "struct watchdog_info"),
                 (options, u32),
                 (firmware_version, u32),
                 (identity, u8[32]));

// ---- input (evdev) and hidraw ----------------------------------------------------------

SYSCOMPAT_STRUCT(input_id, "input_id", libc("linux/input.h", "struct input_id"),
                 (bustype, u16),
                 (vendor, u16),
                 (product, u16),
                 (version, u16));

SYSCOMPAT_STRUCT(input_absinfo, "input_absinfo", libc("linux/input.h", "struct input_absinfo"),
                 (value, s32),
                 (minimum, s32),
                 (maximum, s32),
                 (fuzz, s32),
                 (flat, s32),
                 (resolution, s32));

SYSCOMPAT_STRUCT(input_keymap_entry, "input_keymap_entry",
                 libc("linux/input.h", "struct input_keymap_entry"),
                 (flags, u8),
                 (len, u8),
                 (index, u16),
                 (keycode, u32),
                 (scancode, u8[32]));

// EVIOCGMASK/EVIOCSMASK: codes_ptr is a u64 address, read as it is.
SYSCOMPAT_STRUCT(input_mask, "input_mask", libc("linux/input.h", "struct input_mask"),
                 (type, u32),
                 (codes_size, u32),
                 (codes_ptr, u64));

SYSCOMPAT_STRUCT(ff_envelope, "ff_envelope", libc("linux/input.h", "struct ff_envelope"),
                 (attack_length, u16),
                 (attack_level, u16),
                 (fade_length, u16),
                 (fade_level, u16));

SYSCOMPAT_STRUCT(ff_trigger, "ff_trigger", libc("linux/input.h", "struct ff_trigger"),
                 (button, u16),
                 (interval, u16));

SYSCOMPAT_STRUCT(ff_replay, "ff_replay", libc("linux/input.h", "struct ff_replay"),
                 (length, u16),
                 (delay, u16));

SYSCOMPAT_STRUCT(ff_periodic_effect, "ff_periodic_effect",
                 libc("linux/input.h", "struct ff_periodic_effect"),
                 (waveform, u16),
                 (period, u16),
                 (magnitude, s16),
                 (offset, s16),
                 (phase, u16),
                 (envelope, ff_envelope<M>),
                 (custom_len, u32),
                 (custom_data, ptr));

SYSCOMPAT_STRUCT(ff_condition_effect, "ff_condition_effect",
                 libc("linux/input.h", "struct ff_condition_effect"),
                 (right_saturation, u16),
                 (left_saturation, u16),
                 (right_coeff, s16),
                 (left_coeff, s16),
                 (deadband, u16),
                 (center, s16));

// EVIOCSFF: the periodic effect's custom_data is a pointer (input_ff_effect_from_user's
// compat_ff_effect). The union's other members (constant, ramp, rumble) are smaller.
template <class M>
using ff_effect_u = Union<"u", ff_periodic_effect<M>, Array<ff_condition_effect<M>, 2>>;

SYSCOMPAT_STRUCT(ff_effect, "ff_effect", libc("linux/input.h", "struct ff_effect"),
                 (type, u16),
                 (id, s16),
                 (direction, u16),
                 (trigger, ff_trigger<M>),
                 (replay, ff_replay<M>),
                 (u, ff_effect_u<M>));

SYSCOMPAT_STRUCT(hidraw_report_descriptor, "hidraw_report_descriptor",
                 uapi("linux/hidraw.h", "struct hidraw_report_descriptor"),
                 (size, u32),
                 (value, u8[4096]));

SYSCOMPAT_STRUCT(hidraw_devinfo, "hidraw_devinfo", uapi("linux/hidraw.h", "struct hidraw_devinfo"),
                 (bustype, u32),
                 (vendor, s16),
                 (product, s16));

// ---- sound ------------------------------------------------------------------------------

SYSCOMPAT_STRUCT(snd_ctl_card_info, "snd_ctl_card_info",
                 libc("sound/asound.h", "struct snd_ctl_card_info"),
                 (card, c_int),
                 (pad, c_int),
                 (id, c_uchar[16]),
                 (driver, c_uchar[16]),
                 (name, c_uchar[32]),
                 (longname, c_uchar[80]),
                 (reserved_, c_uchar[16]),
                 (mixername, c_uchar[80]),
                 (components, c_uchar[128]));

template <class M>
using snd_pcm_sync_id = Union<"snd_pcm_sync_id", Array<typename M::c_uchar, 16>,
                              Array<typename M::c_ushort, 8>, Array<typename M::c_uint, 4>>;

SYSCOMPAT_STRUCT(snd_pcm_info, "snd_pcm_info", libc("sound/asound.h", "struct snd_pcm_info"),
                 (device, c_uint),
                 (subdevice, c_uint),
                 (stream, c_int),
                 (card, c_int),
                 (id, c_uchar[64]),
                 (name, c_uchar[80]),
                 (subname, c_uchar[32]),
                 (dev_class, c_int),
                 (dev_subclass, c_int),
                 (subdevices_count, c_uint),
                 (subdevices_avail, c_uint),
                 (sync, snd_pcm_sync_id<M>),
                 (reserved, c_uchar[64]));

SYSCOMPAT_STRUCT(snd_timer_id, "snd_timer_id", libc("sound/asound.h", "struct snd_timer_id"),
                 (dev_class, c_int),
                 (dev_sclass, c_int),
                 (card, c_int),
                 (device, c_int),
                 (subdevice, c_int));

// SNDRV_TIMER_IOCTL_GINFO: unsigned longs, converted by the description (the kernel's
// snd_timer_user_ginfo serves both sizes through its compat table).
SYSCOMPAT_STRUCT(snd_timer_ginfo, "snd_timer_ginfo", libc("sound/asound.h", "struct snd_timer_ginfo"),
                 (tid, snd_timer_id<M>),
                 (flags, c_uint),
                 (card, c_int),
                 (id, c_uchar[64]),
                 (name, c_uchar[80]),
                 (reserved0, c_ulong),
                 (resolution, c_ulong),
                 (resolution_min, c_ulong),
                 (resolution_max, c_ulong),
                 (clients, c_uint),
                 (reserved, c_uchar[32]));

SYSCOMPAT_STRUCT(snd_timer_select, "snd_timer_select", libc("sound/asound.h", "struct snd_timer_select"),
                 (id, snd_timer_id<M>),
                 (reserved, c_uchar[32]));

// ---- KVM: the x86 ABIs only here (asm/kvm.h declares each architecture's own registers,
// and 32-bit arm has had no KVM since 5.7, so its headers lack asm/kvm.h) -----------------

#define SYSCOMPAT_KVM_STRUCT(ID, ...)                                                           \
  SYSCOMPAT_STRUCT(ID##_decl, #ID, uapi("linux/kvm.h", "struct " #ID), __VA_ARGS__);            \
  template <class M>                                                                           \
  using ID = only_on<M, ID##_decl<M>, "KVM's x86 interface: described for x86 only", Abi::i386, \
                     Abi::x86_64, Abi::x32>

SYSCOMPAT_KVM_STRUCT(kvm_userspace_memory_region,
                     (slot, u32),
                     (flags, u32),
                     (guest_phys_addr, u64),
                     (memory_size, u64),
                     (userspace_addr, u64));

// irq and status share an anonymous union, which has no name to probe.
SYSCOMPAT_KVM_STRUCT(kvm_irq_level,
                     (irq_or_status, Pad<4>),
                     (level, u32));

SYSCOMPAT_KVM_STRUCT(kvm_irqfd,
                     (fd, u32),
                     (gsi, u32),
                     (flags, u32),
                     (resamplefd, u32),
                     (pad, u8[16]));

SYSCOMPAT_KVM_STRUCT(kvm_ioeventfd,
                     (datamatch, u64),
                     (addr, u64),
                     (len, u32),
                     (fd, s32),
                     (flags, u32),
                     (pad, u8[36]));

SYSCOMPAT_KVM_STRUCT(kvm_enable_cap,
                     (cap, u32),
                     (flags, u32),
                     (args, u64[4]),
                     (pad, u8[64]));

SYSCOMPAT_KVM_STRUCT(kvm_regs,
                     (rax, u64),
                     (rbx, u64),
                     (rcx, u64),
                     (rdx, u64),
                     (rsi, u64),
                     (rdi, u64),
                     (rsp, u64),
                     (rbp, u64),
                     (r8, u64),
                     (r9, u64),
                     (r10, u64),
                     (r11, u64),
                     (r12, u64),
                     (r13, u64),
                     (r14, u64),
                     (r15, u64),
                     (rip, u64),
                     (rflags, u64));

SYSCOMPAT_KVM_STRUCT(kvm_clock_data,
                     (clock, u64),
                     (flags, u32),
                     (pad0, u32),
                     (realtime, u64),
                     (host_tsc, u64),
                     (pad, u32[4]));

SYSCOMPAT_KVM_STRUCT(kvm_interrupt,
                     (irq, u32));

SYSCOMPAT_KVM_STRUCT(kvm_mp_state,
                     (mp_state, u32));

SYSCOMPAT_KVM_STRUCT(kvm_create_device,
                     (type, u32),
                     (fd, u32),
                     (flags, u32));

// KVM_GET_MSR_INDEX_LIST, KVM_GET_SUPPORTED_CPUID: headers followed by their entries.
SYSCOMPAT_KVM_STRUCT(kvm_msr_list,
                     (nmsrs, u32));

SYSCOMPAT_KVM_STRUCT(kvm_cpuid2,
                     (nent, u32),
                     (padding, u32));

#undef SYSCOMPAT_KVM_STRUCT

// ---- video4linux ------------------------------------------------------------------------

SYSCOMPAT_STRUCT(v4l2_capability, "v4l2_capability", libc("linux/videodev2.h", "struct v4l2_capability"),
                 (driver, u8[16]),
                 (card, u8[32]),
                 (bus_info, u8[32]),
                 (version, u32),
                 (capabilities, u32),
                 (device_caps, u32),
                 (reserved, u32[3]));

SYSCOMPAT_STRUCT(v4l2_fmtdesc, "v4l2_fmtdesc", libc("linux/videodev2.h", "struct v4l2_fmtdesc"),
                 (index, u32),
                 (type, u32),
                 (flags, u32),
                 (description, u8[32]),
                 (pixelformat, u32),
                 (mbus_code, u32),
                 (reserved, u32[3]));

SYSCOMPAT_STRUCT(v4l2_requestbuffers, "v4l2_requestbuffers",
                 libc("linux/videodev2.h", "struct v4l2_requestbuffers"),
                 (count, u32),
                 (type, u32),
                 (memory, u32),
                 (capabilities, u32),
                 (flags, u8),
                 (reserved, u8[3]));

// VIDIOC_ENUMINPUT: the 64-bit std after five 32-bit members leaves i386 76 bytes and
// x86_64 80 (v4l2_input32 in v4l2-compat-ioctl32.c): converted by the description.
SYSCOMPAT_STRUCT(v4l2_input, "v4l2_input", libc("linux/videodev2.h", "struct v4l2_input"),
                 (index, u32),
                 (name, u8[32]),
                 (type, u32),
                 (audioset, u32),
                 (tuner, u32),
                 (std, u64),
                 (status, u32),
                 (capabilities, u32),
                 (reserved, u32[3]));

SYSCOMPAT_STRUCT(v4l2_output, "v4l2_output", libc("linux/videodev2.h", "struct v4l2_output"),
                 (index, u32),
                 (name, u8[32]),
                 (type, u32),
                 (audioset, u32),
                 (modulator, u32),
                 (std, u64),
                 (capabilities, u32),
                 (reserved, u32[3]));

SYSCOMPAT_STRUCT(v4l2_control, "v4l2_control", libc("linux/videodev2.h", "struct v4l2_control"),
                 (id, u32),
                 (value, s32));

SYSCOMPAT_STRUCT(v4l2_queryctrl, "v4l2_queryctrl", libc("linux/videodev2.h", "struct v4l2_queryctrl"),
                 (id, u32),
                 (type, u32),
                 (name, u8[32]),
                 (minimum, s32),
                 (maximum, s32),
                 (step, s32),
                 (default_value, s32),
                 (flags, u32),
                 (reserved, u32[2]));

// clang-format on

}  // namespace syscompat::abi

// One entry per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_STRUCTS_IOCTL_DEV(X) \
  X(termio) \
  X(serial_struct) \
  X(serial_rs485) \
  X(serial_iso7816) \
  X(serial_icounter_struct) \
  X(ifmap) \
  X(if_settings) \
  X(ifreq) \
  X(ifconf) \
  X(arpreq) \
  X(rtentry) \
  X(tun_filter) \
  X(rand_pool_info) \
  X(perf_event_query_bpf) \
  X(watchdog_info) \
  X(input_id) \
  X(input_absinfo) \
  X(input_keymap_entry) \
  X(input_mask) \
  X(ff_envelope) \
  X(ff_trigger) \
  X(ff_replay) \
  X(ff_periodic_effect) \
  X(ff_condition_effect) \
  X(ff_effect) \
  X(hidraw_report_descriptor) \
  X(hidraw_devinfo) \
  X(snd_ctl_card_info) \
  X(snd_pcm_info) \
  X(snd_timer_id) \
  X(snd_timer_ginfo) \
  X(snd_timer_select) \
  X(kvm_userspace_memory_region) \
  X(kvm_irq_level) \
  X(kvm_irqfd) \
  X(kvm_ioeventfd) \
  X(kvm_enable_cap) \
  X(kvm_regs) \
  X(kvm_clock_data) \
  X(kvm_interrupt) \
  X(kvm_mp_state) \
  X(kvm_create_device) \
  X(kvm_msr_list) \
  X(kvm_cpuid2) \
  X(v4l2_capability) \
  X(v4l2_fmtdesc) \
  X(v4l2_requestbuffers) \
  X(v4l2_input) \
  X(v4l2_output) \
  X(v4l2_control) \
  X(v4l2_queryctrl)
// clang-format on
