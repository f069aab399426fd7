// A project outside the tree: uses the installed headers (templates) and library (tables).
#include <cstdio>
#include <syscompat/abi/catalog.hpp>
#include <syscompat/abi/layout.hpp>

int main() {
  using namespace syscompat::abi;
  static_assert(sizeof(syscompat::abi::timespec<I386>) == 8);
  static_assert(sizeof(syscompat::abi::timespec<X86_64>) == 16);
  const StructLayout* layout = find_struct_layout(Abi::arm_eabi, "epoll_event");
  if (!layout || layout->size != 16) return 1;
  std::printf("consumer: epoll_event on arm_eabi is %zu bytes\n", layout->size);
  return 0;
}
