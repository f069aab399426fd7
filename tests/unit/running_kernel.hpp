// The release of the kernel the tests run on, for the tests that ask it about its own structs.
#pragma once

#include <sys/utsname.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "syscompat/abi/describe.hpp"

inline syscompat::abi::KernelRelease running_release() {
  utsname name{};
  REQUIRE(uname(&name) == 0);
  syscompat::abi::KernelRelease release;
  REQUIRE(std::sscanf(name.release, "%d.%d", &release.major, &release.minor) == 2);
  return release;
}
