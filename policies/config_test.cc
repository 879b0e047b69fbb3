#include "policies/config.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "passes/test_project.h"
#include "policies/lint.h"
#include "policies/rule.h"

namespace stackc::policies {
namespace {

struct Parsed {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LintConfig config;
  bool ok = false;
};

std::unique_ptr<Parsed> Parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  const ir::FileId f = p->sm.Add("/repo/.stackc.yaml", text);
  p->ok = ParseConfig(p->sm, f, &p->config, &p->sink);
  return p;
}

// "line:column message" for each problem found.
std::vector<std::string> Problems(const Parsed& p) {
  std::vector<std::string> got;
  for (const ir::Diagnostic& d : p.sink.diagnostics()) {
    const ir::LineCol at = p.sm.Position(d.span);
    got.push_back(fmt::format("{}:{} {}", at.line, at.column, d.message));
  }
  return got;
}

TEST(Config, RulesTurnOnOffAndSetSeverities) {
  auto p = Parse(
      "rules:\n  CTR006: on\n  IMG001: off\n  PORT001: error\nignore-paths: [legacy/*.yml]\n"
      "baseline: ci/baseline.json\n");
  ASSERT_TRUE(p->ok);
  const LintOptions o = p->config.Apply({});
  EXPECT_TRUE(Selected("CTR006", o));  // opt-in, turned on
  EXPECT_FALSE(Selected("IMG001", o));
  EXPECT_TRUE(Selected("PORT001", o));
  EXPECT_EQ(o.severity.at("PORT001"), ir::Severity::kError);
  EXPECT_EQ(p->config.baseline, "/repo/ci/baseline.json");
  EXPECT_TRUE(p->config.Ignored("/repo/legacy/old.yml"));
  EXPECT_FALSE(p->config.Ignored("/repo/legacy/sub/old.yml"));  // `*` stops at a slash
  EXPECT_FALSE(p->config.Ignored("/repo/compose.yaml"));
}

TEST(Config, ProblemsAreLocatedErrors) {
  auto p = Parse("rules:\n  NOPE001: on\n  IMG001: maybe\nextra: 1\n");
  EXPECT_FALSE(p->ok);
  EXPECT_EQ(Problems(*p),
            (std::vector<std::string>{
                "2:3 rules: 'NOPE001' matches no rule (see `stackc rules`)",
                "3:11 rules.IMG001 must be on, off, error, warning or note",
                "4:1 unknown key 'extra' (known: rules, ignore-paths, baseline, policies)"}));
}

TEST(Config, RuleSettingsTakeALevelAndTheRulesOptions) {
  auto p = Parse(
      "rules:\n"
      "  CTR004:\n    level: warning\n    options: {allow: [./config, /srv/*/, /etc//./localtime, "
      "~/data]}\n"
      "  IMG001:\n    options:\n      allow: web-server\n");
  ASSERT_TRUE(p->ok) << p->sink.diagnostics().front().message;
  const LintOptions o = p->config.Apply({});
  EXPECT_EQ(o.severity.at("CTR004"), ir::Severity::kWarning);
  EXPECT_TRUE(Selected("IMG001", o));  // options alone leave the level as it is
  EXPECT_EQ(o.rule_options.at("CTR004").at("allow"),
            (std::vector<std::string>{"/repo/config", "/srv/*", "/etc/localtime", "~/data"}));
  EXPECT_EQ(o.rule_options.at("IMG001").at("allow"), (std::vector<std::string>{"web-server"}));
}

TEST(Config, RuleOptionsAreCheckedAgainstWhatTheRuleTakes) {
  auto p = Parse(
      "rules:\n"
      "  CTR004: {options: {alow: [x]}}\n"
      "  CTR001: {options: {allow: [x]}}\n"
      "  IMG: {options: {allow: [x]}}\n"
      "  IMG001: {options: {allow: [1, [2]]}, levle: on}\n"
      "  PORT001: {level: loud}\n");
  EXPECT_FALSE(p->ok);
  EXPECT_EQ(Problems(*p), (std::vector<std::string>{
                              "2:22 rule CTR004 has no option 'alow' (known: allow)",
                              "3:22 rule CTR001 takes no options",
                              "4:18 rules.IMG.options: options belong to one rule, not to a prefix",
                              "5:30 rules.IMG001.options.allow must be a list of strings",
                              "5:40 rules.IMG001: unknown key 'levle' (known: level, options)",
                              "6:20 rules.PORT001.level must be on, off, error, warning or note"}));
}

TEST(Config, RuleOptionsQuietWhatTheyAllow) {
  auto config = Parse(
      "rules:\n  CTR004: {options: {allow: [/srv/data, ~/cache]}}\n"
      "  IMG001: {options: {allow: [\"registry.local/*\", \"tool:dev\"]}}\n");
  ASSERT_TRUE(config->ok);
  auto r = passes::test::LoadText(
      "services:\n"
      "  a:\n    image: registry.local/team/a\n    volumes: [/srv/data/a:/a, /srv/database:/b]\n"
      "  b:\n    image: tool:dev\n    volumes: [/srv:/c]\n"
      "  c:\n    image: tool:nightly\n    volumes: [~/cache/c:/c, ~/other:/d]\n");
  ASSERT_TRUE(r->ok);
  std::vector<std::string> got;
  for (const ir::Diagnostic& d :
       Lint(r->project, r->sm, config->config.Apply({.select = {"CTR004", "IMG001"}}))) {
    got.push_back(d.code + " " + d.message);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "CTR004 service 'a' mounts the host path '/srv/database'",
                     "CTR004 service 'b' mounts the host path '/srv'",
                     "IMG001 service 'c' uses the moving tag 'nightly' of image 'tool'",
                     "CTR004 service 'c' mounts a path of the user's home directory"}));
}

