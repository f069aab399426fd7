// syscompat layout: the description's struct layouts, and their check against compilers.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "commands.hpp"
#include "layout_check.hpp"
#include "layout_verify.hpp"
#include "syscompat/abi/header_differences.hpp"
#include "syscompat/abi/layout.hpp"

namespace syscompat::tools {

using abi::Abi;

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

std::vector<std::string> abi_name_list() {
  std::vector<std::string> names;
  for (Abi a : abi::all_abis) names.emplace_back(abi::abi_name(a));
  return names;
}

Abi abi_or_usage_error(const std::string& name) {
  if (auto a = abi::parse_abi(name)) return *a;
  throw UsageError{fmt::format("unknown ABI '{}'; valid: {}", name, joined(abi_name_list()))};
}

const abi::StructLayout& struct_or_usage_error(Abi a, const std::string& name) {
  if (const auto* layout = abi::find_struct_layout(a, name)) return *layout;
  throw UsageError{
      fmt::format("unknown struct '{}'; valid: {}", name, joined(abi::struct_names()))};
}

int print_layout(const abi::StructLayout& layout, bool json) {
  if (!layout.present) {
    if (json) {
      std::cout << nlohmann::json{{"abi", abi::abi_name(layout.abi)},
                                  {"struct", layout.name},
                                  {"absent", true},
                                  {"why", layout.why_absent}}
                       .dump()
                << "\n";
    } else {
      std::cout << fmt::format("{} on {}: absent ({})\n", layout.name, abi::abi_name(layout.abi),
                               layout.why_absent);
    }
    return 0;
  }
  if (json) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : layout.fields)
      fields.push_back(
          {{"name", f.name}, {"offset", f.offset}, {"size", f.size}, {"type", f.type}});
    std::cout << nlohmann::json{{"abi", abi::abi_name(layout.abi)},
                                {"struct", layout.name},
                                {"size", layout.size},
                                {"align", layout.align},
                                {"fields", fields}}
                     .dump()
              << "\n";
    return 0;
  }
  std::cout << fmt::format("{} on {}: size {}, align {}\n", layout.name, abi::abi_name(layout.abi),
                           layout.size, layout.align);
  std::cout << fmt::format("  {:>6} {:>5}  {:<24} {}\n", "offset", "size", "field", "type");
  for (const auto& f : layout.fields)
    std::cout << fmt::format("  {:>6} {:>5}  {:<24} {}\n", f.offset, f.size, f.name, f.type);
  return 0;
}

int print_list() {
  std::cout << "ABIs:";
  for (const auto& name : abi_name_list()) std::cout << " " << name;
  std::cout << "\nstructs:";
  for (const auto& name : abi::struct_names()) std::cout << " " << name;
  std::cout << "\n";
  return 0;
}

// docs/layouts.md's last section: layout --verify, and how a project runs it in its CI.
constexpr std::string_view verify_section = R"(
## Checking your own structs: `layout --verify`

`syscompat layout --verify HEADER` checks the structs *you* declare (an emulator's target
structs, a binding's copies of the kernel's) against the description, on all 7 ABIs at once,
compile-only: nothing runs on the target.

```
syscompat layout --verify HEADER [--map FILE] [-I DIR]... [-D MACRO[=VALUE]]... [--include FILE]... [--abi A]... [-j N]
```

- **What it reads.** For each ABI, clang's AST of HEADER (`clang --target=TRIPLE -Xclang
  -ast-dump=json`, so the header's `#if defined(__i386__)` and the like choose as they would
  for that target) names the structs HEADER itself declares, not those of the headers it
  includes, and their members (anonymous struct and union members count as the struct's own,
  as in C11). The AST was chosen over DWARF because it needs nothing the project does not
  have (DWARF needs libdw and a `-g` compile per toolchain) and it names typedef'd anonymous
  structs (`typedef struct { ... } target_sigset_t;`) as the code does.
- **What it compares.** Each ABI's gcc and clang compile one probe of the header (the probe
  `layout --check` uses: offsetof, sizeof, alignment, `__builtin_classify_type` and
  signedness as C expressions, read back from the object file with libelf). For each struct:
  size and alignment; for each member: offset, size, alignment (gcc's: clang's `_Alignof` of
  a member is the alignment known at its address), type class, signedness, and an array's
  element size and signedness. A guest pointer kept as an integer of its size (`abi_ulong`)
  passes for a pointer.
