#pragma once

#include <vector>

#include "syscompat/abi/layout.hpp"

namespace syscompat::abi::detail {

// Appends the layout of every described struct on data model M, in catalog order. Each
// model's instantiation is compiled in a file of its own (layouts/<abi>.cpp): reflecting every
// struct on every ABI is the costliest code of the project to compile, and apart the seven
// build in parallel. A model without its file is a link error.
template <class M>
void append_struct_layouts(std::vector<StructLayout>& layouts);

}  // namespace syscompat::abi::detail
