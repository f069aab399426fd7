// Device requests: random (linux/random.h), perf_event (linux/perf_event.h), watchdog
// (linux/watchdog.h), input/evdev (linux/input.h), hidraw (linux/hidraw.h), sound
// (sound/asound.h) and KVM (linux/kvm.h).
#pragma once

#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace ioctl_rows {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off
inline constexpr IoctlRow random_rows[] = {
    {"RNDGETENTCNT", "linux/random.h", "_IOR('R', 0x00, c_int)", "out c_int"},
    {"RNDADDTOENTCNT", "linux/random.h", "_IOW('R', 0x01, c_int)", "in c_int"},
    {"RNDGETPOOL", "linux/random.h", "_IOR('R', 0x02, c_int[2])", "inout c_int[2]"},
    {"RNDADDENTROPY", "linux/random.h", "_IOW('R', 0x03, c_int[2])", "in struct rand_pool_info + u8[buf_size]"},
    {"RNDZAPENTCNT", "linux/random.h", "_IO('R', 0x04)", ""},
    {"RNDCLEARPOOL", "linux/random.h", "_IO('R', 0x06)", ""},
    {"RNDRESEEDCRNG", "linux/random.h", "_IO('R', 0x07)", ""},
};

// SET_FILTER, ID and QUERY_BPF encode a pointer: perf_compat_ioctl widens their size field.
inline constexpr IoctlRow perf_rows[] = {
    {"PERF_EVENT_IOC_ENABLE", "linux/perf_event.h", "_IO('$', 0)", "val"},
    {"PERF_EVENT_IOC_DISABLE", "linux/perf_event.h", "_IO('$', 1)", "val"},
    {"PERF_EVENT_IOC_REFRESH", "linux/perf_event.h", "_IO('$', 2)", "val"},
    {"PERF_EVENT_IOC_RESET", "linux/perf_event.h", "_IO('$', 3)", "val"},
    {"PERF_EVENT_IOC_PERIOD", "linux/perf_event.h", "_IOW('$', 4, u64)", "in u64"},
    {"PERF_EVENT_IOC_SET_OUTPUT", "linux/perf_event.h", "_IO('$', 5)", "val"},
    {"PERF_EVENT_IOC_SET_FILTER", "linux/perf_event.h", "_IOW('$', 6, ptr)", "in c_char"},
    {"PERF_EVENT_IOC_ID", "linux/perf_event.h", "_IOR('$', 7, ptr)", "out u64"},
    {"PERF_EVENT_IOC_SET_BPF", "linux/perf_event.h", "_IOW('$', 8, u32)", "val"},
    {"PERF_EVENT_IOC_PAUSE_OUTPUT", "linux/perf_event.h", "_IOW('$', 9, u32)", "val"},
    {"PERF_EVENT_IOC_QUERY_BPF", "linux/perf_event.h", "_IOWR('$', 10, ptr)", "inout struct perf_event_query_bpf + u32[ids_len]"},
};

inline constexpr IoctlRow watchdog_rows[] = {
    {"WDIOC_GETSUPPORT", "linux/watchdog.h", "_IOR('W', 0, struct watchdog_info)", "out struct watchdog_info"},
    {"WDIOC_GETSTATUS", "linux/watchdog.h", "_IOR('W', 1, c_int)", "out c_int"},
    {"WDIOC_GETBOOTSTATUS", "linux/watchdog.h", "_IOR('W', 2, c_int)", "out c_int"},
    {"WDIOC_GETTEMP", "linux/watchdog.h", "_IOR('W', 3, c_int)", "out c_int"},
    {"WDIOC_SETOPTIONS", "linux/watchdog.h", "_IOR('W', 4, c_int)", "in c_int"},
    {"WDIOC_KEEPALIVE", "linux/watchdog.h", "_IOR('W', 5, c_int)", ""},
    {"WDIOC_SETTIMEOUT", "linux/watchdog.h", "_IOWR('W', 6, c_int)", "inout c_int"},
    {"WDIOC_GETTIMEOUT", "linux/watchdog.h", "_IOR('W', 7, c_int)", "out c_int"},
    {"WDIOC_SETPRETIMEOUT", "linux/watchdog.h", "_IOWR('W', 8, c_int)", "inout c_int"},
    {"WDIOC_GETPRETIMEOUT", "linux/watchdog.h", "_IOR('W', 9, c_int)", "out c_int"},
    {"WDIOC_GETTIMELEFT", "linux/watchdog.h", "_IOR('W', 10, c_int)", "out c_int"},
};

