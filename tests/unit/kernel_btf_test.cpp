// The running kernel's own type information as the oracle for what no header here declares:
// /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF) names every member of the kernel's structs
// with its offset. Each x86_64 struct of the description that has members or a whole
// declaration newer than the 6.1 headers (layout --check's "not verifiable here") is compared
// with the kernel's struct of the same name, member by member: a member the kernel has and
// the description lacks, one at another offset, one the kernel lacks, and the size.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "running_kernel.hpp"
#include "syscompat/abi/layout.hpp"

using namespace syscompat::abi;

namespace {

struct BtfMember {
  std::string name;
  std::size_t offset;
  std::size_t size;
};

struct BtfStruct {
  std::size_t size = 0;
  std::vector<BtfMember> members;  // anonymous struct and union members flattened, as C11
};

// A reader of the BTF format (include/uapi/linux/btf.h): a header, then the types, each a
// btf_type of 12 bytes and the data its kind gives it, numbered from 1, then the strings.
class Btf {
 public:
  static std::optional<Btf> load(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Btf btf;
    btf.data_.assign(std::istreambuf_iterator<char>(in), {});
    if (btf.data_.size() < 24 || btf.u16(0) != 0xeb9f) return std::nullopt;
    const std::uint32_t header = btf.u32(4), type_off = btf.u32(8), type_len = btf.u32(12);
    btf.strings_ = header + btf.u32(16);
    btf.types_.push_back(0);  // type 0 is void
    for (std::size_t at = header + type_off; at < header + type_off + type_len;) {
      btf.types_.push_back(at);
      at += 12 + btf.extra_bytes(at);
    }
    return btf;
  }

  std::optional<BtfStruct> find_struct(std::string_view name) const {
    for (std::uint32_t id = 1; id < types_.size(); ++id)
      if (kind(id) == struct_kind && type_name(id) == name) {
        BtfStruct result;
        result.size = u32(types_[id] + 8);
        add_members(id, 0, result.members);
        return result;
      }
    return std::nullopt;
  }

 private:
  static constexpr std::uint32_t int_kind = 1, array_kind = 3, struct_kind = 4, union_kind = 5,
                                 typedef_kind = 8, volatile_kind = 9, const_kind = 10,
                                 restrict_kind = 11, type_tag_kind = 18;

  std::uint32_t u32(std::size_t at) const {
    std::uint32_t value;
    std::memcpy(&value, data_.data() + at, sizeof value);
    return value;
  }
  std::uint16_t u16(std::size_t at) const {
    std::uint16_t value;
    std::memcpy(&value, data_.data() + at, sizeof value);
    return value;
  }
  std::uint32_t kind(std::uint32_t id) const { return (u32(types_[id] + 4) >> 24) & 0x1f; }
  std::uint32_t vlen(std::uint32_t id) const { return u32(types_[id] + 4) & 0xffff; }
  bool kind_flag(std::uint32_t id) const { return u32(types_[id] + 4) >> 31; }
  std::string_view type_name(std::uint32_t id) const { return text(u32(types_[id])); }
  std::string_view text(std::uint32_t offset) const {
    return reinterpret_cast<const char*>(data_.data() + strings_ + offset);
  }
  std::size_t extra_bytes(std::size_t at) const {
    const std::uint32_t info = u32(at + 4), vlen = info & 0xffff;
    switch ((info >> 24) & 0x1f) {
      case 1:   // int
      case 14:  // var
      case 17:  // decl tag
        return 4;
      case 3:  // array
        return 12;
      case 4:   // struct
      case 5:   // union
      case 15:  // datasec
      case 19:  // enum64
        return 12 * vlen;
      case 6:   // enum
      case 13:  // func proto
        return 8 * vlen;
      default:
        return 0;
    }
  }
  // Through typedefs and qualifiers to the type itself.
  std::uint32_t resolve(std::uint32_t id) const {
    while (id != 0 &&
           (kind(id) == typedef_kind || kind(id) == volatile_kind || kind(id) == const_kind ||
            kind(id) == restrict_kind || kind(id) == type_tag_kind))
      id = u32(types_[id] + 8);
    return id;
  }
  std::size_t size_of(std::uint32_t id) const {
    id = resolve(id);
    if (id == 0) return 0;
    if (kind(id) == array_kind) {
      const std::size_t at = types_[id] + 12;
      return size_of(u32(at)) * u32(at + 8);
    }
    if (kind(id) == 2) return 8;  // a pointer, on x86_64
    return u32(types_[id] + 8);
  }
  void add_members(std::uint32_t id, std::size_t base, std::vector<BtfMember>& out) const {
    for (std::uint32_t i = 0; i < vlen(id); ++i) {
      const std::size_t at = types_[id] + 12 + 12 * i;
      const std::string_view name = text(u32(at));
      const std::uint32_t type = u32(at + 4), place = u32(at + 8);
      const std::uint32_t bits = kind_flag(id) ? place >> 24 : 0;
      const std::uint32_t bit_offset = kind_flag(id) ? place & 0xffffff : place;
      const std::uint32_t target = resolve(type);
      const bool int_bit_field = target != 0 && kind(target) == int_kind &&
                                 (u32(types_[target] + 12) & 0xff) != 8 * u32(types_[target] + 8);
      if (bits != 0 || bit_offset % 8 != 0 || int_bit_field) continue;  // a bit-field
      if (name.empty() && (kind(target) == struct_kind || kind(target) == union_kind)) {
        add_members(target, base + bit_offset / 8, out);
        continue;
      }
      const std::size_t size = size_of(type);
      if (size == 0) continue;  // a flexible array (rseq's end[])
      out.push_back({std::string(name), base + bit_offset / 8, size});
    }
  }

