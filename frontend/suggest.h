// "Did you mean …?": the closest known word to a misspelt one.
//
// Closeness is the optimal-string-alignment distance (Levenshtein plus swaps of two adjacent
// characters, so `imgae` is one edit from `image`), case differences counting half so `Image`
// prefers `image`. A candidate is offered only when it is close enough to be a plausible typo: at
// most max(1, len/3) edits.
//
// Example:
//   std::vector<std::string_view> keys = {"image", "environment", "ports"};
//   Suggest("enviroment", keys);  // "environment"
//   Suggest("zzz", keys);         // ""
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace stackc::frontend {

// The edit distance between a and b (insertions, deletions, substitutions and adjacent
// transpositions).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" when none is close enough (or `word` is itself a
// candidate). Ties go to the earliest candidate.
std::string Suggest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace stackc::frontend