inline constexpr IoctlRow input_rows[] = {
    {"EVIOCGVERSION", "linux/input.h", "_IOR('E', 0x01, c_int)", "out c_int"},
    {"EVIOCGID", "linux/input.h", "_IOR('E', 0x02, struct input_id)", "out struct input_id"},
    {"EVIOCGREP", "linux/input.h", "_IOR('E', 0x03, c_uint[2])", "out c_uint[2]"},
    {"EVIOCSREP", "linux/input.h", "_IOW('E', 0x03, c_uint[2])", "in c_uint[2]"},
    {"EVIOCGKEYCODE", "linux/input.h", "_IOR('E', 0x04, c_uint[2])", "inout c_uint[2]"},
    {"EVIOCGKEYCODE_V2", "linux/input.h", "_IOR('E', 0x04, struct input_keymap_entry)", "inout struct input_keymap_entry"},
    {"EVIOCSKEYCODE", "linux/input.h", "_IOW('E', 0x04, c_uint[2])", "in c_uint[2]"},
    {"EVIOCSKEYCODE_V2", "linux/input.h", "_IOW('E', 0x04, struct input_keymap_entry)", "in struct input_keymap_entry"},
    {"EVIOCSFF", "linux/input.h", "_IOW('E', 0x80, struct ff_effect)", "inout struct ff_effect"},
    {"EVIOCRMFF", "linux/input.h", "_IOW('E', 0x81, c_int)", "val"},
    {"EVIOCGEFFECTS", "linux/input.h", "_IOR('E', 0x84, c_int)", "out c_int"},
    {"EVIOCGRAB", "linux/input.h", "_IOW('E', 0x90, c_int)", "val"},
    {"EVIOCREVOKE", "linux/input.h", "_IOW('E', 0x91, c_int)", "val"},
    {"EVIOCGMASK", "linux/input.h", "_IOR('E', 0x92, struct input_mask)", "in struct input_mask"},
    {"EVIOCSMASK", "linux/input.h", "_IOW('E', 0x93, struct input_mask)", "in struct input_mask"},
    {"EVIOCSCLOCKID", "linux/input.h", "_IOW('E', 0xa0, c_int)", "in c_int"},
};

inline constexpr IoctlRow hidraw_rows[] = {
    {"HIDIOCGRDESCSIZE", "linux/hidraw.h", "_IOR('H', 0x01, c_int)", "out c_int"},
    {"HIDIOCGRDESC", "linux/hidraw.h", "_IOR('H', 0x02, struct hidraw_report_descriptor)", "inout struct hidraw_report_descriptor"},
    {"HIDIOCGRAWINFO", "linux/hidraw.h", "_IOR('H', 0x03, struct hidraw_devinfo)", "out struct hidraw_devinfo"},
};

