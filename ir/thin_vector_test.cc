#include "ir/thin_vector.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::ir {
namespace {

std::vector<std::string> Items(const ThinVector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(ThinVectorTest, IsOnePointerAndAllocatesNothingUntilUsed) {
  static_assert(sizeof(ThinVector<std::string>) == sizeof(void*));
  ThinVector<std::string> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_EQ(v.begin(), v.end());
  size_t seen = 0;
  for (const std::string& s : v) seen += s.size();
  EXPECT_EQ(seen, 0u);
}

TEST(ThinVectorTest, GrowsAndKeepsItsElementsInOrder) {
  ThinVector<std::string> v;
  std::vector<std::string> want;
  for (int i = 0; i < 1000; ++i) {
    // Long enough to live on the heap, so that a move that forgot an element would show.
    std::string s = "element number " + std::to_string(i) + " of the vector";
    v.push_back(s);
    want.push_back(s);
  }
  EXPECT_EQ(v.size(), 1000u);
  EXPECT_GE(v.capacity(), 1000u);
  EXPECT_EQ(Items(v), want);
  EXPECT_EQ(v.front(), want.front());
  EXPECT_EQ(v.back(), want.back());
  EXPECT_EQ(v[500], want[500]);
}

TEST(ThinVectorTest, PushingBackOneOfItsOwnElementsWhileGrowingCopiesItFirst) {
  ThinVector<std::string> v;
  v.push_back("the first element, long enough for the heap");
  for (int i = 0; i < 10; ++i) v.push_back(v.front());
  for (const std::string& s : v) EXPECT_EQ(s, "the first element, long enough for the heap");
  v.emplace_back(v.back());
  EXPECT_EQ(v.size(), 12u);
  EXPECT_EQ(v.back(), v.front());
}

TEST(ThinVectorTest, InsertsAndErasesAnywhere) {
  ThinVector<std::string> v{"b", "d"};
  v.insert(v.begin(), "a");
  v.insert(v.begin() + 2, "c");
  v.insert(v.end(), "e");
  EXPECT_EQ(Items(v), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  const std::vector<std::string> more{"x", "y"};
  auto at = v.insert(v.begin() + 1, more.begin(), more.end());
  EXPECT_EQ(*at, "x");
  EXPECT_EQ(Items(v), (std::vector<std::string>{"a", "x", "y", "b", "c", "d", "e"}));
  at = v.erase(v.begin() + 1, v.begin() + 3);
  EXPECT_EQ(*at, "b");
  v.erase(v.begin());
  EXPECT_EQ(Items(v), (std::vector<std::string>{"b", "c", "d", "e"}));
  EXPECT_EQ(erase_if(v, [](const std::string& s) { return s == "c" || s == "e"; }), 2u);
  EXPECT_EQ(Items(v), (std::vector<std::string>{"b", "d"}));
  v.pop_back();
  EXPECT_EQ(Items(v), (std::vector<std::string>{"b"}));
  v.clear();
  EXPECT_TRUE(v.empty());
  v.push_back("again");
  EXPECT_EQ(Items(v), (std::vector<std::string>{"again"}));
}

TEST(ThinVectorTest, CopiesAreDeepAndMovesTakeTheElements) {
  ThinVector<std::string> a{"one", "two"};
  ThinVector<std::string> b = a;
  b.push_back("three");
  EXPECT_EQ(Items(a), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(Items(b), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_FALSE(a == b);
  a = b;
  EXPECT_TRUE(a == b);
  ThinVector<std::string> c = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty
  EXPECT_EQ(c.size(), 3u);
  c = std::move(b);
  EXPECT_EQ(Items(c), (std::vector<std::string>{"one", "two", "three"}));
  const ThinVector<std::string>& same = c;
  c = same;  // assigning a list to itself keeps its elements
  EXPECT_EQ(c.size(), 3u);
}

// An element whose copies throw once a budget of copies is spent (a long string inside, so that
// a leaked element shows under LeakSanitizer).
struct Fragile {
  int* copies_left;
  std::string text = "a string long enough to be on the heap";
  explicit Fragile(int* budget) : copies_left(budget) {}
  Fragile(const Fragile& other) : copies_left(other.copies_left), text(other.text) {
    if ((*copies_left)-- <= 0) throw std::runtime_error("no more copies");
  }
  Fragile(Fragile&&) noexcept = default;
  Fragile& operator=(const Fragile&) = default;
  Fragile& operator=(Fragile&&) noexcept = default;
};

TEST(ThinVectorTest, ACopyThatThrowsLeavesNothingBehind) {
  int budget = 100;
  ThinVector<Fragile> v;
  for (int i = 0; i < 4; ++i) v.emplace_back(&budget);
  budget = 2;
  // The copy constructor throws at the third element; the two copies made are freed.
  EXPECT_THROW(ThinVector<Fragile>(v.begin(), v.end()).size(), std::runtime_error);
  budget = 1;
  EXPECT_THROW(v.insert(v.begin() + 1, v.begin(), v.end()), std::runtime_error);
  EXPECT_EQ(v.size(), 4u);  // unchanged
}

TEST(ThinVectorTest, InsertsARangeOfItsOwnElements) {
  ThinVector<std::string> v{"a", "b", "c"};
  v.insert(v.begin() + 1, v.begin(), v.end());  // grows while the range is read
  EXPECT_EQ(Items(v), (std::vector<std::string>{"a", "a", "b", "c", "b", "c"}));
}

TEST(ThinVectorTest, SortsAsARangeOfPointers) {
  ThinVector<std::string> v{"c", "a", "b"};
  std::sort(v.begin(), v.end());
  EXPECT_EQ(Items(v), (std::vector<std::string>{"a", "b", "c"}));
  std::vector<std::string> reversed(v.rbegin(), v.rend());
  EXPECT_EQ(reversed, (std::vector<std::string>{"c", "b", "a"}));
}

}  // namespace
}  // namespace stackc::ir
