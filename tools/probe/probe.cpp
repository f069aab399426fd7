#include "probe.hpp"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace syscompat::probe {

using abi::Abi;

std::string_view compiler_name(Compiler compiler) {
  return compiler == Compiler::gcc ? "gcc" : "clang";
}

std::vector<Toolchain> default_toolchains(const std::vector<Abi>& abis) {
  // gcc -m32/-mx32 find glibc's headers but not the kernel's asm/ ones on Debian (the
  // linux-libc-dev:i386 package would displace the native one); the x86 asm/ headers
  // serve all three x86 ABIs.
  const std::string x86_asm = "/usr/include/x86_64-linux-gnu";
  std::vector<Toolchain> toolchains;
  for (Abi a : abis) {
    const std::string triple(abi::gnu_triple(a));
    std::vector<std::string> gcc, clang{"clang", "--target=" + triple};
    switch (a) {
      case Abi::i386:
        gcc = {"gcc", "-m32", "-idirafter", x86_asm};
        break;
      case Abi::x86_64:
        gcc = {"gcc", "-m64"};
        break;
      case Abi::x32:
        gcc = {"gcc", "-mx32", "-idirafter", x86_asm};
        break;
      default:
        gcc = {triple + "-gcc"};
        break;
    }
    if (a == Abi::i386 || a == Abi::x32) {
      clang.push_back("-idirafter");
      clang.push_back(x86_asm);
    }
    toolchains.push_back({a, Compiler::gcc, gcc});
    toolchains.push_back({a, Compiler::clang, clang});
  }
  return toolchains;
}

bool program_exists(const std::string& program) {
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

int run_program(const std::vector<std::string>& argv, const std::string& log) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::uint64_t ObjectSymbols::u64_at(const std::string& symbol, std::size_t i) const {
  auto found = data.find(symbol);
  if (found == data.end() || found->second.size() < 8 * (i + 1)) return ~std::uint64_t{0};
  std::uint64_t value = 0;
  const std::uint8_t* bytes = found->second.data() + 8 * i;
  for (std::size_t b = 0; b < 8; ++b)
    value |= std::uint64_t{bytes[big_endian ? 7 - b : b]} << (8 * b);
  return value;
}

namespace {

// Reads the initialised data of every defined object symbol, with libelf (any class, any
// byte order: the bytes are raw, decoded with the file's byte order by u64_at).
ObjectSymbols read_object(const std::string& path) {
  ObjectSymbols out;
  elf_version(EV_CURRENT);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    out.error = "cannot open " + path;
    return out;
  }
  Elf* elf = elf_begin(fd, ELF_C_READ, nullptr);
  if (!elf) {
    close(fd);
    out.error = std::string("libelf: ") + elf_errmsg(-1);
    return out;
  }
  GElf_Ehdr header;
  if (!gelf_getehdr(elf, &header)) out.error = "not an ELF object";
  out.big_endian = header.e_ident[EI_DATA] == ELFDATA2MSB;
  for (Elf_Scn* scn = nullptr; out.error.empty() && (scn = elf_nextscn(elf, scn));) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB) continue;
    Elf_Data* symbols = elf_getdata(scn, nullptr);
    const std::size_t count = shdr.sh_entsize ? shdr.sh_size / shdr.sh_entsize : 0;
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Sym sym;
      if (!gelf_getsym(symbols, static_cast<int>(i), &sym)) continue;
      if (GELF_ST_TYPE(sym.st_info) != STT_OBJECT || sym.st_shndx == SHN_UNDEF ||
          sym.st_shndx >= SHN_LORESERVE)
        continue;
      const char* name = elf_strptr(elf, shdr.sh_link, sym.st_name);
      Elf_Scn* holder = elf_getscn(elf, sym.st_shndx);
      Elf_Data* bytes = holder ? elf_rawdata(holder, nullptr) : nullptr;
      if (!name || !bytes || !bytes->d_buf || sym.st_value + sym.st_size > bytes->d_size) continue;
      const auto* begin = static_cast<const std::uint8_t*>(bytes->d_buf) + sym.st_value;
      out.data[name].assign(begin, begin + sym.st_size);
    }
  }
  elf_end(elf);
  close(fd);
  return out;
}

}  // namespace

ProbeResult compile_probe(const Toolchain& toolchain, const std::string& code,
                          const std::string& stem) {
  ProbeResult result;
  if (!program_exists(toolchain.command.front())) {
    result.problem = "not checked: " + toolchain.command.front() + " missing";
    return result;
  }
  std::ofstream(stem + ".c") << code;
  std::vector<std::string> argv = toolchain.command;
  for (const char* flag : {"-c", "-O0", "-w", "-std=gnu11", "-o"}) argv.push_back(flag);
  argv.push_back(stem + ".o");
  argv.push_back(stem + ".c");
  if (run_program(argv, stem + ".log") != 0) {
    std::string log = read_text(stem + ".log");
    if (log.size() > 2000) log.resize(2000);
    result.problem =
        "not checked: " + toolchain.command.front() + " failed on " + stem + ".c:\n" + log;
    return result;
  }
  result.object = read_object(stem + ".o");
  if (!result.object.error.empty()) result.problem = "not checked: " + result.object.error;
  return result;
}

ScratchDir::ScratchDir() {
  char dir_template[] = "/tmp/syscompat-probe-XXXXXX";
  if (const char* dir = mkdtemp(dir_template)) path_ = dir;
}

ScratchDir::~ScratchDir() {
  if (path_.empty() || std::getenv("SYSCOMPAT_KEEP_PROBES")) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void run_parallel(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) task(i);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::max(1u, jobs); ++t) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
}

}  // namespace syscompat::probe
