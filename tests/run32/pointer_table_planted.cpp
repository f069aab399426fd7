// For run32.pointer_free_tables_planted: a table of std::string_view, as the described
// structs' member names were, whose pointers a PIE relocates at start. The checker must name it.
#include <array>
#include <string_view>

namespace syscompat::abi::names_of {
struct planted {
  static constexpr std::array<std::string_view, 3> field_names{"tv_sec", "tv_usec", "tv_nsec"};
};
}  // namespace syscompat::abi::names_of

int main(int argc, char**) {
  // Read at run time, so the table is emitted.
  return static_cast<int>(syscompat::abi::names_of::planted::field_names[argc % 3].size()) == 0;
}
