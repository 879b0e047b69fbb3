// The rules' own corpus (corpus/lint/): each rule's file marks where findings are expected
// (`# expect: CODE`) and the near misses that must stay silent (`# ok: CODE`); the fix goldens
// (corpus/lint/fix/NAME.yaml and NAME.fixed.yaml) pin what `--fix` writes, byte for byte; and over
// the public corpus, safe fixes leave the project Docker Compose loads exactly as it was.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>

#include "frontend/model_printer.h"
#include "passes/test_project.h"
#include "policies/fix.h"
#include "policies/lint.h"
#include "policies/rule.h"
#include "tests/corpus_projects.h"

namespace stackc::policies {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The words after `marker` on a line ("# expect: A B" -> {A, B}).
std::vector<std::string> MarkerWords(std::string_view line, std::string_view marker) {
  std::vector<std::string> words;
  const size_t at = line.find(marker);
  if (at == std::string_view::npos) return words;
  std::istringstream in(std::string(line.substr(at + marker.size())));
  for (std::string w; in >> w;) {
    if (w == "#") break;  // a second comment-like marker on the line
    words.push_back(w);
  }
  return words;
}

// A header line `# NAME: a,b` as a list; empty when absent.
std::vector<std::string> HeaderList(const std::string& text, std::string_view name) {
  std::vector<std::string> out;
  const size_t at = text.find("# " + std::string(name) + ":");
  if (at == std::string::npos) return out;
  std::string rest = text.substr(at + name.size() + 3, text.find('\n', at) - at - name.size() - 3);
  std::istringstream in(rest);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::unique_ptr<passes::test::Loaded> Load(const std::string& text) {
  std::vector<std::string> profiles = HeaderList(text, "lint-profiles");
  if (profiles.empty()) profiles = {"*"};
  return passes::test::LoadText(text, true, profiles, /*all_resources=*/true);
}

LintOptions OptionsFor(const std::string& text, std::string_view code) {
  LintOptions options;
  options.select = HeaderList(text, "lint-select");
  if (options.select.empty() && !code.empty()) options.select = {std::string(code)};
  return options;
}

fs::path CorpusDir() { return fs::path(STACKC_SOURCE_DIR) / "corpus" / "lint"; }

TEST(RuleCorpus, EveryRuleHasACorpusFileWithAFindingAndNearMisses) {
  for (const RuleInfo& rule : AllRules()) {
    const fs::path file = CorpusDir() / (std::string(rule.code) + ".yaml");
    ASSERT_TRUE(fs::exists(file)) << file << " is missing";
    const std::string text = ReadFile(file);
    const std::string code(rule.code);
    EXPECT_NE(text.find("# expect: " + code), std::string::npos) << file << " has no finding";
    size_t near = 0;
    for (size_t at = text.find("# ok: " + code); at != std::string::npos;
         at = text.find("# ok: " + code, at + 1)) {
      ++near;
    }
    EXPECT_GE(near, 2u) << file << " has fewer than two near misses";
  }
}

TEST(RuleCorpus, FindingsAreExactlyWhereTheMarkersSay) {
  int files = 0;
  for (const RuleInfo& rule : AllRules()) {
    const fs::path file = CorpusDir() / (std::string(rule.code) + ".yaml");
    if (!fs::exists(file)) continue;  // the test above fails for it
    SCOPED_TRACE(file.string());
    const std::string text = ReadFile(file);
    auto r = Load(text);
    ASSERT_TRUE(r->ok) << (r->sink.diagnostics().empty() ? "" : r->sink.diagnostics()[0].message);
    ++files;
    std::multiset<std::pair<uint32_t, std::string>> expected, found;
    std::set<std::pair<uint32_t, std::string>> silent;
    std::istringstream lines(text);
    uint32_t n = 0;
    for (std::string line; std::getline(lines, line);) {
      ++n;
      for (const std::string& c : MarkerWords(line, "# expect:")) expected.insert({n, c});
      for (const std::string& c : MarkerWords(line, "# ok:")) silent.insert({n, c});
    }
    for (const ir::Diagnostic& d : Lint(r->project, r->sm, OptionsFor(text, rule.code))) {
      ASSERT_TRUE(d.span.valid()) << d.code << " " << d.message;
      const uint32_t line = r->sm.Position(d.span).line;
      found.insert({line, d.code});
      EXPECT_FALSE(silent.contains({line, d.code}))
          << "near miss on line " << line << " reported: " << d.message;
      if (!expected.contains({line, d.code})) {
        ADD_FAILURE() << "unexpected " << d.code << " on line " << line << ": " << d.message;
      }
    }
    for (const auto& [line, code] : expected) {
      EXPECT_EQ(found.count({line, code}), expected.count({line, code}))
          << code << " expected on line " << line;
    }
  }
  EXPECT_GE(files, 40);
}

// `stackc lint` lowers without the services' raw trees (frontend::RawValues::kDrop): every rule
// must find the same with them gone.
TEST(RuleCorpus, RulesReadOnlyTypedFields) {
  int compared = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(CorpusDir())) {
    if (entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    const std::string text = ReadFile(entry.path());
    auto r = Load(text);
    if (!r->ok) continue;
    LintOptions options = OptionsFor(text, "");
    options.select = {"ALL"};
    auto brief = [](const std::vector<ir::Diagnostic>& ds) {
      std::vector<std::tuple<std::string, uint32_t, uint32_t, std::string, bool>> out;
      for (const ir::Diagnostic& d : ds) {
        out.emplace_back(d.code, d.span.file, d.span.begin, d.message, d.fix.has_value());
      }
      return out;
    };
    const auto with_raw = brief(Lint(r->project, r->sm, options));
    for (auto* list : {&r->project.services, &r->project.disabled_services}) {
      for (ir::Service& s : *list) s.raw = {};
    }
    EXPECT_EQ(brief(Lint(r->project, r->sm, options)), with_raw);
    compared += with_raw.empty() ? 0 : 1;
  }
  EXPECT_GE(compared, 40);
}

// The test above sees only what the corpus exercises; this one sees every line: nothing under
// policies/ or passes/ reads a service's `raw` tree, which `stackc lint` does not keep.
TEST(RuleCorpus, NoRuleOrPassReadsTheRawTree) {
  // `.raw` or `->raw` followed by something that cannot continue a name.
  auto reads_raw = [](std::string_view line) {
    for (size_t at = line.find("raw"); at != std::string_view::npos;
         at = line.find("raw", at + 1)) {
      const bool member =
          (at >= 1 && line[at - 1] == '.') || (at >= 2 && line.substr(at - 2, 2) == "->");
      const bool whole =
          at + 3 == line.size() ||
          !(std::isalnum(static_cast<unsigned char>(line[at + 3])) || line[at + 3] == '_');
      if (member && whole) return true;
    }
    return false;
  };
  EXPECT_TRUE(reads_raw("  const ir::Value* v = s.raw.Find(key);"));
  EXPECT_TRUE(reads_raw("dep->raw"));
  EXPECT_FALSE(reads_raw("session->raw_values = kDrop; // a raw disk"));
  int files = 0;
  for (const char* dir : {"policies", "passes"}) {
    for (const fs::directory_entry& entry :
         fs::recursive_directory_iterator(fs::path(STACKC_SOURCE_DIR) / dir)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".cc") && !name.ends_with(".h")) continue;
      if (name.ends_with("_test.cc")) continue;
      ++files;
      std::istringstream lines(ReadFile(entry.path()));
      int n = 0;
      for (std::string line; std::getline(lines, line);) {
        ++n;
        EXPECT_FALSE(reads_raw(line)) << entry.path().string() << ":" << n;
      }
    }
  }
  EXPECT_GE(files, 50);
}

