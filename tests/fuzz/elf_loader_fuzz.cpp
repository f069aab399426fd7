// libFuzzer target: random files through run32's ELF loader (run32/src/elf_loader.cpp), the
// program mapped for real into this process's low 4 GB as run32 maps it, then unmapped.
// Whatever the file, the loader either maps it or throws LoadError with one printable line;
// ASan and UBSan watch its arithmetic and copies, and this target checks what neither can:
// - every MAP_FIXED the loader makes lies inside a range it reserved first (a fixed mapping
//   anywhere else would replace memory that is not the program's: here the fuzzer's own);
// - nothing is mapped at or past TASK_SIZE;
// - a refusal is one line of printable text with a shell's status (126 or 127);
// - no descriptor is left open (the first run found one per refused file).
//
// Input: the bytes of the file. Its PT_INTERP may name any file here; a found one is loaded
// (and unmapped) too.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "elf_loader.hpp"
#include "guest_process.hpp"

using syscompat::run32::GuestProcess;
using syscompat::translators::GuestAddress;
using syscompat::translators::MapRequest;

namespace {

[[noreturn]] void broken(const char* what, std::uint64_t address, std::uint64_t length) {
  std::fprintf(stderr, "elf_loader_fuzz: %s: [%#llx, +%#llx)\n", what,
               static_cast<unsigned long long>(address), static_cast<unsigned long long>(length));
  std::abort();
}

// The real GuestProcess, with every range it maps recorded (to check, and to unmap after).
class RecordingProcess final : public syscompat::translators::ProcessHooks {
 public:
  explicit RecordingProcess(GuestProcess& process) : process_(process) {}
  ~RecordingProcess() override {
    for (const auto& [address, length] : mapped_) process_.unmap(address, length);
  }

  std::int32_t map(const MapRequest& request) override {
    const std::uint64_t end = std::uint64_t{request.address} + request.length;
    if ((request.flags & MAP_FIXED) && !inside_reserved(request.address, end))
      broken("MAP_FIXED outside the reservation", request.address, request.length);
    const std::int32_t result = process_.map(request);
    if (result < 0 && result > -4096) return result;
    const auto address = static_cast<GuestAddress>(result);
    if (std::uint64_t{address} + request.length > GuestProcess::task_size)
      broken("mapped past TASK_SIZE", address, request.length);
    mapped_.push_back({address, request.length});
    if (!(request.flags & MAP_FIXED)) reserved_.push_back({address, request.length});
    return result;
  }
  std::int32_t unmap(GuestAddress address, std::uint32_t length) override {
    return process_.unmap(address, length);
  }
  std::int32_t protect(GuestAddress address, std::uint32_t length, int protection) override {
    if (!inside_reserved(address, std::uint64_t{address} + length))
      broken("mprotect outside the reservation", address, length);
    return process_.protect(address, length, protection);
  }
  std::int32_t remap(GuestAddress, std::uint32_t, std::uint32_t, int, GuestAddress) override {
    std::abort();  // the loader has no business here
  }
  std::int32_t brk(GuestAddress) override { std::abort(); }
  std::int32_t shm_attach(int, GuestAddress, int) override { std::abort(); }
  std::int32_t sigaction(int, const syscompat::translators::GuestSigaction*,
                         syscompat::translators::GuestSigaction*) override {
    std::abort();
  }
  std::int32_t owner_call(const syscompat::translators::CallPlan&,
                          const std::array<std::uint32_t, 6>&) override {
    std::abort();
  }

 private:
  bool inside_reserved(std::uint64_t start, std::uint64_t end) const {
    for (const auto& [address, length] : reserved_)
      if (start >= address && end <= std::uint64_t{address} + length) return true;
    return false;
  }

  GuestProcess& process_;
  std::vector<std::pair<GuestAddress, std::uint32_t>> mapped_, reserved_;
};

int file = -1;
std::string path;
int next_descriptor = -1;  // the lowest free descriptor between inputs

int lowest_free_descriptor() {
  const int probe = ::dup(0);
  ::close(probe);
  return probe;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // An interpreter named /dev/stdin must not wait for input.
  const int null = ::open("/dev/null", O_RDONLY);
  ::dup2(null, 0);
  file = ::memfd_create("elf_loader_fuzz", 0);  // mode 0777: executable, as the loader asks
  if (file < 0) std::abort();
  path = "/proc/self/fd/" + std::to_string(file);
  next_descriptor = lowest_free_descriptor();
  return 0;
}

namespace {

// Loads the file; a refusal must be one printable line with a shell's status.
void load(RecordingProcess& recording, GuestProcess& process) {
  try {
    syscompat::run32::load_program(recording, process.memory(), path);
  } catch (const syscompat::run32::LoadError& error) {
    if (error.status != 126 && error.status != 127) broken("exit status", error.status, 0);
    if (error.message.empty()) broken("empty message", 0, 0);
    for (const unsigned char c : error.message)
      if (c < 0x20 || c >= 0x7f) broken("unprintable byte in the message", c, 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (::ftruncate(file, 0) != 0 || ::pwrite(file, data, size, 0) != static_cast<ssize_t>(size))
    std::abort();
  {
    GuestProcess process;
    RecordingProcess recording(process);
    load(recording, process);
  }
  if (const int lowest = lowest_free_descriptor(); lowest != next_descriptor) {
    // A pipe is the sanitizer runtime's: libFuzzer starts llvm-symbolizer, through pipes, the
    // first time it prints a newly covered function. Anything else is the loader's leak.
    struct stat opened {};
    if (::fstat(next_descriptor, &opened) == 0 && S_ISFIFO(opened.st_mode))
      next_descriptor = lowest;
    else
      broken("a descriptor left open", 0, 0);
  }
  return 0;
}
