#include "layout_verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace syscompat::layoutcheck {

using abi::Abi;
using abi::FieldKind;

namespace {

bool is_identifier(const std::string& word, bool star_allowed) {
  if (word.empty() || (word[0] >= '0' && word[0] <= '9')) return false;
  std::size_t stars = 0;
  for (char c : word) {
    if (c == '*') {
      ++stars;
      continue;
    }
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return stars == 0 || (star_allowed && stars == 1);
}

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

// `name` matched against a pattern with at most one `*`: the text the `*` stands for.
std::optional<std::string> wildcard_match(const std::string& pattern, const std::string& name) {
  const auto star = pattern.find('*');
  if (star == std::string::npos)
    return pattern == name ? std::optional<std::string>("") : std::nullopt;
  const std::string prefix = pattern.substr(0, star), suffix = pattern.substr(star + 1);
  if (name.size() < prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  return name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
}

std::string substituted(const std::string& pattern, const std::string& middle) {
  const auto star = pattern.find('*');
  return star == std::string::npos ? pattern
                                   : pattern.substr(0, star) + middle + pattern.substr(star + 1);
}

bool is_description_struct(const std::string& name) {
  return abi::find_struct_layout(abi::all_abis.front(), name) != nullptr;
}

const abi::FieldLayout* find_field(const abi::StructLayout& layout, const std::string& name) {
  for (const auto& field : layout.fields)
    if (field.name == name) return &field;
  return nullptr;
}

}  // namespace

NameMap NameMap::parse(const std::string& text, const std::string& file) {
  NameMap map;
  map.file_ = file;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    line = trimmed(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument(fmt::format("{}:{}: {}", file, number, why));
    };
    const auto equals = line.find('=');
    if (equals == std::string::npos || line.find('=', equals + 1) != std::string::npos)
      fail("expected 'THEIRS = OURS' (target_stat64 = stat64, target_stat64.st_dev_ = st_dev)");
    Rule rule;
    rule.line = number;
    std::string left = trimmed(line.substr(0, equals));
    rule.ours = trimmed(line.substr(equals + 1));
    if (const auto dot = left.find('.'); dot != std::string::npos) {
      rule.field = true;
      rule.user_struct = left.substr(0, dot);
      left = left.substr(dot + 1);
      if (rule.user_struct != "*" && !is_identifier(rule.user_struct, false))
        fail("'" + rule.user_struct + "' is not a struct name (or '*')");
    }
    rule.user = left;
    if (!is_identifier(rule.user, true) || !is_identifier(rule.ours, true))
      fail("'" + line + "': names are C identifiers, with at most one '*'");
    if ((rule.user.find('*') == std::string::npos) != (rule.ours.find('*') == std::string::npos))
      fail("'" + line + "': a '*' on one side needs one on the other");
    if (!rule.field && rule.ours.find('*') == std::string::npos &&
        !is_description_struct(rule.ours))
      fail("no struct '" + rule.ours + "' in the description (see syscompat layout --list)");
    map.rules_.push_back(rule);
  }
  return map;
}

std::optional<std::string> NameMap::struct_for(const std::vector<std::string>& names) const {
  for (const auto& name : names)
    for (const auto& rule : rules_)
      if (!rule.field && rule.user == name) return rule.ours;
  for (const auto& name : names)
    if (is_description_struct(name)) return name;
  for (const auto& name : names)
    for (const auto& rule : rules_)
      if (!rule.field)
        if (auto middle = wildcard_match(rule.user, name))
          if (const std::string ours = substituted(rule.ours, *middle); is_description_struct(ours))
            return ours;
  return std::nullopt;
}

std::string NameMap::field_for(const std::string& user_struct, const std::string& field,
                               const abi::StructLayout& ours) const {
  auto applies = [&](const Rule& rule) {
    return rule.field && (rule.user_struct == "*" || rule.user_struct == user_struct);
  };
  for (const char* struct_name : {user_struct.c_str(), "*"})
    for (const auto& rule : rules_)
      if (applies(rule) && rule.user_struct == struct_name && rule.user == field) return rule.ours;
  if (find_field(ours, field)) return field;
  for (const auto& rule : rules_)
    if (applies(rule))
      if (auto middle = wildcard_match(rule.user, field))
        if (const std::string name = substituted(rule.ours, *middle); find_field(ours, name))
          return name;
  return field;
}

namespace {

// A struct of the user's header, as clang's AST declares it for one ABI.
struct UserField {
  std::string name;
  FieldKind kind = FieldKind::integer;
  FieldKind element_kind = FieldKind::integer;
  bool bit_field = false;
  bool flexible = false;  // a flexible array member: no size of its own
};
struct UserStruct {
  std::string c_type;              // "struct target_stat64", or a typedef's name
  std::vector<std::string> names;  // the tag and the typedef names, the shown one first
  std::vector<UserField> fields;
};

using Typedefs =
    std::map<std::string, std::pair<std::string, std::string>>;  // desugared, as written

// What kind of C type a type as clang spells it is: enough to choose the questions whose
// expressions compile for it (the compilers' own type class is then compared).
FieldKind kind_of(std::string type, const Typedefs& typedefs, int depth = 0) {
  for (const char* qualifier : {"const ", "volatile ", "_Atomic "})
    while (type.rfind(qualifier, 0) == 0) type = type.substr(std::string_view(qualifier).size());
  if (!type.empty() && type.back() == ']') return FieldKind::array;
  if (type.rfind("struct ", 0) == 0) return FieldKind::record;
  if (type.rfind("union ", 0) == 0) return FieldKind::union_;
  if (type.rfind("enum ", 0) == 0) return FieldKind::integer;
  if (type.find('*') != std::string::npos || type.find('(') != std::string::npos)
    return FieldKind::pointer;
  if (type == "float" || type == "double" || type == "long double" || type.rfind("_Float", 0) == 0)
    return FieldKind::floating;
  if (auto found = typedefs.find(type); found != typedefs.end() && depth < 16) {
    const auto& [desugared, written] = found->second;
    return kind_of(desugared != type ? desugared : written, typedefs, depth + 1);
  }
  return FieldKind::integer;
}

std::string type_of(const nlohmann::ordered_json& node) {
  const auto& type = node.value("type", nlohmann::ordered_json::object());
  return type.value("desugaredQualType", type.value("qualType", std::string()));
}

void add_fields(const nlohmann::ordered_json& record, const Typedefs& typedefs,
                std::vector<UserField>& fields) {
  const nlohmann::ordered_json* nested = nullptr;  // the record an unnamed member is of
  for (const auto& node : record.value("inner", nlohmann::ordered_json::array())) {
    const std::string kind = node.value("kind", "");
    if (kind == "RecordDecl") nested = &node;
    if (kind != "FieldDecl") continue;
    const std::string name = node.value("name", "");
    if (name.empty()) {
      // An anonymous struct or union member: its members are the struct's (C11).
      if (nested && !node.value("isBitfield", false)) add_fields(*nested, typedefs, fields);
      continue;
    }
    UserField field{name, kind_of(type_of(node), typedefs), FieldKind::integer,
                    node.value("isBitfield", false)};
    if (field.kind == FieldKind::array) {
      std::string element = type_of(node);
      field.flexible = element.ends_with("[]");
      element = trimmed(element.substr(0, element.rfind('[')));
      field.element_kind = kind_of(element, typedefs);
    }
    fields.push_back(field);
  }
}

// Whether a declaration is the header's own (not one of the headers it includes).
bool in_main_file(const nlohmann::ordered_json& decl) {
  const auto& loc = decl.value("loc", nlohmann::ordered_json::object());
  const auto& where = loc.contains("expansionLoc") ? loc["expansionLoc"] : loc;
  return !where.contains("includedFrom") && !loc.empty();
}

std::vector<UserStruct> read_structs(const nlohmann::ordered_json& ast) {
  Typedefs typedefs;
  const auto& decls = ast.value("inner", nlohmann::ordered_json::array());
  for (const auto& decl : decls)
    if (decl.value("kind", "") == "TypedefDecl")
      typedefs[decl.value("name", "")] = {
          type_of(decl),
          decl.value("type", nlohmann::ordered_json::object()).value("qualType", "")};

  std::vector<UserStruct> structs;
  std::map<std::string, std::size_t> by_id;  // a record's AST id -> its entry
  // A struct, and the tagged structs declared inside it (C gives them file scope).
  auto add_record = [&](const nlohmann::ordered_json& decl, auto& self) -> void {
    const std::string tag = decl.value("name", ""), keyword = decl.value("tagUsed", "struct");
    UserStruct user;
    if (!tag.empty()) {
      user.c_type = keyword + " " + tag;
      user.names.push_back(tag);
    }
    add_fields(decl, typedefs, user.fields);
    by_id[decl.value("id", "")] = structs.size();
    structs.push_back(std::move(user));
    for (const auto& inner : decl.value("inner", nlohmann::ordered_json::array()))
      if (inner.value("kind", "") == "RecordDecl" && inner.value("completeDefinition", false) &&
          !inner.value("name", "").empty())
        self(inner, self);
  };
  for (const auto& decl : decls) {
    if (!in_main_file(decl)) continue;
    const std::string kind = decl.value("kind", "");
    if (kind == "RecordDecl" && decl.value("completeDefinition", false)) {
      add_record(decl, add_record);
    } else if (kind == "TypedefDecl") {
      // typedef struct [tag] { ... } name;  (or a typedef of a struct declared before)
      for (const auto& type : decl.value("inner", nlohmann::ordered_json::array())) {
        const auto& owned = type.contains("ownedTagDecl") ? type["ownedTagDecl"]
                            : type.contains("decl")       ? type["decl"]
                                                          : nlohmann::ordered_json::object();
        std::string id = owned.value("id", "");
        for (const auto& inner : type.value("inner", nlohmann::ordered_json::array()))
          if (id.empty() && inner.contains("decl")) id = inner["decl"].value("id", "");
        auto found = by_id.find(id);
        if (found == by_id.end()) continue;
        UserStruct& user = structs[found->second];
        user.names.push_back(decl.value("name", ""));
        if (user.c_type.empty()) user.c_type = decl.value("name", "");
      }
    }
  }
  std::erase_if(structs, [](const UserStruct& user) { return user.c_type.empty(); });
  return structs;
}

// The header's structs on one ABI, from the ABI's clang.
struct Declared {
  std::string problem;
  std::vector<UserStruct> structs;
};

Declared declared_structs(const VerifyInput& input, const Toolchain& clang,
                          const std::string& dir) {
  Declared result;
  if (!probe::program_exists(clang.command.front())) {
    result.problem = "not checked: " + clang.command.front() + " missing";
    return result;
  }
  const std::string stem = fmt::format("{}/{}-ast", dir, abi::abi_name(clang.abi));
  std::vector<std::string> argv = clang.command;
  argv.insert(argv.end(), input.flags.begin(), input.flags.end());
  for (const char* flag :
       {"-x", "c", "-std=gnu11", "-w", "-fsyntax-only", "-Xclang", "-ast-dump=json"})
    argv.push_back(flag);
  argv.push_back(input.header);
  const int status = probe::run_program(argv, stem + ".json");
  std::string text = probe::read_text(stem + ".json");
  if (status != 0) {
    if (text.size() > 2000) text.resize(2000);
    result.problem = "not checked: clang failed on " + input.header + ":\n" + text;
    return result;
  }
  const auto ast = nlohmann::ordered_json::parse(text, nullptr, false);
  if (ast.is_discarded()) {
    result.problem =
        "not checked: clang's AST of " + input.header + " is not JSON (" + stem + ".json)";
    return result;
  }
  result.structs = read_structs(ast);
  return result;
}

// One struct of the header matched with the description's on one ABI.
struct Match {
  const UserStruct* user;
  const abi::StructLayout* ours;
  std::vector<std::string> field_ours;  // the description's name of each user field
};

struct Question {
  const Match* match;
  const UserField* field;  // null: the struct itself
  Query query;
};

std::string shown_name(const UserStruct& user) {
  return user.names.front();
}

bool pointer_as_integer(FieldKind ours, FieldKind theirs) {
  // An emulator holds a guest's pointer as an integer of its size (abi_ulong).
  return ours == FieldKind::pointer && theirs == FieldKind::integer;
}

// The values one compiler gives for the questions, compared with the description's.
void compare_unit(const std::vector<Question>& questions, const Toolchain& toolchain,
                  const std::string& code, const std::string& dir, VerifyReport& out) {
  const std::string compiler(compiler_name(toolchain.compiler));
  const std::string stem = fmt::format("{}/{}-{}", dir, abi::abi_name(toolchain.abi), compiler);
  const probe::ProbeResult probed = probe::compile_probe(toolchain, code, stem);
  if (!probed.problem.empty()) {
    out.problems.push_back(
        fmt::format("{} {}: {}", abi::abi_name(toolchain.abi), compiler, probed.problem));
    return;
  }
  const auto values = probed.object.data.find("syscompat_probe");
  if (values == probed.object.data.end() || values->second.size() < 8 * questions.size()) {
    out.problems.push_back(fmt::format("{} {}: not checked: no probe values in {}.o",
                                       abi::abi_name(toolchain.abi), compiler, stem));
    return;
  }
  auto differ = [&](const Match& match, const std::string& user_field,
                    const std::string& ours_field, const std::string& what,
                    const std::string& expected, const std::string& actual) {
    const std::string user = shown_name(*match.user);
    out.differences.push_back(
        {toolchain.abi, compiler, user_field.empty() ? user : user + "." + user_field,
         ours_field.empty() ? match.ours->name : match.ours->name + "." + ours_field, what,
         expected, actual});
  };
  // Per match: where each user field was found, for the fields the description lacks.
  std::map<const Match*, std::map<const UserField*, std::pair<std::uint64_t, std::uint64_t>>>
      placed;
  std::vector<const Match*> matches;  // in the header's order
  auto place = [&](const Match& match) -> auto& {
    if (!placed.count(&match)) matches.push_back(&match);
    return placed[&match];
  };
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& q = questions[i];
    std::uint64_t actual = probed.object.u64_at("syscompat_probe", i);
    const Match& match = *q.match;
    if (!q.field) {
      place(match);
      const std::uint64_t expected = q.query.what == "size" ? match.ours->size : match.ours->align;
      if (actual != expected)
        differ(match, "", "", q.query.what, std::to_string(expected), std::to_string(actual));
      continue;
    }
    auto& where = place(match)[q.field];
    if (q.query.what == "offset") where.first = actual;
    if (q.query.what == "size") where.second = actual;
    const std::size_t index = static_cast<std::size_t>(q.field - match.user->fields.data());
    const abi::FieldLayout* ours = find_field(*match.ours, match.field_ours[index]);
    if (!ours) continue;
    if (q.query.what == "offset") ++out.fields_checked;
    const bool padding = ours->kind == FieldKind::padding;
    if (padding && q.query.what != "offset" && q.query.what != "size") continue;
    if (q.query.gcc_only && toolchain.compiler != Compiler::gcc) continue;
    if (q.query.what == "align" && !member_alignment_modelled(toolchain.abi, match.ours->name))
      continue;
    std::uint64_t expected = field_expected(*ours, q.query.what);
    if (q.query.what == "type class") {
      actual = fold_type_class(actual);
      if (pointer_as_integer(ours->kind, q.field->kind)) continue;
    }
    if ((q.query.what == "signed" && ours->kind != FieldKind::integer) ||
        (q.query.what.rfind("element ", 0) == 0 && ours->kind != FieldKind::array) ||
        (q.query.what == "element signed" && ours->element_kind != FieldKind::integer))
      continue;
    if (actual == expected) continue;
    auto shown = [&](std::uint64_t value) {
      if (q.query.what == "signed" || q.query.what == "element signed")
        return std::string(value ? "signed" : "unsigned");
      return std::to_string(value);
    };
    differ(match, q.field->name, ours->name, q.query.what, shown(expected), shown(actual));
  }
  // Fields by one name only. Where the names differ but the places agree (the header's
  // `__pad1` where the description has `__pad0`, or explicit padding in an alignment gap),
  // the layouts agree: the fields around them are compared by name. What differs: a field of
  // the header over one the description places elsewhere, and a field of the description
  // whose bytes the header leaves uncovered.
  for (const Match* match : matches) {
    const auto& fields = placed.at(match);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < match->user->fields.size(); ++i)
      if (find_field(*match->ours, match->field_ours[i])) seen.insert(match->field_ours[i]);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> unnamed;  // bytes of the header's others
    for (std::size_t i = 0; i < match->user->fields.size(); ++i) {
      const UserField& field = match->user->fields[i];
      if (field.bit_field || find_field(*match->ours, match->field_ours[i])) continue;
      const auto [offset, size] = fields.at(&field);
      if (size == 0) continue;  // a flexible array member
      unnamed.push_back({offset, offset + size});
      std::string compared, by_place;
      for (const auto& ours : match->ours->fields) {
        if (ours.kind == FieldKind::padding || ours.offset >= offset + size ||
            offset >= ours.offset + ours.size)
          continue;
        std::string& list = seen.count(ours.name) ? compared : by_place;
        list += (list.empty() ? "" : ", ") + ours.name;
      }
      if (!compared.empty())
        differ(*match, field.name, "", "not in the description",
               fmt::format("bytes {}..{} are {}", offset, offset + size - 1, compared),
               fmt::format("offset {}, size {}", offset, size));
      else if (!by_place.empty())
        out.notes.push_back(fmt::format("{}.{} stands where {} has {}: compared by place only",
                                        shown_name(*match->user), field.name, match->ours->name,
                                        by_place));
    }
    for (const auto& ours : match->ours->fields) {
      if (ours.kind == FieldKind::padding || seen.count(ours.name)) continue;
      std::size_t covered = 0;
      for (const auto& [begin, end] : unnamed) {
        const std::uint64_t from = std::max<std::uint64_t>(begin, ours.offset),
                            to = std::min<std::uint64_t>(end, ours.offset + ours.size);
        if (from < to) covered += to - from;
      }
      if (covered < ours.size)
        differ(*match, "", ours.name, "missing",
               fmt::format("offset {}, size {}", ours.offset, ours.size), "no such field");
    }
  }
}

}  // namespace

