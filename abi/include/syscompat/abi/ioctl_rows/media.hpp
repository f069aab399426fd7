// video4linux (linux/videodev2.h): the requests whose arguments hold no pointer.
#pragma once

#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace ioctl_rows {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off
inline constexpr IoctlRow v4l2_rows[] = {
    {"VIDIOC_QUERYCAP", "linux/videodev2.h", "_IOR('V', 0, struct v4l2_capability)", "out struct v4l2_capability"},
    {"VIDIOC_ENUM_FMT", "linux/videodev2.h", "_IOWR('V', 2, struct v4l2_fmtdesc)", "inout struct v4l2_fmtdesc"},
    {"VIDIOC_REQBUFS", "linux/videodev2.h", "_IOWR('V', 8, struct v4l2_requestbuffers)", "inout struct v4l2_requestbuffers"},
    {"VIDIOC_STREAMON", "linux/videodev2.h", "_IOW('V', 18, c_int)", "in c_int"},
    {"VIDIOC_STREAMOFF", "linux/videodev2.h", "_IOW('V', 19, c_int)", "in c_int"},
    {"VIDIOC_G_STD", "linux/videodev2.h", "_IOR('V', 23, u64)", "out u64"},
    {"VIDIOC_S_STD", "linux/videodev2.h", "_IOW('V', 24, u64)", "in u64"},
    {"VIDIOC_ENUMINPUT", "linux/videodev2.h", "_IOWR('V', 26, struct v4l2_input)", "inout struct v4l2_input"},
    {"VIDIOC_G_CTRL", "linux/videodev2.h", "_IOWR('V', 27, struct v4l2_control)", "inout struct v4l2_control"},
    {"VIDIOC_S_CTRL", "linux/videodev2.h", "_IOWR('V', 28, struct v4l2_control)", "inout struct v4l2_control"},
    {"VIDIOC_QUERYCTRL", "linux/videodev2.h", "_IOWR('V', 36, struct v4l2_queryctrl)", "inout struct v4l2_queryctrl"},
    {"VIDIOC_G_INPUT", "linux/videodev2.h", "_IOR('V', 38, c_int)", "out c_int"},
    {"VIDIOC_S_INPUT", "linux/videodev2.h", "_IOWR('V', 39, c_int)", "inout c_int"},
    {"VIDIOC_G_OUTPUT", "linux/videodev2.h", "_IOR('V', 46, c_int)", "out c_int"},
    {"VIDIOC_S_OUTPUT", "linux/videodev2.h", "_IOWR('V', 47, c_int)", "inout c_int"},
    {"VIDIOC_ENUMOUTPUT", "linux/videodev2.h", "_IOWR('V', 48, struct v4l2_output)", "inout struct v4l2_output"},
    {"VIDIOC_QUERYSTD", "linux/videodev2.h", "_IOR('V', 63, u64)", "out u64"},
    {"VIDIOC_G_PRIORITY", "linux/videodev2.h", "_IOR('V', 67, u32)", "out u32"},
    {"VIDIOC_S_PRIORITY", "linux/videodev2.h", "_IOW('V', 68, u32)", "in u32"},
    {"VIDIOC_LOG_STATUS", "linux/videodev2.h", "_IO('V', 70)", ""},
};
// clang-format on

inline constexpr IoctlFamily media_families[] = {
    {"video4linux", v4l2_rows},
};

}  // namespace ioctl_rows

}  // namespace syscompat::abi
