#pragma once

// The definition of append_struct_layouts, included only by the per-ABI files that
// instantiate it.

#include "struct_layouts_of.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/reflect.hpp"

namespace syscompat::abi::detail {

template <class M>
void append_struct_layouts(std::vector<StructLayout>& layouts) {
#define SYSCOMPAT_ADD(entry) layouts.push_back(struct_layout_of<entry<M>>(M::abi));
  SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_ADD)
#undef SYSCOMPAT_ADD
}

}  // namespace syscompat::abi::detail
