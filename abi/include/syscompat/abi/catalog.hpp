// Every struct entry of the description, in the order tools list them.
#pragma once

#include "syscompat/abi/structs/file.hpp"
#include "syscompat/abi/structs/io.hpp"
#include "syscompat/abi/structs/ioctl_dev.hpp"
#include "syscompat/abi/structs/ioctl_fs.hpp"
#include "syscompat/abi/structs/ipc.hpp"
#include "syscompat/abi/structs/net.hpp"
#include "syscompat/abi/structs/poll.hpp"
#include "syscompat/abi/structs/process.hpp"
#include "syscompat/abi/structs/signal.hpp"
#include "syscompat/abi/structs/socket.hpp"
#include "syscompat/abi/structs/sysargs.hpp"
#include "syscompat/abi/structs/time.hpp"

// One group per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_ALL_STRUCTS(X) \
  SYSCOMPAT_STRUCTS_TIME(X) \
  SYSCOMPAT_STRUCTS_PROCESS(X) \
  SYSCOMPAT_STRUCTS_FILE(X) \
  SYSCOMPAT_STRUCTS_POLL(X) \
  SYSCOMPAT_STRUCTS_SOCKET(X) \
  SYSCOMPAT_STRUCTS_NET(X) \
  SYSCOMPAT_STRUCTS_SIGNAL(X) \
  SYSCOMPAT_STRUCTS_IPC(X) \
  SYSCOMPAT_STRUCTS_IO(X) \
  SYSCOMPAT_STRUCTS_SYSARGS(X) \
  SYSCOMPAT_STRUCTS_IOCTL_FS(X) \
  SYSCOMPAT_STRUCTS_IOCTL_DEV(X)
// clang-format on
