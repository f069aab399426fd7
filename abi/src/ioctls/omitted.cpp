// What the ioctl table leaves out, and why (docs/ioctls.md prints it).
#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace {

constexpr IoctlOmission omissions[] = {
    {"DRM (drm/drm.h, drm/*_drm.h)",
     "Debian 12's linux-libc-dev for x86 ships no drm/ headers (libdrm-dev carries its own "
     "copy), so the x86 numbers cannot be checked here; DRM_IOCTL_VERSION and "
     "DRM_IOCTL_GET_UNIQUE also hold size_t and pointers (compat_drm_version)"},
    {"requests whose length or code is part of the number (EVIOCGNAME(len), EVIOCGBIT(ev, "
     "len), EVIOCGABS(abs), HIDIOCGRAWNAME(len), HIDIOCGFEATURE(len), ...)",
     "each length is its own number: the table has one row per request, not per family of "
     "numbers; they answer ENOTTY"},
    {"v4l2 buffers and formats (VIDIOC_QUERYBUF, QBUF, DQBUF, G_FMT, S_FMT, TRY_FMT, "
     "G_EXT_CTRLS, ...)",
     "v4l2_buffer and v4l2_format hold pointers in unions and a timeval "
     "(v4l2-compat-ioctl32.c): no hand-written handler yet"},
    {"ALSA PCM parameters and transfers (SNDRV_PCM_IOCTL_HW_PARAMS, SW_PARAMS, STATUS, "
     "SYNC_PTR, WRITEI_FRAMES, READI_FRAMES, ...), control elements (ELEM_LIST, ELEM_INFO, "
     "ELEM_READ, TLV_*), timer status and parameters",
     "unsigned longs, timespecs and pointers the kernel's pcm_compat.c converts by hand: no "
     "handler yet"},
    {"KVM beyond the basics (KVM_GET_SREGS, KVM_GET_FPU, KVM_SET_GSI_ROUTING, "
     "KVM_GET_DIRTY_LOG, ...); KVM on arm, aarch64, riscv64 and mips",
     "large per-architecture structs not described; KVM_GET_DIRTY_LOG's union of a pointer "
     "and a u64 needs compat_ptr; 32-bit arm has had no KVM since 5.7"},
    {"PERF_EVENT_IOC_MODIFY_ATTRIBUTES", "perf_event_attr is not described"},
    {"FS_IOC_GETFSUUID, FS_IOC_GETFSSYSFSPATH, UFFDIO_POISON, UFFDIO_MOVE, NS_MNT_GET_*",
     "newer than the 6.1 headers and their structs not described yet"},
    {"TCGETX, TCSETX, TCSETXF, TCSETXW", "struct termiox left the kernel in 5.12: ENOTTY"},
};

}  // namespace

std::span<const IoctlOmission> ioctl_omissions() {
  return omissions;
}

}  // namespace syscompat::abi
