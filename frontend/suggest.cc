#include "frontend/suggest.h"

#include <algorithm>
#include <vector>

namespace stackc::frontend {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal string alignment distance in half-edits: a substitution that only changes case costs 1,
// every other edit 2.
size_t HalfEdits(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = 2 * j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = 2 * i;
    for (size_t j = 1; j <= m; ++j) {
      size_t sub = 0;
      if (a[i - 1] != b[j - 1]) sub = Lower(a[i - 1]) == Lower(b[j - 1]) ? 1 : 2;
      size_t best = std::min({prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, prev2[j - 2] + 2);
      }
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) { return (HalfEdits(a, b) + 1) / 2; }

std::string Suggest(std::string_view word, std::span<const std::string_view> candidates) {
  const size_t limit = 2 * std::max<size_t>(1, word.size() / 3);
  size_t best = limit + 1;
  std::string_view found;
  for (std::string_view c : candidates) {
    if (c == word) return "";
    const size_t d = HalfEdits(word, c);
    if (d < best) {
      best = d;
      found = c;
    }
  }
  return std::string(found);
}

}  // namespace stackc::frontend
