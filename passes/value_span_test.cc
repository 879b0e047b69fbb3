#include "passes/value_span.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"

namespace stackc::passes {
namespace {

TEST(ValueSpanTest, TheValueAsWritten) {
  auto r = test::LoadText(
      "services:\n"
      "  a:\n"
      "    image: x\n"
      "    environment:\n"
      "      - LIST=one\n"
      "      - \"QUOTED=two\"\n"
      "  b:\n"
      "    image: x\n"
      "    env_file: b.env\n"
      "    environment:\n"
      "      MAP: three  # a comment\n"
      "      HASH: \"four # not a comment\"\n"
      "      EMPTY:\n",
      true, {}, false, {{"/p/b.env", "FILE=five\n"}});
  ASSERT_TRUE(r->ok);
  auto text = [&](const ir::Service& s, std::string_view key) {
    for (const ir::KeyValue& kv : s.environment) {
      if (kv.key == key) {
        const ir::Span span = ValueSpan(r->sm, kv);
        return span == kv.span ? std::string("(entry)") : std::string(r->sm.Text(span));
      }
    }
    return std::string("(none)");
  };
  const ir::Service& a = r->project.services[0];
  const ir::Service& b = r->project.services[1];
  EXPECT_EQ(text(a, "LIST"), "one");
  EXPECT_EQ(text(a, "QUOTED"), "two");
  EXPECT_EQ(text(b, "MAP"), "three");
  EXPECT_EQ(text(b, "HASH"), "\"four # not a comment\"");
  EXPECT_EQ(text(b, "EMPTY"), "(entry)");
  EXPECT_EQ(text(b, "FILE"), "five");
}

TEST(ValueSpanTest, TheParsersSpanOfAMappingValue) {
  auto r = test::LoadText(
      "services:\n"
      "  a:\n"
      "    image: x\n"
      "    labels: {admin.password: hunter2, other: \"x, y\", last: z}\n"
      "    environment: {A: one,B: two}  # a comment\n"
      "  b:\n"
      "    image: x\n"
      "    environment: {\n"
      "      C: three,\n"
      "      D: <changeme>,\n"
      "    }\n"
      "    labels:\n"
      "      block: >-\n"
      "        first line\n"
      "        second line\n"
      "      plain: starts here\n"
      "        and goes on\n"
      "      after: end\n",
      true);
  ASSERT_TRUE(r->ok);
  auto text = [&](const std::vector<ir::KeyValue>& entries, std::string_view key) {
    for (const ir::KeyValue& kv : entries) {
      if (kv.key == key) return std::string(r->sm.Text(ValueSpan(r->sm, kv)));
    }
    return std::string("(none)");
  };
  const ir::Service& a = r->project.services[0];
  EXPECT_EQ(text(a.labels, "admin.password"), "hunter2");
  EXPECT_EQ(text(a.labels, "other"), "\"x, y\"");
  EXPECT_EQ(text(a.labels, "last"), "z");
  EXPECT_EQ(text(a.environment, "A"), "one");
  EXPECT_EQ(text(a.environment, "B"), "two");
  // Over several lines: a flow mapping's value still stops at its comma, and a block scalar or a
  // plain value continued on the next line covers every line.
  const ir::Service& b = r->project.services[1];
  EXPECT_EQ(text(b.environment, "C"), "three");
  EXPECT_EQ(text(b.environment, "D"), "<changeme>");
  EXPECT_EQ(text(b.labels, "block"), ">-\n        first line\n        second line");
  EXPECT_EQ(text(b.labels, "plain"), "starts here\n        and goes on");
  EXPECT_EQ(text(b.labels, "after"), "end");
}

}  // namespace
}  // namespace stackc::passes
