#include "frontend/suggest.h"

#include <vector>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

TEST(SuggestTest, EditDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("", "ab"), 2u);
  EXPECT_EQ(EditDistance("image", "image"), 0u);
  EXPECT_EQ(EditDistance("imgae", "image"), 1u);  // one adjacent swap
  EXPECT_EQ(EditDistance("imag", "image"), 1u);
  EXPECT_EQ(EditDistance("imagee", "image"), 1u);
  EXPECT_EQ(EditDistance("imbge", "image"), 1u);
  EXPECT_EQ(EditDistance("Image", "image"), 1u);  // a case change is still an edit
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(SuggestTest, OffersTheClosestPlausibleCandidate) {
  const std::vector<std::string_view> keys = {"image", "environment", "ports", "expose", "volumes"};
  EXPECT_EQ(Suggest("enviroment", keys), "environment");
  EXPECT_EQ(Suggest("imgae", keys), "image");
  EXPECT_EQ(Suggest("Image", keys), "image");
  EXPECT_EQ(Suggest("port", keys), "ports");
  EXPECT_EQ(Suggest("volume", keys), "volumes");
  EXPECT_EQ(Suggest("zzz", keys), "");
  EXPECT_EQ(Suggest("helicopters", keys), "");
  EXPECT_EQ(Suggest("image", keys), "");  // not a typo
  EXPECT_EQ(Suggest("x", {}), "");
}

TEST(SuggestTest, ShortWordsAllowOneEditOnly) {
  const std::vector<std::string_view> keys = {"ipc", "pid", "dns"};
  EXPECT_EQ(Suggest("pdi", keys), "pid");
  EXPECT_EQ(Suggest("ab", keys), "");
}

TEST(SuggestTest, PrefersACaseOnlyDifference) {
  const std::vector<std::string_view> keys = {"lapels", "labels"};
  EXPECT_EQ(Suggest("Labels", keys), "labels");
}

}  // namespace
}  // namespace stackc::frontend
