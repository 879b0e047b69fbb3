// UTF-8 as Go's unicode/utf8 sees it: the frontend reproduces Go's handling of text (error
// messages, quoting, key order), and Go decodes an invalid or truncated sequence as U+FFFD of
// width 1.
//
// Example:
//   size_t width;
//   char32_t r = DecodeRune("\xc3\xa9t\xc3\xa9", 0, &width);  // r == U+00E9, width == 2
#pragma once

#include <cstddef>
#include <string_view>

namespace stackc::frontend {

inline constexpr char32_t kRuneError = 0xFFFD;

// Decodes the rune at s[i] (i < s.size()) and sets *width to its length in bytes: no overlong
// forms, surrogates or runes past U+10FFFF, exactly like utf8.DecodeRune.
char32_t DecodeRune(std::string_view s, size_t i, size_t* width);

}  // namespace stackc::frontend