// Lints and applies fixes until nothing changes (at most 10 rounds), as `stackc lint --fix` does.
std::string FixLoop(std::string text, bool unsafe, std::set<std::string>* codes) {
  for (int round = 0; round < 10; ++round) {
    auto r = Load(text);
    if (!r->ok) return text;
    const std::vector<ir::Diagnostic> findings = Lint(r->project, r->sm, OptionsFor(text, ""));
    int applied = 0;
    for (const ir::Diagnostic& d : findings) {
      if (Fixable(d, unsafe)) codes->insert(d.code);
    }
    std::string fixed = ApplyFixes(r->sm, 0, findings, unsafe, &applied);
    if (applied == 0 || fixed == text) return text;
    text = std::move(fixed);
  }
  return text;
}

TEST(FixGoldens, EachFixedFileIsWhatFixWrites) {
  std::set<std::string> safe_codes;
  int goldens = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(CorpusDir() / "fix")) {
    const std::string name = e.path().filename().string();
    if (!name.ends_with(".yaml") || name.ends_with(".fixed.yaml")) continue;
    SCOPED_TRACE(name);
    const std::string text = ReadFile(e.path());
    const bool unsafe = text.find("# lint-unsafe-fixes") != std::string::npos;
    std::set<std::string> codes;
    const std::string fixed = FixLoop(text, unsafe, &codes);
    const fs::path golden =
        e.path().parent_path() / (name.substr(0, name.size() - 5) + ".fixed.yaml");
    ASSERT_TRUE(fs::exists(golden));
    EXPECT_EQ(fixed, ReadFile(golden));
    EXPECT_NE(fixed, text) << "no fix applied";
    auto again = Load(fixed);
    EXPECT_TRUE(again->ok) << "the fixed file does not load";
    if (!unsafe) safe_codes.insert(codes.begin(), codes.end());
    ++goldens;
  }
  EXPECT_GE(safe_codes.size(), 5u);
  EXPECT_GE(goldens, 5);
}