- **Which entry.** The description's struct of the same name, or the one the map file names;
  the members by name, or as the map renames them. A member the description lacks is padding
  where it lies in the description's padding or over a member the header calls something else
  (`__pad1` where the kernel has `__pad0`: "compared by place only"); over a member matched by
  name it is a difference. A member of the description that the header neither names nor
  covers is "missing". Bit-fields are listed as not compared.
- **What it prints.** Every difference, with both values:

  ```
  DIFF i386 gcc target_stat64.__st_ino (stat64.__st_ino) offset: description 12, header 8
  ```

  the structs it matched and on which ABIs, the structs it could not match (listed, not
  compared), and a summary `layout verify: S structs compared, U not in the description, A
  ABIs, F fields checked, D differences, P problems`. It exits 0 only if D and P are 0; a
  run that compares nothing, a header a compiler rejects and a map rule that names no struct
  of the header are problems. A bad command line or map file is one line on stderr, exit 2.

- **Limits.** The members are those clang declares: of a header that declares them
  differently for gcc (`#ifdef __clang__`), gcc is asked about clang's members (one gcc lacks
  fails gcc's compile, reported as a problem). On an ABI where the
  description has no such struct (stat64 on x86_64) the header's is noted, not compared. The
  members of arm's statfs64 (packed, aligned(4) in the kernel's header) are compared without
  their alignment: the description models their offsets and the struct's alignment only.

The map file, one rule a line (`#` starts a comment):

```
target_* = *                       # target_stat64 is stat64, target_iovec iovec, ...
target_stack_t = stack_t           # a typedef name works as well as a tag
target_stat64.target_* = *         # target_st_atime is st_atime (*.NAME: in every struct)
target_stat64.st_dev_ = st_dev
```

### In a project's CI

The job needs the compilers `layout --check` uses (gcc and clang for each ABI: the package
list is in `scripts/install-deps.sh`) and the `syscompat` program, a static executable.

**An emulator (QEMU linux-user style).** Target structs live in a header whose `#if`s choose
per target, with `abi_long`-style typedefs defined elsewhere. Where the header chooses by the
compiler's own macros (`__i386__`, `__aarch64__`), one run covers every ABI:

```sh
syscompat layout --verify include/target_structs.h --map ci/syscompat.map   --include ci/abitypes-prelude.h -I include
```

Where it chooses by the build's own macros (QEMU's `TARGET_I386`, `TARGET_ABI32`), run once
per target with that target's macros:

```sh
for t in "i386 -D TARGET_I386" "arm_eabi -D TARGET_ARM -D TARGET_ABI32"          "aarch64 -D TARGET_AARCH64" "mips_o32 -D TARGET_MIPS -D TARGET_ABI_MIPSO32"; do
  set -- $t
  syscompat layout --verify linux-user/syscall_defs.h --map ci/syscompat.map     --include ci/qemu-prelude.h --abi "$@" || status=1
done
exit ${status:-0}
```

(`ci/qemu-prelude.h` defines what `syscall_defs.h` expects from the rest of the build: the
`abi_*` types and the target's configuration macros. This shows the shape; it has not been
run against QEMU's tree here.) `tests/cli/layout_verify/target_structs.h` is a header written
this way, with its map; `tests/cli/layout_verify.sh` plants five kinds of bug in it (a wrong
offset, size, signedness and alignment, and padding missing on one ABI) and sees each caught.

**A binding in another language (rust-libc style).** rust-libc's ctest compiles and runs its
tests on the target, which is why its x32 job is disabled. What `--verify` needs is the
binding's definitions as a C header: for Rust, cbindgen writes one from `#[repr(C)]` structs,
with its `[defines]` table turning `#[cfg(target_arch = ...)]` into `#if defined(...)`. Then
every ABI is checked on one x86_64 runner, the structs matched by name or through the map.
Only the structs the kernel itself reads and writes belong in the header: glibc's
`struct stat64`, which rust-libc copies, is not the kernel's on every ABI.

```sh
cbindgen --config ci/cbindgen.toml --output target/libc-structs.h
syscompat layout --verify target/libc-structs.h --include ci/arch-defines.h
```
)";

