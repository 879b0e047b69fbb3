#include "policies/suppressions.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "passes/test_project.h"
#include "policies/lint.h"
#include "policies/render_sarif.h"

namespace stackc::policies {
namespace {

std::vector<std::string> Codes(const std::vector<ir::Diagnostic>& findings,
                               const ir::SourceManager& sm) {
  std::vector<std::string> out;
  for (const ir::Diagnostic& d : findings) {
    out.push_back(d.code + "@" + std::to_string(sm.Position(d.span).line));
  }
  return out;
}

TEST(SuppressionsTest, OnTheLineTheLineBeforeAndTheFile) {
  auto r = passes::test::LoadText(
      "# stackc: ignore-file[CTR004] a dev stack\n"
      "services:\n"
      "  web:\n"
      "    image: nginx  # stackc: ignore[IMG001] pinned by the deploy job\n"
      "    # stackc: ignore[PORT] public on purpose\n"
      "    ports: ['80:80']\n"
      "    volumes: [/srv/site:/site]\n"
      "  app:\n"
      "    image: centos  # stackc: ignore[CTR001]\n");
  ASSERT_TRUE(r->ok);
  std::vector<SuppressedFinding> suppressed;
  const std::vector<ir::Diagnostic> kept = Lint(r->project, r->sm, {}, &suppressed);
  EXPECT_EQ(Codes(kept, r->sm), (std::vector<std::string>{"IMG001@9", "SUP001@9"}));
  ASSERT_EQ(suppressed.size(), 3u);
  EXPECT_EQ(suppressed[0].finding.code, "CTR004");  // in rule order
  EXPECT_EQ(suppressed[0].reason, "a dev stack");
  EXPECT_EQ(suppressed[1].finding.code, "IMG001");
  EXPECT_EQ(suppressed[1].reason, "pinned by the deploy job");
  EXPECT_EQ(suppressed[2].finding.code, "PORT001");
  EXPECT_EQ(kept[1].message, "suppression of CTR001 matches no finding on its line");

  // SARIF keeps the suppressed findings, with their justification.
  const nlohmann::json log = nlohmann::json::parse(
      RenderSarif({{&r->sm, kept, suppressed}}, {.version = "0", .root = "/p"}));
  int with_justification = 0;
  for (const nlohmann::json& result : log["runs"][0]["results"]) {
    if (result.contains("suppressions")) {
      EXPECT_EQ(result["suppressions"][0]["kind"], "inSource");
      ++with_justification;
    }
  }
  EXPECT_EQ(with_justification, 3);
  // Ignoring SUP001 leaves the stale comment alone.
  EXPECT_EQ(Codes(Lint(r->project, r->sm, {.ignore = {"SUP"}}), r->sm),
            (std::vector<std::string>{"IMG001@9"}));
}

TEST(SuppressionsTest, NoFrameOrFingerprintShowsASecretOnItsLine) {
  auto r = passes::test::LoadText(
      "services:\n  db:\n    image: example/db:1\n    environment:\n"
      "      - DB_PASSWORD=hunter2  # stackc: ignore[SECRET01X] misspelt\n");
  ASSERT_TRUE(r->ok);
  const std::vector<ir::Diagnostic> kept = Lint(r->project, r->sm, {});
  ASSERT_EQ(Codes(kept, r->sm), (std::vector<std::string>{"SECRET001@5", "SUP001@5"}));
  for (const ir::Diagnostic& d : kept) {
    const std::string text = ir::RenderText(r->sm, d, /*color=*/false);
    EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
  }
  const std::string sarif = RenderSarif({{&r->sm, kept, {}}}, {.version = "0", .root = "/p"});
  EXPECT_EQ(sarif.find("hunter2"), std::string::npos);
}

TEST(SuppressionsTest, UnusedOnlyWhenTheNamedRuleRan) {
  auto r = passes::test::LoadText(
      "services:\n  web:\n    image: nginx:1.27  # stackc: ignore[IMG001] pinned\n"
      "    volumes: [/srv:/srv]  # stackc: ignore-file[CTR004] dev\n");
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(Codes(Lint(r->project, r->sm, {.select = {"CTR004", "SUP"}}), r->sm),
            std::vector<std::string>{});  // IMG001 did not run: its suppression is not "unused"
  EXPECT_EQ(Codes(Lint(r->project, r->sm, {}), r->sm), (std::vector<std::string>{"SUP001@3"}));
}

}  // namespace
}  // namespace stackc::policies