// The safe fixes, applied to every corpus project, change no byte of what Docker Compose loads.
TEST(CorpusFixes, SafeFixesLeaveTheLoadedProjectUnchanged) {
  frontend::RealFileSystem real(64u << 20);
  frontend::ModelPrinter printer;
  int fixed_projects = 0;
  std::map<std::string, int> per_rule;
  const int checked =
      test_corpus::ForEachCorpusProject([&](const std::string& id, test_corpus::CorpusProject& c) {
        const std::vector<ir::Diagnostic> findings = Lint(c.project, c.sm, {});
        std::map<std::string, std::string> changed;
        for (ir::FileId f = 0; f < c.sm.size(); ++f) {
          int applied = 0;
          std::string text = ApplyFixes(c.sm, f, findings, false, &applied);
          if (applied > 0) changed[std::string(c.sm.path(f))] = std::move(text);
        }
        if (changed.empty()) return;
        for (const ir::Diagnostic& d : findings) {
          if (Fixable(d, false)) ++per_rule[d.code];
        }
        ++fixed_projects;
        frontend::OverlayFileSystem overlay(real, changed);
        frontend::LoadRequest req;
        req.config_paths = c.loaded.config_files;
        req.project_directory = c.loaded.working_dir;
        ir::SourceManager sm;
        ir::DiagnosticSink sink;
        frontend::LoadedProject after;
        ASSERT_TRUE(frontend::LoadProject(req, overlay, {{"HOME", "/root"}, {"USER", "root"}}, sm,
                                          sink, &after))
            << id << ": " << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
        EXPECT_EQ(printer.Yaml(after.model), printer.Yaml(c.loaded.model)) << id;
      });
  if (checked < 0) GTEST_SKIP() << "../shared/corpus is absent";
  std::printf("safe fixes applied to %d of %d corpus projects:", fixed_projects, checked);
  for (const auto& [code, n] : per_rule) std::printf(" %s=%d", code.c_str(), n);
  std::printf("\n");
  EXPECT_GT(fixed_projects, 0);
}

}  // namespace
}  // namespace stackc::policies