// docs/layouts.md: each struct's size on each ABI.
int print_markdown() {
  std::cout << "# Struct layouts\n\n"
               "Generated by `syscompat layout --markdown` from the description; checked against "
               "gcc and clang for every ABI by `syscompat layout --check`. Each cell is "
               "size/alignment in bytes; `—` means the ABI does not have the struct.\n\n";
  std::cout << "| struct |";
  for (Abi a : abi::all_abis) std::cout << " " << abi::abi_name(a) << " |";
  std::cout << "\n|---|";
  for (std::size_t i = 0; i < abi::all_abis.size(); ++i) std::cout << "---:|";
  std::cout << "\n";
  for (const auto& name : abi::struct_names()) {
    std::cout << "| `" << name << "` |";
    for (Abi a : abi::all_abis) {
      const auto* layout = abi::find_struct_layout(a, name);
      if (layout->present)
        std::cout << fmt::format(" {}/{} |", layout->size, layout->align);
      else
        std::cout << " — |";
    }
    std::cout << "\n";
  }
  std::cout << "\nDeclared in no header, so no compiler can check them (the kernel's own "
               "declaration is described):\n\n";
  for (const auto& layout : abi::struct_layouts(abi::all_abis.front()))
    if (layout.present && layout.probe.source == abi::ProbeSource::none)
      std::cout << "- `" << layout.name << "`: " << layout.probe.why_none << "\n";
  std::cout << "\nNewer than the 6.1 headers this machine has (compared by any compiler whose "
               "headers are that new; `--check` counts them as not verifiable here):\n\n";
  // riscv64 has every dated entry (riscv_hwprobe is its own)
  for (const auto& layout : abi::struct_layouts(abi::Abi::riscv64)) {
    if (!layout.present) continue;
    if (layout.probe.since.known())
      std::cout << fmt::format("- `{}`: {}.{}, {}\n", layout.name, layout.probe.since.major,
                               layout.probe.since.minor, layout.probe.headers);
    for (const auto& field : layout.fields)
      if (field.since.known())
        std::cout << fmt::format("- `{}.{}`: {}.{}, {}\n", layout.name, field.name,
                                 field.since.major, field.since.minor, layout.probe.headers);
  }
  std::cout << "\nWhere the description follows the kernel and not the UAPI header "
               "(`abi/include/syscompat/abi/header_differences.hpp`; `--check` reports them as "
               "known):\n\n";
  for (const auto& difference : abi::header_differences)
    std::cout << "- `" << difference.subject << "` on "
              << (difference.abi ? abi::abi_name(*difference.abi) : "every ABI") << ": "
              << difference.reason << "\n";
  std::cout << verify_section;
  return 0;
}

std::string file_text_or_usage_error(const std::string& path, std::string_view what) {
  std::ifstream in(path);
  if (!in || std::filesystem::is_directory(path))
    throw UsageError{fmt::format("cannot read {} '{}'", what, path)};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// layout --verify HEADER: the header's structs against the description's, on every ABI.
int verify_header(const std::string& header, const std::string& map_file,
                  const std::vector<std::string>& flags, const std::vector<Abi>& abis,
                  unsigned jobs) {
  file_text_or_usage_error(header, "header");
  if (header.find_first_of("\"\\\n") != std::string::npos)
    throw UsageError{fmt::format("header path '{}' has a quote, backslash or newline", header)};
  layoutcheck::VerifyInput input;
  input.header = std::filesystem::absolute(header).lexically_normal().string();
  input.flags = flags;
  input.abis = abis;
  if (!map_file.empty()) {
    try {
      input.map =
          layoutcheck::NameMap::parse(file_text_or_usage_error(map_file, "map file"), map_file);
    } catch (const std::invalid_argument& e) {
      throw UsageError{fmt::format("map file {}", e.what())};
    }
  }
  input.toolchains = probe::default_toolchains(abis);
  const auto report = layoutcheck::verify(input, jobs);
  layoutcheck::print_verify_report(report, std::cout);
  return report.ok() ? 0 : 1;
}

}  // namespace

