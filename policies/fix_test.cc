#include "policies/fix.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::policies {
namespace {

constexpr char kText[] =
    "services:\n"
    "  web:\n"
    "    image: ${IMAGE:-nginx}\n"
    "    command: echo $${HOME} done\n"
    "    labels: &common\n"
    "      tier: front\n"
    "  api:\n"
    "    labels: *common\n";

class VetFixesTest : public ::testing::Test {
 protected:
  VetFixesTest()
      : file_(sm_.Add("/p/compose.yaml", kText)), other_(sm_.Add("/p/other.yaml", kText)) {
    FileSyntax syntax;
    syntax.file = file_;
    syntax.aliased.push_back(Around("tier: front"));
    files_.push_back(syntax);
  }

  // The span of the first `what` in the file.
  ir::Span Around(std::string_view what, ir::FileId file = ir::kNoFile) const {
    const size_t at = std::string_view(kText).find(what);
    if (at == std::string_view::npos) {
      ADD_FAILURE() << "'" << what << "' is not in the text";
      return {};
    }
    const auto begin = static_cast<uint32_t>(at);
    return {file == ir::kNoFile ? file_ : file, begin, begin + static_cast<uint32_t>(what.size())};
  }

  // Whether a finding on `image` keeps a fix made of these edits.
  bool Kept(std::vector<ir::Edit> edits) {
    std::vector<ir::Diagnostic> findings(1);
    findings[0].code = "TEST001";
    findings[0].span = Around("image");
    findings[0].fix = ir::Fix{.title = "test", .safe = true, .edits = std::move(edits)};
    VetFixes(sm_, files_, &findings);
    return findings[0].fix.has_value();
  }

  ir::SourceManager sm_;
  ir::FileId file_;
  ir::FileId other_;
  std::vector<FileSyntax> files_;
};

TEST_F(VetFixesTest, KeepsAnEditOutsideEveryGuard) {
  EXPECT_TRUE(Kept({{Around("image"), "picture"}}));
  // Replacing a whole `${...}` expression is fine; so is an edit next to `$${...}`, a literal
  // dollar.
  EXPECT_TRUE(Kept({{Around("${IMAGE:-nginx}"), "\"${IMAGE:-nginx}\""}}));
  EXPECT_TRUE(Kept({{Around("HOME"), "USER"}}));
}

TEST_F(VetFixesTest, DropsAnEditInsideAnInterpolation) {
  EXPECT_FALSE(Kept({{Around("nginx"), "httpd"}}));
  EXPECT_FALSE(Kept({{Around("IMAGE"), "TAG"}}));
}

TEST_F(VetFixesTest, DropsAnEditInAnotherFile) {
  EXPECT_FALSE(Kept({{Around("image", other_), "picture"}}));
  EXPECT_FALSE(Kept({{Around("image"), "picture"}, {Around("command", other_), "cmd"}}));
}

TEST_F(VetFixesTest, DropsAnEditOfAnAnchoredNodeThatAnAliasCopies) {
  EXPECT_FALSE(Kept({{Around("front"), "back"}}));
  const ir::Span anchored = Around("tier: front");
  EXPECT_FALSE(Kept({{{file_, anchored.end, anchored.end}, "\n      team: web"}}));
  EXPECT_TRUE(Kept({{Around("*common"), "{tier: front}"}}));  // the alias is not the anchored node
}

TEST_F(VetFixesTest, DropsOverlappingEditsAndEmptyFixes) {
  EXPECT_FALSE(Kept({{Around("image: $"), "x"}, {Around(": $"), "y"}}));
  EXPECT_FALSE(Kept({}));
  const ir::Span past_end{file_, 0, static_cast<uint32_t>(sizeof(kText))};
  EXPECT_FALSE(Kept({{past_end, ""}}));
}

TEST_F(VetFixesTest, ApplyFixesDefersAFixThatOverlapsAnEarlierOne) {
  std::vector<ir::Diagnostic> findings(2);
  findings[0].span = findings[1].span = Around("image");
  findings[0].fix = ir::Fix{.title = "a", .safe = true, .edits = {{Around("image"), "picture"}}};
  findings[1].fix = ir::Fix{.title = "b", .safe = true, .edits = {{Around("image: "), "img: "}}};
  int applied = 0;
  const std::string fixed = ApplyFixes(sm_, file_, findings, /*unsafe=*/false, &applied);
  EXPECT_EQ(applied, 1);
  EXPECT_NE(fixed.find("    picture: ${IMAGE:-nginx}\n"), std::string::npos) << fixed;
  // An unsafe fix waits for --unsafe-fixes.
  findings.resize(1);
  findings[0].fix->safe = false;
  applied = 0;
  EXPECT_EQ(ApplyFixes(sm_, file_, findings, /*unsafe=*/false, &applied), kText);
  EXPECT_EQ(applied, 0);
}

}  // namespace
}  // namespace stackc::policies
