#include "frontend/go_time.h"

#include <cstdlib>

#include <fmt/format.h>

namespace stackc::frontend {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// Go's time.Parse getnum: one digit, or two when the second is a digit too.
bool GetNum(std::string_view& s, int* v) {
  if (s.empty() || !IsDigit(s[0])) return false;
  if (s.size() < 2 || !IsDigit(s[1])) {
    *v = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  *v = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

}  // namespace

// The layouts are "2006-1-2T15:4:5.999999999Z07:00", the same with 't', "2006-1-2
// 15:4:5.999999999" and "2006-1-2"; go-yaml first checks that the text starts with "YYYY-".
std::optional<GoTime> ParseYamlTimestamp(std::string_view s) {
  if (s.size() < 5 || !IsDigit(s[0]) || !IsDigit(s[1]) || !IsDigit(s[2]) || !IsDigit(s[3]) ||
      s[4] != '-') {
    return std::nullopt;
  }
  GoTime t;
  t.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  std::string_view v = s.substr(5);
  if (!GetNum(v, &t.month) || t.month < 1 || t.month > 12) return std::nullopt;
  if (v.empty() || v[0] != '-') return std::nullopt;
  v.remove_prefix(1);
  if (!GetNum(v, &t.day)) return std::nullopt;
  if (t.day < 1 || t.day > DaysIn(t.month, t.year)) return std::nullopt;
  if (v.empty()) return t;  // "2006-1-2"
  bool zone;
  if (v[0] == 'T' || v[0] == 't') {
    zone = true;
    v.remove_prefix(1);
  } else if (v[0] == ' ') {
    zone = false;
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);  // Parse folds runs of spaces
  } else {
    return std::nullopt;
  }
  if (!GetNum(v, &t.hour) || t.hour >= 24) return std::nullopt;
  if (v.empty() || v[0] != ':') return std::nullopt;
  v.remove_prefix(1);
  if (!GetNum(v, &t.minute) || t.minute >= 60) return std::nullopt;
  if (v.empty() || v[0] != ':') return std::nullopt;
  v.remove_prefix(1);
  if (!GetNum(v, &t.second) || t.second >= 60) return std::nullopt;
  if (v.size() >= 2 && (v[0] == '.' || v[0] == ',') && IsDigit(v[1])) {
    v.remove_prefix(1);
    // Nanoseconds: the first nine digits count, the rest are dropped.
    int digits = 0;
    while (!v.empty() && IsDigit(v[0])) {
      if (digits < 9) {
        t.nanosecond = t.nanosecond * 10 + (v[0] - '0');
        ++digits;
      }
      v.remove_prefix(1);
    }
    for (; digits < 9; ++digits) t.nanosecond *= 10;
  }
  if (!zone) return v.empty() ? std::optional<GoTime>(t) : std::nullopt;
  if (!v.empty() && v[0] == 'Z') return v.size() == 1 ? std::optional<GoTime>(t) : std::nullopt;
  if (v.size() != 6 || v[3] != ':' || (v[0] != '+' && v[0] != '-')) return std::nullopt;
  if (!IsDigit(v[1]) || !IsDigit(v[2]) || !IsDigit(v[4]) || !IsDigit(v[5])) return std::nullopt;
  const int zh = (v[1] - '0') * 10 + (v[2] - '0');
  const int zm = (v[4] - '0') * 10 + (v[5] - '0');
  if (zh > 24 || zm > 60) return std::nullopt;
  t.offset_minutes = (v[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  return t;
}

namespace {

// "2006-01-02<sep>15:04:05.999999999": the fraction without trailing zeros, none when zero.
std::string DateTime(const GoTime& t, char sep) {
  std::string out = fmt::format("{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}:{:02d}", t.year, t.month,
                                t.day, sep, t.hour, t.minute, t.second);
  if (t.nanosecond != 0) {
    std::string frac = fmt::format("{:09d}", t.nanosecond);
    frac.erase(frac.find_last_not_of('0') + 1);
    out += '.' + frac;
  }
  return out;
}

// The offset as "-0700" (colon = false) or "-07:00".
std::string Offset(int minutes, bool colon) {
  const int abs = std::abs(minutes);
  return fmt::format("{}{:02d}{}{:02d}", minutes < 0 ? '-' : '+', abs / 60, colon ? ":" : "",
                     abs % 60);
}

}  // namespace

std::string GoTimeString(const GoTime& t) {
  if (t.offset_minutes == 0) return DateTime(t, ' ') + " +0000 UTC";
  const std::string offset = Offset(t.offset_minutes, false);
  return DateTime(t, ' ') + ' ' + offset + ' ' + offset;
}

std::string GoTimeRfc3339Nano(const GoTime& t) {
  return DateTime(t, 'T') + (t.offset_minutes == 0 ? "Z" : Offset(t.offset_minutes, true));
}

}  // namespace stackc::frontend