  std::vector<unsigned char> data_;
  std::vector<std::size_t> types_;
  std::size_t strings_ = 0;
};

bool newer_than_headers(const StructLayout& layout) {
  if (layout.probe.since.known()) return true;
  return std::any_of(layout.fields.begin(), layout.fields.end(),
                     [](const FieldLayout& f) { return f.since.known(); });
}

// Every difference between the kernel's struct and the description's for that release.
std::vector<std::string> differences(const StructLayout& layout, const BtfStruct& kernel,
                                     KernelRelease release) {
  std::vector<std::string> found;
  std::vector<const FieldLayout*> described;
  std::size_t end = 0;
  for (const FieldLayout& field : layout.fields)
    if (!field.since.known() || field.since <= release) {
      end = std::max(end, field.offset + field.size);
      if (field.kind != FieldKind::padding) described.push_back(&field);
    }
  const std::size_t size = (end + layout.align - 1) / layout.align * layout.align;
  if (size != kernel.size)
    found.push_back("size: description " + std::to_string(size) + ", kernel " +
                    std::to_string(kernel.size));
  for (const BtfMember& member : kernel.members) {
    auto same_name = std::find_if(described.begin(), described.end(),
                                  [&](const FieldLayout* f) { return f->name == member.name; });
    if (same_name != described.end()) {
      if ((*same_name)->offset != member.offset)
        found.push_back(member.name + " offset: description " +
                        std::to_string((*same_name)->offset) + ", kernel " +
                        std::to_string(member.offset));
      continue;
    }
    // another name of a union the description names by its first member (perf_event_attr's
    // sample_freq beside sample_period): a described member of that place and size
    const bool alternative = std::any_of(
        described.begin(), described.end(),
        [&](const FieldLayout* f) { return f->offset == member.offset && f->size == member.size; });
    if (!alternative)
      found.push_back(member.name + " at " + std::to_string(member.offset) +
                      ": not in the description");
  }
  for (const FieldLayout* field : described)
    if (std::none_of(kernel.members.begin(), kernel.members.end(),
                     [&](const BtfMember& m) { return m.name == field->name; }))
      found.push_back(field->name + ": not in the kernel's struct");
  return found;
}

constexpr const char* vmlinux_btf = "/sys/kernel/btf/vmlinux";

}  // namespace

TEST_CASE("kernel BTF: the structs newer than the headers are the running kernel's", "[kernel]") {
  const auto btf = Btf::load(vmlinux_btf);
  if (!btf) {
    WARN(vmlinux_btf << " is not readable (a kernel without CONFIG_DEBUG_INFO_BTF): not compared");
    return;
  }
  const KernelRelease release = running_release();
  std::vector<std::string> compared;
  for (const std::string& name : struct_names()) {
    const StructLayout* layout = find_struct_layout(Abi::x86_64, name);
    if (!layout || !layout->present || !newer_than_headers(*layout)) continue;
    if (layout->probe.since.known() && layout->probe.since > release) continue;
    const auto kernel = btf->find_struct(name);
    if (!kernel) {
      WARN("struct " << name << ": not in the kernel's BTF (no kernel code uses it)");
      continue;
    }
    INFO("struct " << name << " on " << release.major << "." << release.minor);
    const std::vector<std::string> found = differences(*layout, *kernel, release);
    for (const std::string& difference : found) FAIL_CHECK(difference);
    compared.push_back(name);
  }
  INFO("compared: " << [&] {
    std::string list;
    for (const std::string& name : compared) list += name + " ";
    return list;
  }());
  CHECK(compared.size() >= 10);
}

TEST_CASE("kernel BTF: a member missing, misplaced or extra is caught", "[kernel][planted]") {
  const auto btf = Btf::load(vmlinux_btf);
  if (!btf) return;
  const KernelRelease release = running_release();
  const auto kernel = btf->find_struct("tcp_info");
  REQUIRE(kernel);
  const StructLayout* layout = find_struct_layout(Abi::x86_64, "tcp_info");
  REQUIRE(layout);
  auto planted = [&](auto&& change) {
    StructLayout copy = *layout;
    change(copy);
    return differences(copy, *kernel, release);
  };
  auto mentions = [](const std::vector<std::string>& found, std::string_view what) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& line) {
      return line.find(what) != std::string::npos;
    });
  };
  // 6.18's last member left out: the size alone (280 either way) cannot tell, the members do
  if (release >= KernelRelease{6, 18}) {
    const auto found = planted([](StructLayout& s) {
      s.fields.erase(std::find_if(s.fields.begin(), s.fields.end(), [](const FieldLayout& f) {
        return f.name == "tcpi_accecn_opt_seen";
      }));
    });
    CHECK(mentions(found, "tcpi_accecn_opt_seen at 278: not in the description"));
  }
  // the two u16 in the other order
  {
    const auto found = planted([](StructLayout& s) {
      for (FieldLayout& f : s.fields)
        if (f.name == "tcpi_accecn_fail_mode" || f.name == "tcpi_accecn_opt_seen")
          f.offset = f.offset == 276 ? 278 : 276;
    });
    if (release >= KernelRelease{6, 18}) CHECK(mentions(found, "tcpi_accecn_fail_mode offset"));
  }
  // a member the kernel lacks
  {
    const auto found = planted([](StructLayout& s) {
      FieldLayout extra = s.fields.back();
      extra.name = extra.member = "tcpi_invented";
      extra.offset += 4;
      s.fields.push_back(extra);
    });
    CHECK(mentions(found, "tcpi_invented: not in the kernel's struct"));
  }
}