// REWIND, FORWARD and DELAY carry snd_pcm_[us]frames_t, a long: converted by value.
inline constexpr IoctlRow sound_rows[] = {
    {"SNDRV_CTL_IOCTL_PVERSION", "sound/asound.h", "_IOR('U', 0x00, c_int)", "out c_int"},
    {"SNDRV_CTL_IOCTL_CARD_INFO", "sound/asound.h", "_IOR('U', 0x01, struct snd_ctl_card_info)", "out struct snd_ctl_card_info"},
    {"SNDRV_CTL_IOCTL_SUBSCRIBE_EVENTS", "sound/asound.h", "_IOWR('U', 0x16, c_int)", "inout c_int"},
    {"SNDRV_CTL_IOCTL_HWDEP_NEXT_DEVICE", "sound/asound.h", "_IOWR('U', 0x20, c_int)", "inout c_int"},
    {"SNDRV_CTL_IOCTL_PCM_NEXT_DEVICE", "sound/asound.h", "_IOR('U', 0x30, c_int)", "inout c_int"},
    {"SNDRV_CTL_IOCTL_PCM_INFO", "sound/asound.h", "_IOWR('U', 0x31, struct snd_pcm_info)", "inout struct snd_pcm_info"},
    {"SNDRV_CTL_IOCTL_PCM_PREFER_SUBDEVICE", "sound/asound.h", "_IOW('U', 0x32, c_int)", "in c_int"},
    {"SNDRV_CTL_IOCTL_RAWMIDI_NEXT_DEVICE", "sound/asound.h", "_IOWR('U', 0x40, c_int)", "inout c_int"},
    {"SNDRV_CTL_IOCTL_RAWMIDI_PREFER_SUBDEVICE", "sound/asound.h", "_IOW('U', 0x42, c_int)", "in c_int"},
    {"SNDRV_CTL_IOCTL_POWER", "sound/asound.h", "_IOWR('U', 0xd0, c_int)", "inout c_int"},
    {"SNDRV_CTL_IOCTL_POWER_STATE", "sound/asound.h", "_IOR('U', 0xd1, c_int)", "out c_int"},
    {"SNDRV_PCM_IOCTL_PVERSION", "sound/asound.h", "_IOR('A', 0x00, c_int)", "out c_int"},
    {"SNDRV_PCM_IOCTL_INFO", "sound/asound.h", "_IOR('A', 0x01, struct snd_pcm_info)", "out struct snd_pcm_info"},
    {"SNDRV_PCM_IOCTL_TSTAMP", "sound/asound.h", "_IOW('A', 0x02, c_int)", "in c_int"},
    {"SNDRV_PCM_IOCTL_TTSTAMP", "sound/asound.h", "_IOW('A', 0x03, c_int)", "in c_int"},
    {"SNDRV_PCM_IOCTL_USER_PVERSION", "sound/asound.h", "_IOW('A', 0x04, c_int)", "in c_int"},
    {"SNDRV_PCM_IOCTL_HW_FREE", "sound/asound.h", "_IO('A', 0x12)", ""},
    {"SNDRV_PCM_IOCTL_DELAY", "sound/asound.h", "_IOR('A', 0x21, c_long)", "out c_long"},
    {"SNDRV_PCM_IOCTL_HWSYNC", "sound/asound.h", "_IO('A', 0x22)", ""},
    {"SNDRV_PCM_IOCTL_PREPARE", "sound/asound.h", "_IO('A', 0x40)", ""},
    {"SNDRV_PCM_IOCTL_RESET", "sound/asound.h", "_IO('A', 0x41)", ""},
    {"SNDRV_PCM_IOCTL_START", "sound/asound.h", "_IO('A', 0x42)", ""},
    {"SNDRV_PCM_IOCTL_DROP", "sound/asound.h", "_IO('A', 0x43)", ""},
    {"SNDRV_PCM_IOCTL_DRAIN", "sound/asound.h", "_IO('A', 0x44)", ""},
    {"SNDRV_PCM_IOCTL_PAUSE", "sound/asound.h", "_IOW('A', 0x45, c_int)", "val"},
    {"SNDRV_PCM_IOCTL_REWIND", "sound/asound.h", "_IOW('A', 0x46, c_ulong)", "inout c_ulong"},
    {"SNDRV_PCM_IOCTL_RESUME", "sound/asound.h", "_IO('A', 0x47)", ""},
    {"SNDRV_PCM_IOCTL_XRUN", "sound/asound.h", "_IO('A', 0x48)", ""},
    {"SNDRV_PCM_IOCTL_FORWARD", "sound/asound.h", "_IOW('A', 0x49, c_ulong)", "inout c_ulong"},
    {"SNDRV_PCM_IOCTL_LINK", "sound/asound.h", "_IOW('A', 0x60, c_int)", "val"},
    {"SNDRV_PCM_IOCTL_UNLINK", "sound/asound.h", "_IO('A', 0x61)", ""},
    {"SNDRV_RAWMIDI_IOCTL_PVERSION", "sound/asound.h", "_IOR('W', 0x00, c_int)", "out c_int"},
    {"SNDRV_RAWMIDI_IOCTL_USER_PVERSION", "sound/asound.h", "_IOW('W', 0x02, c_int)", "in c_int"},
    {"SNDRV_RAWMIDI_IOCTL_DROP", "sound/asound.h", "_IOW('W', 0x30, c_int)", "in c_int"},
    {"SNDRV_RAWMIDI_IOCTL_DRAIN", "sound/asound.h", "_IOW('W', 0x31, c_int)", "in c_int"},
    {"SNDRV_TIMER_IOCTL_PVERSION", "sound/asound.h", "_IOR('T', 0x00, c_int)", "out c_int"},
    {"SNDRV_TIMER_IOCTL_NEXT_DEVICE", "sound/asound.h", "_IOWR('T', 0x01, struct snd_timer_id)", "inout struct snd_timer_id"},
    {"SNDRV_TIMER_IOCTL_TREAD_OLD", "sound/asound.h", "_IOW('T', 0x02, c_int)", "in c_int"},
    {"SNDRV_TIMER_IOCTL_GINFO", "sound/asound.h", "_IOWR('T', 0x03, struct snd_timer_ginfo)", "inout struct snd_timer_ginfo"},
    {"SNDRV_TIMER_IOCTL_SELECT", "sound/asound.h", "_IOW('T', 0x10, struct snd_timer_select)", "in struct snd_timer_select"},
    {"SNDRV_TIMER_IOCTL_START", "sound/asound.h", "_IO('T', 0xa0)", ""},
    {"SNDRV_TIMER_IOCTL_STOP", "sound/asound.h", "_IO('T', 0xa1)", ""},
    {"SNDRV_TIMER_IOCTL_CONTINUE", "sound/asound.h", "_IO('T', 0xa2)", ""},
    {"SNDRV_TIMER_IOCTL_PAUSE", "sound/asound.h", "_IO('T', 0xa3)", ""},
    {"SNDRV_TIMER_IOCTL_TREAD64", "sound/asound.h", "_IOW('T', 0xa4, c_int)", "in c_int"},
};

