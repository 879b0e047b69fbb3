#include "ir/compact_string.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace stackc::ir {
namespace {

// Every length around the inline capacity, where the representation changes.
std::vector<std::string> Samples() {
  std::vector<std::string> out;
  for (size_t n = 0; n <= 40; ++n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + (i * 7 + n) % 26);
    out.push_back(s);
  }
  return out;
}

TEST(CompactStringTest, HoldsEveryLengthWithATerminatingNul) {
  for (const std::string& want : Samples()) {
    CompactString s(want);
    EXPECT_EQ(s.view(), want);
    EXPECT_EQ(s.size(), want.size());
    EXPECT_EQ(s.empty(), want.empty());
    EXPECT_EQ(s.is_inline(), want.size() <= CompactString::kInlineCapacity) << want.size();
    EXPECT_EQ(s.c_str()[want.size()], '\0');
    EXPECT_EQ(std::string(s.c_str()), want);
  }
  EXPECT_TRUE(CompactString().empty());
  EXPECT_STREQ(CompactString().c_str(), "");
}

TEST(CompactStringTest, KeepsEmbeddedNulBytes) {
  const std::string want("a\0b", 3);
  CompactString s(want);
  EXPECT_EQ(s.size(), 3u);
  EXPECT_EQ(s.view(), want);
  const std::string long_want = want + std::string(20, '\0') + "z";
  EXPECT_EQ(CompactString(long_want).view(), long_want);
}

TEST(CompactStringTest, CopiesMovesAndAssignsAcrossRepresentations) {
  const std::vector<std::string> samples = Samples();
  for (const std::string& a : samples) {
    for (const std::string& b : {samples[3], samples[15], samples[16], samples[40]}) {
      CompactString x(a);
      CompactString y(b);
      CompactString copy = x;
      EXPECT_EQ(copy, x);
      y = x;  // copy-assign over either representation
      EXPECT_EQ(y.view(), a);
      CompactString z(b);
      z = std::move(copy);
      EXPECT_EQ(z.view(), a);
      EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
      CompactString moved(std::move(z));
      EXPECT_EQ(moved.view(), a);
      CompactString& alias = moved;  // self-assignment through a reference keeps the content
      moved = alias;
      EXPECT_EQ(moved.view(), a);
      moved = std::move(alias);
      EXPECT_EQ(moved.view(), a);
    }
  }
}

TEST(CompactStringTest, AssignsAndAppendsFromAViewOfItself) {
  CompactString s(std::string(30, 'q') + "tail");
  s = s.view().substr(30);  // heap to inline, from its own buffer
  EXPECT_EQ(s, "tail");
  CompactString t("short");
  t.assign(t.view().substr(1, 3));  // inline, from its own bytes
  EXPECT_EQ(t, "hor");
  CompactString h(std::string(20, 'h'));
  h = h.view();  // heap, the whole of its own buffer
  EXPECT_EQ(h, std::string(20, 'h'));
  h += h.view();
  EXPECT_EQ(h, std::string(40, 'h'));
  CompactString i("abc");
  i += i.view();
  EXPECT_EQ(i, "abcabc");
}

TEST(CompactStringTest, AppendsAndClears) {
  CompactString s("key");
  s += "=";
  s += std::string(20, 'v');
  s += '!';
  EXPECT_EQ(s.view(), "key=" + std::string(20, 'v') + "!");
  EXPECT_FALSE(s.is_inline());
  s.clear();
  EXPECT_TRUE(s.empty());
  EXPECT_TRUE(s.is_inline());
}

TEST(CompactStringTest, ComparesLikeAStringView) {
  CompactString a("apple");
  CompactString b("banana");
  EXPECT_TRUE(a == "apple");
  EXPECT_TRUE("apple" == a);
  EXPECT_TRUE(a == std::string("apple"));
  EXPECT_TRUE(std::string_view("apple") == a);
  EXPECT_TRUE(a != b);
  EXPECT_TRUE(a < b);
  EXPECT_TRUE(a < "b");
  EXPECT_TRUE(std::string("a") < a);
  std::vector<CompactString> v = {"pear", "fig", "apple", std::string(20, 'z'), "banana"};
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v.front(), "apple");
  EXPECT_EQ(v.back(), std::string(20, 'z'));
}

TEST(CompactStringTest, JoinsFormatsAndHashesAsItsContent) {
  CompactString k("web");
  EXPECT_EQ("services." + k, "services.web");
  EXPECT_EQ(k + ".image", "web.image");
  EXPECT_EQ(std::string("a") + k + 'b', "awebb");
  EXPECT_EQ(fmt::format("service '{}'", k), "service 'web'");
  EXPECT_EQ(fmt::format("{:>5}", k), "  web");
  std::unordered_set<CompactString> set = {"web", "db"};
  EXPECT_TRUE(set.count(CompactString("db")));
  EXPECT_EQ(std::hash<CompactString>()(k), std::hash<std::string_view>()("web"));
  EXPECT_EQ(k.find('e'), 1u);
  EXPECT_TRUE(k.starts_with("we"));
  EXPECT_EQ(k.substr(1), "eb");
}

}  // namespace
}  // namespace stackc::ir
