#include "runner/archive.h"

#include <gtest/gtest.h>

namespace stackc::runner {
namespace {

TEST(ArchiveTest, MakesAUstarReadableTar) {
  std::string tar, error;
  ASSERT_TRUE(MakeTar({{"run/secrets/db", "hunter2", 0400, 1000, 1000}}, &tar, &error)) << error;
  ASSERT_GE(tar.size(), 1024u);
  EXPECT_EQ(tar.size() % 512, 0u);
  EXPECT_EQ(tar.substr(0, 14), "run/secrets/db");
  EXPECT_EQ(tar.substr(257, 5), "ustar");
  EXPECT_EQ(tar.substr(100, 6), "000400");        // mode, octal
  EXPECT_EQ(tar.substr(124, 11), "00000000007");  // size
  EXPECT_EQ(tar.substr(512, 7), "hunter2");       // the data block
}

}  // namespace
}  // namespace stackc::runner
