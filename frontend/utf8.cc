#include "frontend/utf8.h"

namespace stackc::frontend {

char32_t DecodeRune(std::string_view s, size_t i, size_t* size) {
  const auto b = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
  };
  const size_t n = s.size() - i;
  const char32_t c0 = b(0);
  *size = 1;
  if (c0 < 0x80) return c0;
  if (c0 < 0xC2 || c0 > 0xF4) return kRuneError;
  if (c0 < 0xE0) {
    if (n < 2 || (b(1) & 0xC0) != 0x80) return kRuneError;
    *size = 2;
    return ((c0 & 0x1F) << 6) | (b(1) & 0x3F);
  }
  // The second byte's range depends on the first (no overlongs, surrogates or runes past U+10FFFF).
  char32_t lo = 0x80, hi = 0xBF;
  if (c0 == 0xE0) lo = 0xA0;
  if (c0 == 0xED) hi = 0x9F;
  if (c0 == 0xF0) lo = 0x90;
  if (c0 == 0xF4) hi = 0x8F;
  if (n < 2 || b(1) < lo || b(1) > hi) return kRuneError;
  if (c0 < 0xF0) {
    if (n < 3 || (b(2) & 0xC0) != 0x80) return kRuneError;
    *size = 3;
    return ((c0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  }
  if (n < 4 || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) return kRuneError;
  *size = 4;
  return ((c0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

}  // namespace stackc::frontend
