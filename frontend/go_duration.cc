#include "frontend/go_duration.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace stackc::frontend {
namespace {

constexpr uint64_t kMaxInt64 = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());

constexpr int64_t kNanosecond = 1;
constexpr int64_t kMicrosecond = 1000 * kNanosecond;
constexpr int64_t kMillisecond = 1000 * kMicrosecond;
constexpr int64_t kSecond = 1000 * kMillisecond;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;

// The unit table of go-str2duration v2.1.0; 0 for an unknown unit.
int64_t UnitNanoseconds(std::string_view unit) {
  if (unit == "ns") return kNanosecond;
  if (unit == "us" || unit == "\u00b5s" || unit == "\u03bcs") return kMicrosecond;  // µs, μs
  if (unit == "ms") return kMillisecond;
  if (unit == "s") return kSecond;
  if (unit == "m") return kMinute;
  if (unit == "h") return kHour;
  if (unit == "d") return 24 * kHour;
  if (unit == "w") return 168 * kHour;
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

GoDurationResult Fail(std::string_view what, std::string_view text) {
  GoDurationResult r;
  r.error.reserve(what.size() + text.size() + 2);
  r.error.append(what).append("\"").append(text).append("\"");
  return r;
}

}  // namespace

GoDurationResult ParseGoDuration(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return {};
  if (s.empty()) return Fail("time: invalid duration ", text);

  uint64_t total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || IsDigit(s[0]))) return Fail("time: invalid duration ", text);

    // Integer part; overflowing int64 is an error.
    uint64_t whole = 0;
    size_t i = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i) {
      if (whole > kMaxInt64 / 10) return Fail("time: invalid duration ", text);
      whole = whole * 10 + static_cast<uint64_t>(s[i] - '0');
      if (whole > kMaxInt64) return Fail("time: invalid duration ", text);
    }
    const bool has_whole = i > 0;
    s.remove_prefix(i);

    // Fraction; digits beyond int64 precision are skipped, not an error.
    uint64_t fraction = 0;
    double scale = 1;
    bool has_fraction = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      for (i = 0; i < s.size() && IsDigit(s[i]); ++i) {
        if (overflow) continue;
        if (fraction > kMaxInt64 / 10) {
          overflow = true;
          continue;
        }
        const uint64_t next = fraction * 10 + static_cast<uint64_t>(s[i] - '0');
        if (next > kMaxInt64) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      has_fraction = i > 0;
      s.remove_prefix(i);
    }
    if (!has_whole && !has_fraction) return Fail("time: invalid duration ", text);  // ".s"

    // Unit: everything up to the next digit or '.'.
    for (i = 0; i < s.size() && s[i] != '.' && !IsDigit(s[i]); ++i) {
    }
    if (i == 0) return Fail("time: missing unit in duration ", text);
    const std::string_view unit_text = s.substr(0, i);
    s.remove_prefix(i);
    const int64_t unit = UnitNanoseconds(unit_text);
    if (unit == 0) {
      GoDurationResult r = Fail("time: unknown unit ", unit_text);
      r.error.append(" in duration \"").append(text).append("\"");
      return r;
    }

    if (whole > kMaxInt64 / static_cast<uint64_t>(unit)) {
      return Fail("time: invalid duration ", text);
    }
    uint64_t value = whole * static_cast<uint64_t>(unit);
    if (fraction > 0) {
      // float64 keeps fractions of hours nanosecond-accurate, as in Go.
      value += static_cast<uint64_t>(static_cast<int64_t>(static_cast<double>(fraction) *
                                                          (static_cast<double>(unit) / scale)));
      if (value > kMaxInt64) return Fail("time: invalid duration ", text);
    }
    total += value;
    if (total > kMaxInt64) return Fail("time: invalid duration ", text);
  }

  GoDurationResult r;
  r.nanoseconds = negative ? -static_cast<int64_t>(total) : static_cast<int64_t>(total);
  return r;
}

void AppendGoDuration(int64_t nanoseconds, std::string* out) {
  // Built right to left, as the largest value is "2562047h47m16.854775808s".
  char buf[32];
  char* w = buf + sizeof buf;
  const auto put = [&](char c) { *--w = c; };
  const auto put_int = [&](uint64_t v) {
    do {
      put(static_cast<char>('0' + v % 10));
      v /= 10;
    } while (v > 0);
  };
  // Writes the `digits` low decimal digits of v as a fraction without trailing zeros (and
  // without the point when they are all zero); returns the remaining high part.
  const auto put_fraction = [&](uint64_t v, int digits) {
    bool any = false;
    for (int i = 0; i < digits; ++i) {
      const uint64_t digit = v % 10;
      any = any || digit != 0;
      if (any) put(static_cast<char>('0' + digit));
      v /= 10;
    }
    if (any) put('.');
    return v;
  };

  const bool negative = nanoseconds < 0;
  uint64_t u = static_cast<uint64_t>(nanoseconds);
  if (negative) u = ~u + 1;  // magnitude, also for INT64_MIN

  put('s');
  if (u < static_cast<uint64_t>(kSecond)) {
    int digits = 0;
    if (u == 0) {
      put('0');
      out->append(w, buf + sizeof buf);
      return;
    } else if (u < static_cast<uint64_t>(kMicrosecond)) {
      put('n');
    } else if (u < static_cast<uint64_t>(kMillisecond)) {
      digits = 3;
      put('\xb5');  // U+00B5 MICRO SIGN, as UTF-8
      put('\xc2');
    } else {
      digits = 6;
      put('m');
    }
    put_int(put_fraction(u, digits));
  } else {
    u = put_fraction(u, 9);  // now whole seconds
    put_int(u % 60);
    u /= 60;
    if (u > 0) {
      put('m');
      put_int(u % 60);
      u /= 60;
      if (u > 0) {
        put('h');
        put_int(u);
      }
    }
  }
  if (negative) put('-');
  out->append(w, buf + sizeof buf);
}

std::string FormatGoDuration(int64_t nanoseconds) {
  std::string out;
  AppendGoDuration(nanoseconds, &out);
  return out;
}

}  // namespace stackc::frontend
