// The ioctl table against the x86 kernel headers this machine has.
#include "syscompat/abi/ioctls.hpp"

#include <asm/ioctls.h>

#include <catch2/catch.hpp>

#include "syscompat/abi/layout.hpp"

using namespace syscompat::abi;

TEST_CASE("ioctl numbers are the headers' and their structs are described", "[ioctls]") {
  const std::pair<std::string_view, unsigned> headers[] = {
      {"TCGETS", TCGETS},         {"TCSETS", TCSETS},       {"TCSETSW", TCSETSW},
      {"TCSETSF", TCSETSF},       {"TCSBRK", TCSBRK},       {"TCXONC", TCXONC},
      {"TCFLSH", TCFLSH},         {"TIOCSCTTY", TIOCSCTTY}, {"TIOCGPGRP", TIOCGPGRP},
      {"TIOCSPGRP", TIOCSPGRP},   {"TIOCOUTQ", TIOCOUTQ},   {"TIOCGWINSZ", TIOCGWINSZ},
      {"TIOCSWINSZ", TIOCSWINSZ}, {"FIONREAD", FIONREAD},   {"FIONBIO", FIONBIO},
      {"TIOCNOTTY", TIOCNOTTY},   {"TIOCGSID", TIOCGSID},   {"FIONCLEX", FIONCLEX},
      {"FIOCLEX", FIOCLEX},       {"FIOASYNC", FIOASYNC},   {"FIOQSIZE", FIOQSIZE},
  };
  CHECK(std::size(headers) == std::size(x86_ioctls));
  for (const auto& [name, value] : headers) {
    INFO(name);
    const Ioctl* entry = find_x86_ioctl(value);
    REQUIRE(entry != nullptr);
    CHECK(entry->name == name);
    if (entry->argument.starts_with("struct ")) {
      const auto struct_name = entry->argument.substr(7);
      REQUIRE(find_struct_layout(Abi::i386, struct_name) != nullptr);
      CHECK(find_struct_layout(Abi::i386, struct_name)->present);
    }
  }
}
