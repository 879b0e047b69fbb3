#include "frontend/lazy_regex.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace stackc::frontend {
namespace {

TEST(LazyRegexTest, CompilesOnFirstUseAndMatches) {
  const LazyRegex re("^a(b+)c$");
  EXPECT_EQ(re.source(), "^a(b+)c$");
  const RE2* compiled = re.Get();
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(re.Get(), compiled);  // compiled once
  EXPECT_TRUE(RE2::FullMatch("abbc", *compiled));
  EXPECT_FALSE(RE2::FullMatch("ac", *compiled));
  EXPECT_EQ(re.Error(), "");
}

TEST(LazyRegexTest, AnInvalidSourceGivesNoRegexAndRE2sMessage) {
  const LazyRegex re("a(b");
  EXPECT_EQ(re.Get(), nullptr);
  EXPECT_EQ(re.Error(), "missing ): a(b");
}

TEST(LazyRegexTest, ThreadsAskingAtOnceGetTheSameRegex) {
  const LazyRegex re("[a-z]+[0-9]*");
  std::vector<const RE2*> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&re, &got, i] { got[i] = re.Get(); });
  }
  for (std::thread& t : threads) t.join();
  for (const RE2* g : got) EXPECT_EQ(g, got[0]);
  EXPECT_NE(got[0], nullptr);
}

}  // namespace
}  // namespace stackc::frontend
