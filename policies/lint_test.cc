#include "policies/lint.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "passes/test_project.h"
#include "policies/render_json.h"
#include "policies/rule.h"
#include "tests/corpus_projects.h"

namespace stackc::policies {
namespace {

// The brief's three-tier stack: examples/three-tier/docker-compose.yaml as it is, so that the
// positions below are the file's own.
std::string ThreeTier() {
  std::ifstream in(std::string(STACKC_SOURCE_DIR) + "/examples/three-tier/docker-compose.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "CODE line:column message" for each finding.
std::vector<std::string> Lines(const passes::test::Loaded& r, const LintOptions& options = {}) {
  std::vector<std::string> out;
  for (const ir::Diagnostic& d : Lint(r.project, r.sm, options)) {
    const ir::LineCol at = r.sm.Position(d.span);
    out.push_back(d.code + " " + std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                  d.message);
  }
  return out;
}

TEST(LintTest, TheBundledThreeTierIsTheBriefs) {
  const std::string bundled = ThreeTier();
  ASSERT_FALSE(bundled.empty());
  std::ifstream in(std::string(STACKC_SHARED_DIR) + "/examples/three-tier/docker-compose.yaml");
  if (!in) GTEST_SKIP() << "../shared/examples is absent";
  std::stringstream brief;
  brief << in.rdbuf();
  EXPECT_EQ(bundled, brief.str());
}

TEST(LintTest, TheBriefsThreeTierFindings) {
  auto r = passes::test::LoadText(ThreeTier());
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(Lines(*r),
            (std::vector<std::string>{
                "STY001 1:1 the attribute `version` is obsolete: Compose ignores it",
                "IMG001 10:12 service 'web' uses image 'web-server' without a tag",
                std::string("CTR004 14:7 service 'web' mounts the host path ") +
                    "'/home/sweh/Docker-Tests/Web-Server/web_base'",
                std::string("CTR004 15:7 service 'web' mounts the host path ") +
                    "'/home/sweh/Docker-Tests/Web-Server/log'",
                "PORT001 17:7 service 'web' publishes 80 on 0.0.0.0",
                "IMG001 20:12 service 'app' uses image 'centos' without a tag",
                "NET001 31:9 datastore 'db' can reach the internet through network 'appdb'",
                "SECRET001 33:27 service 'db' sets 'MYSQL_ROOT_PASSWORD' to a literal secret",
                "CTR004 36:7 service 'db' mounts the host path '/tmp/mysqldata'",
            }));
  // The secret's span is exactly the value, and no message shows it.
  for (const ir::Diagnostic& d : Lint(r->project, r->sm, {})) {
    EXPECT_EQ(d.message.find("foobar"), std::string::npos);
    if (d.code != "SECRET001") continue;
    EXPECT_EQ(r->sm.Text(d.span), "foobar");
    EXPECT_TRUE(d.secret);
    const std::string text = ir::RenderText(r->sm, d, /*color=*/false);
    EXPECT_EQ(text.find("foobar"), std::string::npos) << text;
    EXPECT_NE(text.find("- MYSQL_ROOT_PASSWORD=******"), std::string::npos) << text;
  }
}

TEST(LintTest, SecretsQuotedPassedThroughAndDefaulted) {
  auto r = passes::test::LoadText(
      "services:\n  db:\n    image: example/db:1\n    environment:\n"
      "      ROOT_PASSWORD: \"abc #def\"\n"
      "      PASSED_PASSWORD:\n"
      "      REF_PASSWORD: ${FROM_ENV}\n"
      "      DEFAULT_TOKEN: ${FROM_ENV:-s3cr3t-default}\n"
      "      DB_PASSWORD_FILE: /run/secrets/db\n");
  ASSERT_TRUE(r->ok);
  std::vector<std::string> spans;
  for (const ir::Diagnostic& d : Lint(r->project, r->sm, {.select = {"SECRET"}})) {
    spans.push_back(std::string(r->sm.Text(d.span)));
  }
  EXPECT_EQ(spans, (std::vector<std::string>{"\"abc #def\"", "${FROM_ENV:-s3cr3t-default}"}));
}

TEST(LintTest, SecretsInEnvFilesAndOnCommandLines) {
  auto r = passes::test::LoadText(
      "services:\n"
      "  app:\n"
      "    image: example/app:1\n"
      "    env_file: app.env\n"
      "    command: [\"serve\", \"--db-password=pw-in-flag\", \"--api-token\", \"tok-in-arg\"]\n"
      "  cache:\n"
      "    image: example/cache:1\n"
      "    command: cache-server --requirepass ${CACHE_PASS} --port 6379\n"
      "    entrypoint: [\"sh\", \"-c\", \"exec server --password=$$FROM_SHELL\"]\n"
      "    healthcheck:\n"
      "      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-ppw-in-check\"]\n",
      true, {}, false,
      {{"/p/app.env", "# app settings\nDB_PASSWORD=pw-in-env-file\nDB_USER=app\n"},
       {"/p/.env", "CACHE_PASS=from-dotenv\n"}});
  ASSERT_TRUE(r->ok);
  std::vector<std::string> found;
  for (const ir::Diagnostic& d : Lint(r->project, r->sm, {.select = {"SECRET"}})) {
    EXPECT_TRUE(d.secret) << d.message;
    found.push_back(fmt::format("{}:{} {}", r->sm.path(d.span.file), r->sm.Text(d.span), d.code));
  }
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{
                       "/p/app.env:pw-in-env-file SECRET001",
                       "/p/compose.yaml:pw-in-check SECRET001",
                       "/p/compose.yaml:pw-in-flag SECRET001",
                       "/p/compose.yaml:tok-in-arg SECRET001",
                   }));
}

TEST(LintTest, UnusedVolumeFixIsUnsafeWhenAMountNamesItsVolumeThroughAVariable) {
  const std::string base =
      "services:\n  db:\n    image: example/db:1\n    volumes:\n      - {}:/data\n"
      "volumes:\n  data: {{}}\n  other: {{}}\n";
  for (const auto& [mount, safe] :
       std::vector<std::pair<std::string, bool>>{{"data", true}, {"${VOL:-data}", false}}) {
    auto r = passes::test::LoadText(fmt::format(fmt::runtime(base), mount), true, {}, true);
    ASSERT_TRUE(r->ok) << mount;
    const std::vector<ir::Diagnostic> found = Lint(r->project, r->sm, {.select = {"REF002"}});
    ASSERT_EQ(found.size(), 1u) << mount;
    EXPECT_EQ(r->sm.Text(found[0].span), "other");
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_EQ(found[0].fix->safe, safe) << mount;
  }
}

// Lint reads comments and aliased anchors from the load instead of parsing each file again; the
// findings, suppressions and fixes are the same either way.
TEST(LintTest, TheLoadersTriviaStandInForAReparse) {
  auto r = passes::test::LoadText(
      "version: \"3.9\"\n"
      "x-base: &base\n  image: example/app:1\n  privileged: true\n"
      "services:\n"
      "  a:\n    <<: *base\n    ports: [80:80]  # stackc: ignore[PORT001] public\n"
      "  b:\n    <<: *base\n    user: \"0\"  # stackc: ignore[CTR999] nothing\n",
      true, {}, true);
  ASSERT_TRUE(r->ok);
  ASSERT_EQ(r->loaded.trivia.size(), 1u);
  EXPECT_EQ(r->loaded.trivia[0].comments.size(), 2u);
  EXPECT_FALSE(r->loaded.trivia[0].aliased.empty());
  std::vector<SuppressedFinding> suppressed_again, suppressed_seen;
  const std::vector<ir::Diagnostic> again = Lint(r->project, r->sm, {}, &suppressed_again);
  LintOptions with_trivia;
  with_trivia.trivia = &r->loaded.trivia;
  const std::vector<ir::Diagnostic> seen = Lint(r->project, r->sm, with_trivia, &suppressed_seen);
  ASSERT_EQ(again.size(), seen.size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].code, seen[i].code);
    EXPECT_EQ(again[i].span, seen[i].span);
    EXPECT_EQ(again[i].fix.has_value(), seen[i].fix.has_value()) << again[i].code;
  }
  EXPECT_EQ(suppressed_again.size(), 1u);
  EXPECT_EQ(suppressed_seen.size(), 1u);
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(),
                          [](const ir::Diagnostic& d) { return d.code == "SUP001"; }));
}

