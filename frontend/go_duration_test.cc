#include "frontend/go_duration.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

struct ParseCase {
  const char* text;
  int64_t nanoseconds;
  const char* error;  // "" when valid
};

// Expectations are those of github.com/xhit/go-str2duration/v2 v2.1.0.
constexpr ParseCase kParseCases[] = {
    {"0", 0LL, ""},
    {"", 0LL, "time: invalid duration \"\""},
    {"+0", 0LL, ""},
    {"-0", 0LL, ""},
    {"+", 0LL, "time: invalid duration \"+\""},
    {"-", 0LL, "time: invalid duration \"-\""},
    {"1s", 1000000000LL, ""},
    {"1.5h", 5400000000000LL, ""},
    {"1h5m30s20ms", 3930020000000LL, ""},
    {"10", 0LL, "time: missing unit in duration \"10\""},
    {"1d", 86400000000000LL, ""},
    {"1w", 604800000000000LL, ""},
    {"2w3d", 1468800000000000LL, ""},
    {"1.5d", 129600000000000LL, ""},
    {".5s", 500000000LL, ""},
    {"5.s", 5000000000LL, ""},
    {".s", 0LL, "time: invalid duration \".s\""},
    {"-.s", 0LL, "time: invalid duration \"-.s\""},
    {".", 0LL, "time: invalid duration \".\""},
    {"1x", 0LL, "time: unknown unit \"x\" in duration \"1x\""},
    {"1\302\265s", 1000LL, ""},
    {"1\316\274s", 1000LL, ""},
    {"1us", 1000LL, ""},
    {"1ns", 1LL, ""},
    {"300ms", 300000000LL, ""},
    {"-1.5h", -5400000000000LL, ""},
    {"+2m", 120000000000LL, ""},
    {"1h-1m", 0LL, "time: unknown unit \"h-\" in duration \"1h-1m\""},
    {"1 s", 0LL, "time: unknown unit \" s\" in duration \"1 s\""},
    {" 1s", 0LL, "time: invalid duration \" 1s\""},
    {"1s ", 0LL, "time: unknown unit \"s \" in duration \"1s \""},
    {"9223372036854775807ns", 9223372036854775807LL, ""},
    {"9223372036854775808ns", 0LL, "time: invalid duration \"9223372036854775808ns\""},
    {"92233720368547758070ns", 0LL, "time: invalid duration \"92233720368547758070ns\""},
    {"106751d", 9223286400000000000LL, ""},
    {"106752d", 0LL, "time: invalid duration \"106752d\""},
    {"15250w", 9223200000000000000LL, ""},
    {"15251w", 0LL, "time: invalid duration \"15251w\""},
    {"2562047h", 9223369200000000000LL, ""},
    {"2562048h", 0LL, "time: invalid duration \"2562048h\""},
    {"2562047h47m16.854775807s", 9223372036854775807LL, ""},
    {"2562047h47m16.854775808s", 0LL, "time: invalid duration \"2562047h47m16.854775808s\""},
    {"1.0000000000000000000001s", 1000000000LL, ""},
    {"0.1ns", 0LL, ""},
    {"0.9ns", 0LL, ""},
    {"1.9999999999ns", 1LL, ""},
    {"1e3s", 0LL, "time: unknown unit \"e\" in duration \"1e3s\""},
    {"s", 0LL, "time: invalid duration \"s\""},
    {"1S", 0LL, "time: unknown unit \"S\" in duration \"1S\""},
    {"3h1M", 0LL, "time: unknown unit \"M\" in duration \"3h1M\""},
    {"00", 0LL, "time: missing unit in duration \"00\""},
    {"0s", 0LL, ""},
    {"0.0s", 0LL, ""},
    {"-0s", 0LL, ""},
    {"1.s", 1000000000LL, ""},
    {"100000000000000000000000000000.1ns", 0LL,
     "time: invalid duration \"100000000000000000000000000000.1ns\""},
    {"0.100000000000000000000h", 360000000000LL, ""},
    {"0.3333333333333333333h", 1200000000000LL, ""},
    {"1h1h", 7200000000000LL, ""},
    {"1m60s", 120000000000LL, ""},
    {"5s5", 0LL, "time: missing unit in duration \"5s5\""},
    {"30s.5", 0LL, "time: missing unit in duration \"30s.5\""},
    {"1d2h3m4s5ms6us7ns", 93784005006007LL, ""},
    {"1mm", 0LL, "time: unknown unit \"mm\" in duration \"1mm\""},
    {"1msx", 0LL, "time: unknown unit \"msx\" in duration \"1msx\""},
    {"1\302\265", 0LL, "time: unknown unit \"\302\265\" in duration \"1\302\265\""},
    {"1\302\265s", 1000LL, ""},
    {"1\303\251", 0LL, "time: unknown unit \"\303\251\" in duration \"1\303\251\""},
    {"1.5\302\265s", 1500LL, ""},
    {"4.000000001s", 4000000001LL, ""},
};

TEST(GoDurationTest, ParseMatchesStr2Duration) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(c.text);
    const GoDurationResult r = ParseGoDuration(c.text);
    EXPECT_EQ(r.error, c.error);
    EXPECT_EQ(r.ok(), std::string(c.error).empty());
    if (r.ok()) {
      EXPECT_EQ(r.nanoseconds, c.nanoseconds);
    }
  }
}

struct FormatCase {
  int64_t nanoseconds;
  const char* text;
};

// Expectations are those of Go's time.Duration.String().
constexpr FormatCase kFormatCases[] = {
    {0LL, "0s"},
    {1LL, "1ns"},
    {999LL, "999ns"},
    {1000LL, "1\302\265s"},
    {1001LL, "1.001\302\265s"},
    {1500LL, "1.5\302\265s"},
    {999999LL, "999.999\302\265s"},
    {1000000LL, "1ms"},
    {1500000LL, "1.5ms"},
    {1234567LL, "1.234567ms"},
    {999999999LL, "999.999999ms"},
    {1000000000LL, "1s"},
    {1000000001LL, "1.000000001s"},
    {1500000000LL, "1.5s"},
    {60000000000LL, "1m0s"},
    {120000000000LL, "2m0s"},
    {90000000000LL, "1m30s"},
    {3600000000000LL, "1h0m0s"},
    {3930020000000LL, "1h5m30.02s"},
    {86400000000000LL, "24h0m0s"},
    {-1LL, "-1ns"},
    {-1500000LL, "-1.5ms"},
    {-90000000000LL, "-1m30s"},
    {INT64_MIN, "-2562047h47m16.854775808s"},
    {9223372036854775807LL, "2562047h47m16.854775807s"},
    {59999999999LL, "59.999999999s"},
    {3599999999999LL, "59m59.999999999s"},
    {100LL, "100ns"},
    {10000LL, "10\302\265s"},
    {30000000000LL, "30s"},
};

TEST(GoDurationTest, FormatMatchesGoDurationString) {
  for (const FormatCase& c : kFormatCases) {
    EXPECT_EQ(FormatGoDuration(c.nanoseconds), c.text) << c.nanoseconds;
  }
}

TEST(GoDurationTest, AppendKeepsPrefix) {
  std::string out = "interval: ";
  AppendGoDuration(90'000'000'000, &out);
  EXPECT_EQ(out, "interval: 1m30s");
}

TEST(GoDurationTest, DaysAndWeeksPrintAsHours) {
  const GoDurationResult r = ParseGoDuration("1w1d");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatGoDuration(r.nanoseconds), "192h0m0s");
}

}  // namespace
}  // namespace stackc::frontend
