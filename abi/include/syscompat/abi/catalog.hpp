// Every struct entry of the description, in the order tools list them.
#pragma once

#include "syscompat/abi/structs/poll.hpp"
#include "syscompat/abi/structs/time.hpp"

#define SYSCOMPAT_ALL_STRUCTS(X) SYSCOMPAT_STRUCTS_TIME(X) SYSCOMPAT_STRUCTS_POLL(X)