// The secrets are masked in every finding's code frame even when the SECRET rules are not selected.
TEST(LintTest, SecretsStayMaskedWhenTheSecretRulesAreIgnored) {
  auto r = passes::test::LoadText(
      "services:\n  app:\n    image: example/app:1\n"
      "    labels: {x: \"postgres://a:pw-two-2@h/\"}  # stackc: ignore[CTR001] not privileged\n");
  ASSERT_TRUE(r->ok);
  const std::vector<ir::Diagnostic> found = Lint(r->project, r->sm, {.ignore = {"SECRET"}});
  ASSERT_FALSE(found.empty());
  for (const ir::Diagnostic& d : found) {
    const std::string text = ir::RenderText(r->sm, d, /*color=*/false);
    EXPECT_EQ(text.find("pw-two-2"), std::string::npos) << text;
  }
}

// STY005 shows the written date and what Docker Compose sets, except under a credential-shaped key,
// where the value may be a secret: neither the message nor the code frame shows it.
TEST(LintTest, TimestampValueShowsTheDateButNotASecret) {
  auto r = passes::test::LoadText(
      "services:\n  app:\n    image: example/app:1\n    environment:\n"
      "      BUILD_DATE: 2024-01-05\n      DB_PASSWORD: 2031-07-09\n");
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(Lines(*r, {.select = {"STY005"}}),
            (std::vector<std::string>{
                "STY005 5:19 service 'app' sets environment variable 'BUILD_DATE' to the unquoted "
                "date '2024-01-05': Docker Compose sets '2024-01-05 00:00:00 +0000 UTC'",
                "STY005 6:20 service 'app' sets environment variable 'DB_PASSWORD' to an unquoted "
                "date, which Docker Compose sets in Go's time format"}));
  for (const ir::Diagnostic& d : Lint(r->project, r->sm, {})) {
    const std::string text = ir::RenderText(r->sm, d, /*color=*/false);
    EXPECT_EQ(text.find("2031"), std::string::npos) << text;
  }
}

