#include "policies/render_github.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"
#include "policies/lint.h"

namespace stackc::policies {
namespace {

TEST(GithubTest, OneEscapedCommandPerFinding) {
  auto r = passes::test::LoadText("services:\n  web:\n    image: nginx\n    ports: ['80:80']\n");
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(RenderGithub(r->sm, Lint(r->project, r->sm, {})),
            "::warning file=/p/compose.yaml,line=3,endLine=3,col=12,endColumn=17,title=IMG001 "
            "unpinned-image::service 'web' uses image 'nginx' without a tag\n"
            "::warning file=/p/compose.yaml,line=4,endLine=4,col=13,endColumn=20,title=PORT001 "
            "all-interfaces::service 'web' publishes 80 on 0.0.0.0\n");
}

}  // namespace
}  // namespace stackc::policies
