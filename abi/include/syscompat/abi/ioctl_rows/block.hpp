// Loop devices (linux/loop.h) and block devices (linux/fs.h's BLK*, linux/hdreg.h,
// linux/blkzoned.h).
#pragma once

#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace ioctl_rows {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off
inline constexpr IoctlRow loop_rows[] = {
    {"LOOP_SET_FD", "linux/loop.h", "0x4C00", "val"},
    {"LOOP_CLR_FD", "linux/loop.h", "0x4C01", ""},
    {"LOOP_SET_STATUS", "linux/loop.h", "0x4C02", "in struct loop_info"},
    {"LOOP_GET_STATUS", "linux/loop.h", "0x4C03", "out struct loop_info"},
    {"LOOP_SET_STATUS64", "linux/loop.h", "0x4C04", "in struct loop_info64"},
    {"LOOP_GET_STATUS64", "linux/loop.h", "0x4C05", "out struct loop_info64"},
    {"LOOP_CHANGE_FD", "linux/loop.h", "0x4C06", "val"},
    {"LOOP_SET_CAPACITY", "linux/loop.h", "0x4C07", ""},
    {"LOOP_SET_DIRECT_IO", "linux/loop.h", "0x4C08", "val"},
    {"LOOP_SET_BLOCK_SIZE", "linux/loop.h", "0x4C09", "val"},
    {"LOOP_CONFIGURE", "linux/loop.h", "0x4C0A", "in struct loop_config"},
    {"LOOP_CTL_ADD", "linux/loop.h", "0x4C80", "val"},
    {"LOOP_CTL_REMOVE", "linux/loop.h", "0x4C81", "val"},
    {"LOOP_CTL_GET_FREE", "linux/loop.h", "0x4C82", ""},
};

// BLKBSZGET and BLKGETSIZE64 encode a size_t and pass an int and a u64: their numbers
// differ between i386 and x86_64, their arguments do not.
inline constexpr IoctlRow block_rows[] = {
    {"BLKROSET", "linux/fs.h", "_IO(0x12, 93)", "in c_int"},
    {"BLKROGET", "linux/fs.h", "_IO(0x12, 94)", "out c_int"},
    {"BLKRRPART", "linux/fs.h", "_IO(0x12, 95)", ""},
    {"BLKGETSIZE", "linux/fs.h", "_IO(0x12, 96)", "out c_ulong"},
    {"BLKFLSBUF", "linux/fs.h", "_IO(0x12, 97)", ""},
    {"BLKRASET", "linux/fs.h", "_IO(0x12, 98)", "val"},
    {"BLKRAGET", "linux/fs.h", "_IO(0x12, 99)", "out c_ulong"},
    {"BLKFRASET", "linux/fs.h", "_IO(0x12, 100)", "val"},
    {"BLKFRAGET", "linux/fs.h", "_IO(0x12, 101)", "out c_ulong"},
    {"BLKSECTSET", "linux/fs.h", "_IO(0x12, 102)", "in c_ushort"},
    {"BLKSECTGET", "linux/fs.h", "_IO(0x12, 103)", "out c_ushort"},
    {"BLKSSZGET", "linux/fs.h", "_IO(0x12, 104)", "out c_int"},
    {"BLKPG", "linux/fs.h", "_IO(0x12, 105)", "in struct blkpg_ioctl_arg"},
    {"BLKBSZGET", "linux/fs.h", "_IOR(0x12, 112, kernel_size)", "out c_int"},
    {"BLKBSZSET", "linux/fs.h", "_IOW(0x12, 113, kernel_size)", "in c_int"},
    {"BLKGETSIZE64", "linux/fs.h", "_IOR(0x12, 114, kernel_size)", "out u64"},
    {"BLKTRACESETUP", "linux/fs.h", "_IOWR(0x12, 115, struct blk_user_trace_setup)", "inout struct blk_user_trace_setup"},
    {"BLKTRACESTART", "linux/fs.h", "_IO(0x12, 116)", ""},
    {"BLKTRACESTOP", "linux/fs.h", "_IO(0x12, 117)", ""},
    {"BLKTRACETEARDOWN", "linux/fs.h", "_IO(0x12, 118)", ""},
    {"BLKDISCARD", "linux/fs.h", "_IO(0x12, 119)", "in u64[2]"},
    {"BLKIOMIN", "linux/fs.h", "_IO(0x12, 120)", "out c_uint"},
    {"BLKIOOPT", "linux/fs.h", "_IO(0x12, 121)", "out c_uint"},
    {"BLKALIGNOFF", "linux/fs.h", "_IO(0x12, 122)", "out c_int"},
    {"BLKPBSZGET", "linux/fs.h", "_IO(0x12, 123)", "out c_uint"},
    {"BLKDISCARDZEROES", "linux/fs.h", "_IO(0x12, 124)", "out c_uint"},
    {"BLKSECDISCARD", "linux/fs.h", "_IO(0x12, 125)", "in u64[2]"},
    {"BLKROTATIONAL", "linux/fs.h", "_IO(0x12, 126)", "out c_ushort"},
    {"BLKZEROOUT", "linux/fs.h", "_IO(0x12, 127)", "in u64[2]"},
    {"BLKGETDISKSEQ", "linux/fs.h", "_IOR(0x12, 128, u64)", "out u64"},
    {"BLKREPORTZONE", "linux/blkzoned.h", "_IOWR(0x12, 130, struct blk_zone_report)", "inout struct blk_zone_report"},
    {"BLKRESETZONE", "linux/blkzoned.h", "_IOW(0x12, 131, struct blk_zone_range)", "in struct blk_zone_range"},
    {"BLKGETZONESZ", "linux/blkzoned.h", "_IOR(0x12, 132, u32)", "out u32"},
    {"BLKGETNRZONES", "linux/blkzoned.h", "_IOR(0x12, 133, u32)", "out u32"},
    {"BLKOPENZONE", "linux/blkzoned.h", "_IOW(0x12, 134, struct blk_zone_range)", "in struct blk_zone_range"},
    {"BLKCLOSEZONE", "linux/blkzoned.h", "_IOW(0x12, 135, struct blk_zone_range)", "in struct blk_zone_range"},
    {"BLKFINISHZONE", "linux/blkzoned.h", "_IOW(0x12, 136, struct blk_zone_range)", "in struct blk_zone_range"},
    {"HDIO_GETGEO", "linux/hdreg.h", "0x0301", "out struct hd_geometry"},
    {"HDIO_GET_UNMASKINTR", "linux/hdreg.h", "0x0302", "out c_ulong"},
    {"HDIO_GET_MULTCOUNT", "linux/hdreg.h", "0x0304", "out c_ulong"},
    {"HDIO_GET_KEEPSETTINGS", "linux/hdreg.h", "0x0308", "out c_ulong"},
    {"HDIO_GET_32BIT", "linux/hdreg.h", "0x0309", "out c_ulong"},
    {"HDIO_GET_NOWERR", "linux/hdreg.h", "0x030a", "out c_ulong"},
    {"HDIO_GET_DMA", "linux/hdreg.h", "0x030b", "out c_ulong"},
    {"HDIO_GET_IDENTITY", "linux/hdreg.h", "0x030d", "out u8[512]"},
};
// clang-format on

inline constexpr IoctlFamily block_families[] = {
    {"loop devices", loop_rows},
    {"block devices", block_rows},
};

}  // namespace ioctl_rows

}  // namespace syscompat::abi
