// The struct layouts on arm_eabi (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::ArmEabi>(
    std::vector<syscompat::abi::StructLayout>&);
