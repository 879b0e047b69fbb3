#include "policies/render_sarif.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "passes/test_project.h"
#include "policies/lint.h"

namespace stackc::policies {
namespace {

constexpr char kStack[] =
    "services:\n  db:\n    image: mysql:8.4\n    environment:\n      - DB_PASSWORD=hunter2\n";

nlohmann::json Sarif(const std::string& yaml) {
  auto r = passes::test::LoadText(yaml);
  EXPECT_TRUE(r->ok);
  const std::string text = RenderSarif({{&r->sm, Lint(r->project, r->sm, {.select = {"SECRET"}})}},
                                       {.version = "1.2.3", .root = "/p"});
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  return nlohmann::json::parse(text);
}

TEST(SarifTest, ResultsPointAtTheirRuleAndRegion) {
  const nlohmann::json log = Sarif(kStack);
  EXPECT_EQ(log["version"], "2.1.0");
  const nlohmann::json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["version"], "1.2.3");
  const nlohmann::json& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "SECRET001");
  EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"], "SECRET001");
  EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["properties"]
               ["security-severity"],
            "8.0");
  const nlohmann::json& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "compose.yaml");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(location["region"]["startLine"], 5);
  EXPECT_EQ(location["region"]["startColumn"], 21);
  EXPECT_EQ(location["region"]["endColumn"], 28);
}

TEST(SarifTest, FingerprintsIgnoreLineMovesAndTheSecret) {
  const nlohmann::json a = Sarif(kStack);
  const nlohmann::json b = Sarif(std::string("# a comment\n\n") + kStack);
  std::string other = kStack;
  other.replace(other.find("hunter2"), 7, "letmein");
  const nlohmann::json c = Sarif(other);
  auto print = [](const nlohmann::json& log) {
    return log["runs"][0]["results"][0]["partialFingerprints"]["stackc/v1"].get<std::string>();
  };
  EXPECT_EQ(print(a), print(b));
  EXPECT_EQ(print(a), print(c));  // a new password is the same finding
  EXPECT_NE(a["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
            b["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]);
}

}  // namespace
}  // namespace stackc::policies