// Given SecretFindings, a lint reports them for the selected SECRET rules instead of running those
// rules again, and finds the same.
TEST(LintTest, SecretFindingsGivenAreNotSearchedAgain) {
  auto r = passes::test::LoadText(
      "services:\n  app:\n    image: example/app:1\n"
      "    environment: [DB_PASSWORD=pw-three-3, TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789]\n"
      "    labels: {x: \"postgres://a:pw-two-2@h/\"}\n");
  ASSERT_TRUE(r->ok);
  const std::vector<ir::Diagnostic> secret_findings = SecretFindings(r->project, r->sm);
  ASSERT_GE(secret_findings.size(), 3u);
  const std::vector<std::string> searched = Lines(*r);
  EXPECT_EQ(Lines(*r, {.secret_findings = &secret_findings}), searched);
  EXPECT_EQ(std::count_if(searched.begin(), searched.end(),
                          [](const std::string& l) { return l.starts_with("SECRET"); }),
            static_cast<std::ptrdiff_t>(secret_findings.size()));
  // What was given is what is reported: with none given, there is no SECRET finding.
  const std::vector<ir::Diagnostic> none;
  for (const std::string& line : Lines(*r, {.secret_findings = &none})) {
    EXPECT_FALSE(line.starts_with("SECRET")) << line;
  }
  // Ignored SECRET rules report nothing, given or not.
  for (const std::string& line :
       Lines(*r, {.ignore = {"SECRET002"}, .secret_findings = &secret_findings})) {
    EXPECT_FALSE(line.starts_with("SECRET002")) << line;
  }
}

TEST(LintTest, SelectAndIgnoreTakeCodesAndPrefixes) {
  auto r = passes::test::LoadText(ThreeTier());
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(Lines(*r, {.select = {"IMG001", "PORT001"}}).size(), 3u);
  EXPECT_EQ(Lines(*r, {.select = {"IMG001"}, .ignore = {"IMG"}}).size(), 0u);
  // IMG003 (no digest) is opt-in: off by default, on when a selection names it or its prefix.
  EXPECT_EQ(Lines(*r, {.select = {"IMG003"}}).size(), 3u);
  EXPECT_EQ(Lines(*r, {.select = {"IMG"}}).size(), 5u);
  EXPECT_EQ(Lines(*r, {.extend_select = {"IMG003"}}).size(), Lines(*r).size() + 3);
  EXPECT_EQ(Lines(*r, {.ignore = {"CTR", "IMG", "NET", "PORT"}}).size(), 2u);
}

