#include "ir/source.h"

#include <gtest/gtest.h>

namespace stackc::ir {
namespace {

TEST(SourceManagerTest, LineAndColumn) {
  SourceManager sm;
  FileId f = sm.Add("a.yaml",
                    "services:\n  w\xc3\xa9"
                    "b: {}\r\nlast");
  EXPECT_EQ(sm.path(f), "a.yaml");
  EXPECT_EQ(sm.Position(f, 0).line, 1u);
  EXPECT_EQ(sm.Position(f, 12).line, 2u);
  EXPECT_EQ(sm.Position(f, 12).column, 3u);
  // After the two-byte é the column counts one character.
  EXPECT_EQ(sm.Position(f, 16).column, 6u);
  EXPECT_EQ(sm.LineText(f, 2),
            "  w\xc3\xa9"
            "b: {}");
  EXPECT_EQ(sm.LineText(f, 3), "last");
  EXPECT_EQ(sm.Text(Span{f, 0, 8}), "services");
}

}  // namespace
}  // namespace stackc::ir
