// The constant vocabularies of the description (the rows: constants/*.hpp; the notation:
// constant_types.hpp), and what reads them whole: the checker, the docs, the tests.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/constant_types.hpp"
#include "syscompat/abi/constants/errno.hpp"
#include "syscompat/abi/constants/files.hpp"
#include "syscompat/abi/constants/memory.hpp"
#include "syscompat/abi/constants/net.hpp"
#include "syscompat/abi/constants/process.hpp"
#include "syscompat/abi/constants/signals.hpp"

namespace syscompat::abi {

// Every vocabulary, in a fixed order. The decoder names the one it means directly
// (vocab::open_flags), never by a lookup.
std::span<const Vocabulary* const> vocabularies();

// The row named `name` in `vocabulary` (for tests and the command line, not for decoding).
const ConstantRow* find_constant(const Vocabulary& vocabulary, std::string_view name);

// What is wrong with the vocabularies: a name twice, one value for two names of a `values`
// vocabulary on some ABI, more than one row of value 0 (the name of "no bit set") in a
// `flags` one.
std::vector<std::string> constant_table_errors();

}  // namespace syscompat::abi