inline constexpr IoctlRow kvm_rows[] = {
    {"KVM_GET_API_VERSION", "linux/kvm.h", "_IO(0xAE, 0x00)", ""},
    {"KVM_CREATE_VM", "linux/kvm.h", "_IO(0xAE, 0x01)", "val"},
    {"KVM_GET_MSR_INDEX_LIST", "linux/kvm.h", "_IOWR(0xAE, 0x02, struct kvm_msr_list)", "inout struct kvm_msr_list + u32[nmsrs]"},
    {"KVM_CHECK_EXTENSION", "linux/kvm.h", "_IO(0xAE, 0x03)", "val"},
    {"KVM_GET_VCPU_MMAP_SIZE", "linux/kvm.h", "_IO(0xAE, 0x04)", ""},
    {"KVM_GET_SUPPORTED_CPUID", "linux/kvm.h", "_IOWR(0xAE, 0x05, struct kvm_cpuid2)", "inout struct kvm_cpuid2"},
    {"KVM_CREATE_VCPU", "linux/kvm.h", "_IO(0xAE, 0x41)", "val"},
    {"KVM_SET_USER_MEMORY_REGION", "linux/kvm.h", "_IOW(0xAE, 0x46, struct kvm_userspace_memory_region)", "in struct kvm_userspace_memory_region"},
    {"KVM_SET_TSS_ADDR", "linux/kvm.h", "_IO(0xAE, 0x47)", "val"},
    {"KVM_SET_IDENTITY_MAP_ADDR", "linux/kvm.h", "_IOW(0xAE, 0x48, u64)", "in u64"},
    {"KVM_CREATE_IRQCHIP", "linux/kvm.h", "_IO(0xAE, 0x60)", ""},
    {"KVM_IRQ_LINE", "linux/kvm.h", "_IOW(0xAE, 0x61, struct kvm_irq_level)", "in struct kvm_irq_level"},
    {"KVM_IRQFD", "linux/kvm.h", "_IOW(0xAE, 0x76, struct kvm_irqfd)", "in struct kvm_irqfd"},
    {"KVM_IOEVENTFD", "linux/kvm.h", "_IOW(0xAE, 0x79, struct kvm_ioeventfd)", "in struct kvm_ioeventfd"},
    {"KVM_SET_CLOCK", "linux/kvm.h", "_IOW(0xAE, 0x7b, struct kvm_clock_data)", "in struct kvm_clock_data"},
    {"KVM_GET_CLOCK", "linux/kvm.h", "_IOR(0xAE, 0x7c, struct kvm_clock_data)", "out struct kvm_clock_data"},
    {"KVM_RUN", "linux/kvm.h", "_IO(0xAE, 0x80)", ""},
    {"KVM_GET_REGS", "linux/kvm.h", "_IOR(0xAE, 0x81, struct kvm_regs)", "out struct kvm_regs"},
    {"KVM_SET_REGS", "linux/kvm.h", "_IOW(0xAE, 0x82, struct kvm_regs)", "in struct kvm_regs"},
    {"KVM_INTERRUPT", "linux/kvm.h", "_IOW(0xAE, 0x86, struct kvm_interrupt)", "in struct kvm_interrupt"},
    {"KVM_GET_MP_STATE", "linux/kvm.h", "_IOR(0xAE, 0x98, struct kvm_mp_state)", "out struct kvm_mp_state"},
    {"KVM_SET_MP_STATE", "linux/kvm.h", "_IOW(0xAE, 0x99, struct kvm_mp_state)", "in struct kvm_mp_state"},
    {"KVM_NMI", "linux/kvm.h", "_IO(0xAE, 0x9a)", ""},
    {"KVM_SET_TSC_KHZ", "linux/kvm.h", "_IO(0xAE, 0xa2)", "val"},
    {"KVM_GET_TSC_KHZ", "linux/kvm.h", "_IO(0xAE, 0xa3)", ""},
    {"KVM_ENABLE_CAP", "linux/kvm.h", "_IOW(0xAE, 0xa3, struct kvm_enable_cap)", "in struct kvm_enable_cap"},
    {"KVM_GET_STATS_FD", "linux/kvm.h", "_IO(0xAE, 0xce)", ""},
    {"KVM_CREATE_DEVICE", "linux/kvm.h", "_IOWR(0xAE, 0xe0, struct kvm_create_device)", "inout struct kvm_create_device"},
};
// clang-format on

inline constexpr IoctlFamily devices_families[] = {
    {"random", random_rows},
    {"perf_event", perf_rows},
    {"watchdog", watchdog_rows},
    {"input (evdev)", input_rows},
    {"hidraw", hidraw_rows},
    {"sound", sound_rows},
    {"KVM", kvm_rows, true,
     "asm/kvm.h declares each architecture's own registers, and 32-bit arm's headers have no "
     "KVM since 5.7: described for the x86 ABIs"},
};

}  // namespace ioctl_rows

}  // namespace syscompat::abi
