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

TEST(DiagnosticTest, NotesOnTheSameSpanFollowTheFrame) {
  SourceManager sm;
  FileId f = sm.Add("c.yaml", "services:\n  web:\n    imgae: x\n");
  DiagnosticSink sink;
  Diagnostic& d = sink.Error("LOAD020", Span{f, 21, 26}, "unknown key 'imgae'");
  d.notes.push_back(Note{Span{f, 21, 26}, "did you mean 'image'"});
  EXPECT_EQ(RenderText(sm, sink.diagnostics()[0], false),
            "c.yaml:3:5: error: unknown key 'imgae' [LOAD020]\n"
            "    3 |     imgae: x\n"
            "      |     ^^^^^\n"
            "      = note: did you mean 'image'\n");
}

TEST(DiagnosticTest, WarningsAreNotErrors) {
  DiagnosticSink sink;
  sink.Warning("W", Span{}, "careful");
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics().size(), 1u);
}

}  // namespace
}  // namespace stackc::ir