std::function<int()> add_layout_command(CLI::App& app) {
  struct Options {
    std::string abi, name, verify, map;
    std::vector<std::string> include_dirs, defines, includes;
    bool json = false, list = false, check = false, markdown = false;
    std::vector<std::string> abis;
    unsigned jobs = 0;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "layout",
      "Struct layouts of the description, per ABI, and a C header's checked against them");
  auto* abi_name = cmd->add_option("ABI", options->abi, "the ABI (i386, x86_64, ...)");
  auto* struct_name = cmd->add_option("STRUCT", options->name, "the struct (stat64, ...)");
  auto* json = cmd->add_flag("--json", options->json, "print the layout as JSON");
  auto* list = cmd->add_flag("--list", options->list, "list the ABIs and structs");
  auto* check =
      cmd->add_flag("--check", options->check, "verify every layout against gcc and clang");
  auto* markdown =
      cmd->add_flag("--markdown", options->markdown, "print the docs/layouts.md table");
  auto* verify = cmd->add_option("--verify", options->verify,
                                 "compare the structs a C header declares with the description's, "
                                 "on every ABI, with gcc and clang")
                     ->type_name("HEADER");
  cmd->add_option("--map", options->map,
                  "with --verify: the header's names for the description's structs "
                  "and fields (lines 'target_stat64 = stat64', "
                  "'target_stat64.st_dev_ = st_dev', 'target_* = *')")
      ->type_name("FILE")
      ->needs(verify);
  cmd->add_option("-I,--include-dir", options->include_dirs,
                  "with --verify: a directory the header's #includes search (repeatable)")
      ->type_name("DIR")
      ->needs(verify);
  cmd->add_option("-D,--define", options->defines,
                  "with --verify: a macro defined for the header, NAME or NAME=VALUE (repeatable)")
      ->type_name("MACRO")
      ->needs(verify);
  cmd->add_option("--include", options->includes,
                  "with --verify: a header read before HEADER, as the compilers' -include "
                  "(what HEADER expects defined; its own structs are not compared; repeatable)")
      ->type_name("FILE")
      ->needs(verify);
  cmd->add_option("--abi", options->abis, "with --check or --verify: only this ABI (repeatable)");
  cmd->add_option("-j,--jobs", options->jobs, "with --check or --verify: parallel compiles");
  // One thing at a time; --json is one layout's only.
  for (CLI::Option* layout : {abi_name, struct_name, json})
    layout->excludes(list)->excludes(check)->excludes(markdown)->excludes(verify);
  list->excludes(check)->excludes(markdown)->excludes(verify);
  check->excludes(markdown)->excludes(verify);
  markdown->excludes(verify);

  return [options]() -> int {
    if (options->list) return print_list();
    if (options->markdown) return print_markdown();
    const bool compiles = options->check || !options->verify.empty();
    if (!compiles && (!options->abis.empty() || options->jobs))
      throw UsageError{"--abi and --jobs go with --check or --verify"};
    std::vector<Abi> abis;
    for (const auto& name : options->abis) abis.push_back(abi_or_usage_error(name));
    if (abis.empty()) abis.assign(abi::all_abis.begin(), abi::all_abis.end());
    const unsigned jobs =
        options->jobs ? options->jobs : std::max(2u, std::thread::hardware_concurrency());
    if (!options->verify.empty()) {
      std::vector<std::string> flags;
      for (const auto& dir : options->include_dirs) flags.push_back("-I" + dir);
      for (const auto& macro : options->defines) flags.push_back("-D" + macro);
      for (const auto& file : options->includes) {
        file_text_or_usage_error(file, "--include file");
        flags.push_back("-include");
        flags.push_back(std::filesystem::absolute(file).string());
      }
      return verify_header(options->verify, options->map, flags, abis, jobs);
    }
    if (options->check) {
      const auto report = layoutcheck::check(layoutcheck::description_input(abis), jobs);
      layoutcheck::print_report(report, std::cout);
      return report.ok() ? 0 : 1;
    }
    if (options->abi.empty() || options->name.empty())
      throw UsageError{"layout needs ABI and STRUCT (or --list, --check, --markdown, --verify)"};
    const Abi a = abi_or_usage_error(options->abi);
    return print_layout(struct_or_usage_error(a, options->name), options->json);
  };
}

}  // namespace syscompat::tools
