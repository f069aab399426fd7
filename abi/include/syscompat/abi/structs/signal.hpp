// signal structs.
#pragma once

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_SIGNAL(X)
