#include "ir/diagnostic.h"

#include <gtest/gtest.h>

namespace stackc::ir {
namespace {

TEST(DiagnosticTest, RendersLocationFrameAndCaret) {
  SourceManager sm;
  FileId f = sm.Add("compose.yaml", "services:\n  db:\n    image: mysql\n");
  DiagnosticSink sink;
  sink.Error("LOAD010", Span{f, 27, 32}, "service 'db' uses 'mysql' without a tag");
  ASSERT_TRUE(sink.has_errors());
  EXPECT_EQ(RenderText(sm, sink.diagnostics()[0], false),
            "compose.yaml:3:12: error: service 'db' uses 'mysql' without a tag [LOAD010]\n"
            "    3 |     image: mysql\n"
            "      |            ^^^^^\n");
}

TEST(DiagnosticTest, WarningsAreNotErrors) {
  DiagnosticSink sink;
  sink.Warning("W", Span{}, "careful");
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics().size(), 1u);
}

}  // namespace
}  // namespace stackc::ir