TEST(LintTest, DenyPolicyHoldsThenFailsWithItsWitness) {
  const std::string policy =
      "x-stackc:\n  policies:\n    reachability:\n      - deny: {from: web, to: db}\n";
  auto holds = passes::test::LoadText(ThreeTier() + policy);
  ASSERT_TRUE(holds->ok);
  EXPECT_TRUE(Lines(*holds, {.select = {"POL"}}).empty());

  std::string joined = ThreeTier();
  joined.replace(joined.find("      - webapp\n    volumes"), 15, "      - webapp\n      - appdb\n");
  auto fails = passes::test::LoadText(joined + policy);
  ASSERT_TRUE(fails->ok);
  EXPECT_EQ(Lines(*fails, {.select = {"POL"}}),
            (std::vector<std::string>{"POL001 41:9 policy violated: 'web' must not reach 'db', "
                                      "but web -[appdb]-> db"}));

  auto chain = passes::test::LoadText(
      ThreeTier() + std::string("x-stackc:\n  policies:\n    reachability:\n"
                                "      - deny: {from: web, to: db, transitive: true}\n"));
  ASSERT_TRUE(chain->ok);
  EXPECT_EQ(Lines(*chain, {.select = {"POL"}}),
            (std::vector<std::string>{"POL001 40:9 policy violated: 'web' must not reach 'db' "
                                      "through any chain, but web -[webapp]-> app -[appdb]-> db"}));
}

TEST(LintTest, EgressPolicyAndInvalidPolicies) {
  auto r = passes::test::LoadText(ThreeTier() +
                                  std::string("x-stackc:\n  policies:\n    egress: {allow: [web]}\n"
                                              "    reachability:\n"
                                              "      - deny: {from: web, to: dbb}\n"
                                              "      - allow: {from: web, to: db}\n"
                                              "    ingress: {}\n"));
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(
      Lines(*r, {.select = {"POL"}}),
      (std::vector<std::string>{
          std::string("POL002 23:9 policy violated: 'app' may not reach the internet, ") +
              "but it can through 'appdb,webapp'",
          std::string("POL002 31:9 policy violated: 'db' may not reach the internet, ") +
              "but it can through 'appdb'",
          "POL000 41:31 policy names 'dbb', which is not a service of the project",
          std::string("POL000 42:9 a reachability policy must be `deny: {from: ..., to: ...}` ") +
              "or `only: {to: ..., from: [...]}`",
          "POL000 43:14 unknown policy kind 'ingress' (known: reachability, egress, publish)",
      }));
}

TEST(LintTest, EveryRuleHasADocWithItsSections) {
  for (const RuleInfo& rule : AllRules()) {
    for (const char* section : {"## What it does", "## Why is this bad", "## Example",
                                "## Use instead", "## Fix safety"}) {
      EXPECT_NE(rule.doc.find(section), std::string_view::npos) << rule.code << " " << section;
    }
    EXPECT_EQ(FindRule(rule.code), &rule);
  }
  EXPECT_GE(AllRules().size(), 14u);
}

TEST(LintTest, JsonReportIsVersionedAndCounts) {
  auto r = passes::test::LoadText(ThreeTier());
  ASSERT_TRUE(r->ok);
  const std::string json = RenderJson(r->sm, Lint(r->project, r->sm, {.select = {"SECRET"}}));
  EXPECT_NE(json.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"code\": \"SECRET001\""), std::string::npos);
  EXPECT_NE(json.find("\"line\": 33"), std::string::npos);
  EXPECT_NE(json.find("\"error\": 1"), std::string::npos);
  EXPECT_EQ(json.find("foobar"), std::string::npos);
}

TEST(CorpusLint, EveryCorpusProjectLintsAndNoMessageShowsASecret) {
  std::map<std::string, int> per_rule;
  const int checked =
      test_corpus::ForEachCorpusProject([&](const std::string& id, test_corpus::CorpusProject& c) {
        for (const ir::Diagnostic& d : Lint(c.project, c.sm, {})) {
          ++per_rule[d.code];
          EXPECT_TRUE(d.span.valid()) << id << " " << d.code << " " << d.message;
          if (d.code == "SECRET001") {
            // The message names the service and the key; a value that is one of them (a password
            // "gitea" for service "gitea") is all the message may show.
            std::string rest = d.message;
            for (const ir::Service& s : c.project.services) {
              const std::string quoted = "'" + s.name.value + "'";
              if (rest.find(quoted) != std::string::npos)
                rest.erase(rest.find(quoted), quoted.size());
            }
            EXPECT_EQ(rest.find(std::string(c.sm.Text(d.span))), std::string::npos)
                << id << ": " << d.message;
          }
        }
      });
  if (checked < 0) GTEST_SKIP() << "../shared/corpus is absent";
  EXPECT_GT(checked, 500);
  std::printf("lint of %d corpus projects:", checked);
  for (const auto& [code, n] : per_rule) std::printf(" %s=%d", code.c_str(), n);
  std::printf("\n");
}

}  // namespace
}  // namespace stackc::policies
