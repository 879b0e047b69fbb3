#include "runner/build_context.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace stackc::runner {
namespace {

TEST(DockerIgnoreTest, DockersPatternRules) {
  const DockerIgnore ignore = DockerIgnore::Parse(
      "# comment\n*.log\n!keep.log\nnode_modules\n**/*.tmp\ndocs/?.md\n/abs\nbuild/\n");
  EXPECT_TRUE(ignore.Excluded("a.log"));
  EXPECT_FALSE(ignore.Excluded("keep.log"));
  EXPECT_FALSE(ignore.Excluded("sub/a.log"));  // `*` stays in one element
  EXPECT_TRUE(ignore.Excluded("node_modules"));
  EXPECT_TRUE(ignore.Excluded("node_modules/x/y.js"));
  EXPECT_TRUE(ignore.Excluded("x.tmp"));
  EXPECT_TRUE(ignore.Excluded("a/b/c.tmp"));
  EXPECT_TRUE(ignore.Excluded("docs/a.md"));
  EXPECT_FALSE(ignore.Excluded("docs/ab.md"));
  EXPECT_TRUE(ignore.Excluded("abs"));
  EXPECT_TRUE(ignore.Excluded("build/out.o"));
  EXPECT_FALSE(ignore.Excluded("src/main.c"));
}

TEST(BuildContextTest, TarsTheContextWithoutIgnoredFiles) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("stackc-ctx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "sub");
  std::ofstream(dir / "Dockerfile") << "FROM scratch\n";
  std::ofstream(dir / ".dockerignore") << "*.secret\nDockerfile\n";
  std::ofstream(dir / "keep.txt") << "keep";
  std::ofstream(dir / "sub" / "x.secret") << "no";
  std::ofstream(dir / "a.secret") << "no";
  std::string tar, error;
  ASSERT_TRUE(BuildContextTar(dir.string(), "Dockerfile", &tar, &error)) << error;
  EXPECT_NE(tar.find("keep.txt"), std::string::npos);
  EXPECT_NE(tar.find("Dockerfile"), std::string::npos);  // always sent
  EXPECT_EQ(tar.find("a.secret"), std::string::npos);
  EXPECT_NE(tar.find("sub/x.secret"), std::string::npos);  // `*` does not cross '/'
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stackc::runner