TEST(Config, PoliciesApplyAndPointIntoTheConfiguration) {
  auto r = passes::test::LoadText(
      "services:\n  web: {image: example/web:1, networks: [appdb]}\n"
      "  db: {image: postgres:17.2, networks: [appdb]}\nnetworks: {appdb: {}}\n");
  ASSERT_TRUE(r->ok);
  const ir::FileId f =
      r->sm.Add("/p/.stackc.yaml", "policies:\n  reachability:\n    - deny: {from: web, to: db}\n");
  LintConfig config;
  ASSERT_TRUE(ParseConfig(r->sm, f, &config, &r->sink));
  LintOptions options = config.Apply({.select = {"POL"}});
  options.policies = &*config.policies;
  const std::vector<ir::Diagnostic> findings = Lint(r->project, r->sm, options);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "POL001");
  EXPECT_EQ(r->sm.path(findings[0].span.file), "/p/.stackc.yaml");
  EXPECT_EQ(r->sm.Position(findings[0].span).line, 3u);
  EXPECT_NE(findings[0].message.find("web -[appdb]-> db"), std::string::npos);
}

TEST(Config, TheSchemaDescribesExactlyTheKeysTheParserReads) {
  std::ifstream in(std::string(STACKC_SOURCE_DIR) + "/policies/schema/stackc-config.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(schema.is_discarded());
  std::vector<std::string> keys;
  for (const auto& [k, v] : schema["properties"].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"baseline", "ignore-paths", "policies", "rules"}));
  // Each key the schema allows parses; a key it does not allow is refused.
  EXPECT_TRUE(Parse("baseline: b.json\nignore-paths: [x]\npolicies: {}\nrules: {CTR: off}\n")->ok);
  std::vector<std::string> kinds;
  for (const auto& [k, v] : schema["$defs"]["policies"]["properties"].items()) kinds.push_back(k);
  EXPECT_EQ(kinds, (std::vector<std::string>{"egress", "publish", "reachability"}));
  std::vector<std::string> settings;
  for (const auto& [k, v] :
       schema["properties"]["rules"]["additionalProperties"]["oneOf"][1]["properties"].items()) {
    settings.push_back(k);
  }
  EXPECT_EQ(settings, (std::vector<std::string>{"level", "options"}));
  EXPECT_TRUE(Parse("rules: {CTR004: {level: note, options: {allow: [/srv]}}}\n")->ok);
}

TEST(Config, EveryRuleOptionIsDocumented) {
  int options = 0;
  for (const RuleInfo& rule : AllRules()) {
    for (const RuleOption& o : rule.options) {
      ++options;
      EXPECT_NE(rule.doc.find("## Options"), std::string_view::npos) << rule.code;
      EXPECT_NE(rule.doc.find(fmt::format("`{}`", o.name)), std::string_view::npos)
          << rule.code << " " << o.name;
    }
  }
  EXPECT_GE(options, 2);
}

TEST(Config, FoundByWalkingUp) {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("stackc-config-test-" + std::to_string(getpid()));
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".stackc.yaml") << "rules: {}\n";
  EXPECT_EQ(FindConfig((root / "a" / "b").string()), (root / ".stackc.yaml").string());
  std::ofstream(root / "a" / ".stackc.yml") << "rules: {}\n";
  EXPECT_EQ(FindConfig((root / "a" / "b").string()), (root / "a" / ".stackc.yml").string());
  fs::remove_all(root);
}

}  // namespace
}  // namespace stackc::policies