VerifyReport verify(const VerifyInput& input, unsigned jobs) {
  VerifyReport report;
  report.abis = input.abis.size();
  const probe::ScratchDir dir;
  if (!dir.ok()) {
    report.problems.push_back("cannot create a temporary directory");
    return report;
  }
  std::vector<Toolchain> toolchains = input.toolchains;
  for (auto& toolchain : toolchains)
    toolchain.command.insert(toolchain.command.end(), input.flags.begin(), input.flags.end());

  // 1. What the header declares, per ABI (its #ifs may differ), from clang's AST.
  std::vector<Declared> declared(input.abis.size());
  probe::run_parallel(input.abis.size(), jobs, [&](std::size_t i) {
    const auto clang = std::find_if(input.toolchains.begin(), input.toolchains.end(), [&](auto& t) {
      return t.abi == input.abis[i] && t.compiler == Compiler::clang;
    });
    if (clang == input.toolchains.end())
      declared[i].problem = "not checked: no clang toolchain to read the header with";
    else
      declared[i] = declared_structs(input, *clang, dir.path());
  });

  // 2. Each struct matched with the description's, and the questions for the compilers.
  std::vector<std::vector<Match>> matches(input.abis.size());
  std::map<std::string, std::set<std::string>> compared_on, unmatched_on, user_names;
  std::set<std::string> notes;
  for (std::size_t i = 0; i < input.abis.size(); ++i) {
    const Abi a = input.abis[i];
    if (!declared[i].problem.empty()) {
      report.problems.push_back(fmt::format("{}: {}", abi::abi_name(a), declared[i].problem));
      continue;
    }
    for (const auto& user : declared[i].structs) {
      for (const auto& name : user.names) user_names[name].insert(std::string(abi::abi_name(a)));
      const auto ours_name = input.map.struct_for(user.names);
      if (!ours_name) {
        unmatched_on[shown_name(user)].insert(std::string(abi::abi_name(a)));
        continue;
      }
      const abi::StructLayout* ours = abi::find_struct_layout(a, *ours_name);
      if (!ours->present) {
        notes.insert(fmt::format("{} on {}: the description has no {} there ({}); not compared",
                                 shown_name(user), abi::abi_name(a), *ours_name, ours->why_absent));
        continue;
      }
      Match match{&user, ours, {}};
      for (const auto& field : user.fields) {
        match.field_ours.push_back(input.map.field_for(shown_name(user), field.name, *ours));
        if (field.bit_field)
          notes.insert(
              fmt::format("{}.{}: a bit-field; not compared", shown_name(user), field.name));
      }
      compared_on[shown_name(user) + " = " + *ours_name].insert(std::string(abi::abi_name(a)));
      matches[i].push_back(std::move(match));
    }
  }

  // 3. Each ABI's gcc and clang answer them.
  struct Unit {
    const Toolchain* toolchain;
    std::vector<Question> questions;
    std::string code;
  };
  std::vector<Unit> units;
  for (std::size_t i = 0; i < input.abis.size(); ++i) {
    if (matches[i].empty()) continue;
    std::vector<Question> questions;
    for (const auto& match : matches[i]) {
      const std::string& type = match.user->c_type;
      for (const auto& query : record_queries(type)) questions.push_back({&match, nullptr, query});
      for (const auto& field : match.user->fields)
        if (!field.bit_field)
          for (const auto& query : member_queries(type, field.name, field.kind, field.element_kind))
            if (!field.flexible || (query.what != "size" && query.what != "align"))
              questions.push_back({&match, &field, query});
    }
    std::ostringstream code;
    code << "/* generated by syscompat layout --verify for " << abi::abi_name(input.abis[i])
         << " */\n#include \"" << input.header
         << "\"\nconst unsigned long long syscompat_probe[] = {\n";
    for (const auto& q : questions) code << "  (unsigned long long)(" << q.query.expr << "),\n";
    code << "  0 };\n";
    for (const auto& toolchain : toolchains)
      if (toolchain.abi == input.abis[i]) units.push_back({&toolchain, questions, code.str()});
  }
  std::vector<VerifyReport> results(units.size());
  probe::run_parallel(units.size(), jobs, [&](std::size_t i) {
    compare_unit(units[i].questions, *units[i].toolchain, units[i].code, dir.path(), results[i]);
  });
  for (auto& result : results) {
    report.differences.insert(report.differences.end(), result.differences.begin(),
                              result.differences.end());
    report.problems.insert(report.problems.end(), result.problems.begin(), result.problems.end());
    report.fields_checked += result.fields_checked;
    notes.insert(result.notes.begin(), result.notes.end());
  }

  auto abi_list = [](const std::set<std::string>& names) {
    std::string text;
    for (Abi a : abi::all_abis)
      if (names.count(std::string(abi::abi_name(a))))
        text += (text.empty() ? "" : " ") + std::string(abi::abi_name(a));
    return text;
  };
  for (const auto& [pair, abis] : compared_on)
    report.compared.push_back(pair + ": " + abi_list(abis));
  std::set<std::string> compared_structs;
  for (const auto& [pair, abis] : compared_on)
    compared_structs.insert(pair.substr(0, pair.find(' ')));
  report.structs_compared = compared_structs.size();
  for (const auto& [name, abis] : unmatched_on)
    report.unmatched.push_back(name + ": " + abi_list(abis));
  report.notes.assign(notes.begin(), notes.end());

  // A map rule that names nothing the header declares is a mistake in the map.
  if (report.problems.empty())
    for (const auto& rule : input.map.rules()) {
      const std::string& name = rule.field ? rule.user_struct : rule.user;
      if (name.find('*') != std::string::npos) continue;
      if (!user_names.count(name)) {
        report.problems.push_back(fmt::format("{}:{}: no struct '{}' in {} on the ABIs checked",
                                              input.map.file(), rule.line, name, input.header));
        continue;
      }
      // A field rule names a field of the description's struct.
      if (!rule.field || rule.ours.find('*') != std::string::npos) continue;
      for (const auto& per_abi : matches)
        for (const auto& match : per_abi) {
          const auto& names = match.user->names;
          if (std::find(names.begin(), names.end(), name) != names.end() &&
              !find_field(*match.ours, rule.ours)) {
            report.problems.push_back(fmt::format("{}:{}: {} on {} has no field '{}'",
                                                  input.map.file(), rule.line, match.ours->name,
                                                  abi::abi_name(match.ours->abi), rule.ours));
          }
        }
    }
  if (report.problems.empty() && report.structs_compared == 0)
    report.problems.push_back("no struct of " + input.header +
                              " matches one of the description: nothing was compared (a map "
                              "file names the description's structs: --map)");
  return report;
}

void print_verify_report(const VerifyReport& report, std::ostream& out) {
  if (!report.compared.empty()) out << "compared (header = description: ABIs):\n";
  for (const auto& line : report.compared) out << "  " << line << "\n";
  if (!report.unmatched.empty()) out << "\nnot in the description, not compared:\n";
  for (const auto& line : report.unmatched) out << "  " << line << "\n";
  if (!report.notes.empty()) out << "\nnot compared:\n";
  for (const auto& line : report.notes) out << "  " << line << "\n";
  if (!report.differences.empty()) out << "\ndifferences (description vs header):\n";
  for (const auto& d : report.differences)
    out << fmt::format("  DIFF {} {} {} ({}) {}: description {}, header {}\n", abi::abi_name(d.abi),
                       d.compiler, d.subject, d.ours, d.what, d.expected, d.actual);
  for (const auto& problem : report.problems) out << "\nPROBLEM " << problem << "\n";
  out << fmt::format(
      "\nlayout verify: {} structs compared, {} not in the description, {} ABIs, {} fields "
      "checked, {} differences, {} problems\n",
      report.structs_compared, report.unmatched.size(), report.abis, report.fields_checked,
      report.differences.size(), report.problems.size());
}

}  // namespace syscompat::layoutcheck
