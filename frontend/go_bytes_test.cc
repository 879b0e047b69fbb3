#include "frontend/go_bytes.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

struct Case {
  const char* text;
  int64_t ram_bytes;  // go-units RAMInBytes
  const char* ram_error;
  int64_t unit_bytes;  // compose-go UnitBytes (ParseInt first)
  const char* unit_error;
};

// Expectations are those of go-units v0.5.0 and compose-go v2.14.0 (Go on amd64).
constexpr Case kCases[] = {
    {"1g", 1073741824LL, "", 1073741824LL, ""},
    {"512m", 536870912LL, "", 536870912LL, ""},
    {"1.5GB", 1610612736LL, "", 1610612736LL, ""},
    {"-1", -1LL, "invalid size: '-1'", -1LL, ""},
    {"1024", 1024LL, "", 1024LL, ""},
    {"1", 1LL, "", 1LL, ""},
    {"0", 0LL, "", 0LL, ""},
    {"-0", 0LL, "", 0LL, ""},
    {"+5", 5LL, "", 5LL, ""},
    {"007", 7LL, "", 7LL, ""},
    {"1b", 1LL, "", 1LL, ""},
    {"1B", 1LL, "", 1LL, ""},
    {"1k", 1024LL, "", 1024LL, ""},
    {"1K", 1024LL, "", 1024LL, ""},
    {"1kb", 1024LL, "", 1024LL, ""},
    {"1kib", 1024LL, "", 1024LL, ""},
    {"1KiB", 1024LL, "", 1024LL, ""},
    {"1kB", 1024LL, "", 1024LL, ""},
    {"1 kb", 1024LL, "", 1024LL, ""},
    {"1 kib", 1024LL, "", 1024LL, ""},
    {"1  kb", -1LL, "strconv.ParseFloat: parsing \"1 \": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1 \": invalid syntax"},
    {"1.5k", 1536LL, "", 1536LL, ""},
    {"1e3", 1000LL, "", 1000LL, ""},
    {"1e3k", 1024000LL, "", 1024000LL, ""},
    {"1E3", 1000LL, "", 1000LL, ""},
    {"0x1p4", 16LL, "", 16LL, ""},
    {"0x1p4k", 16384LL, "", 16384LL, ""},
    {"0x10", -1LL, "strconv.ParseFloat: parsing \"0x10\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"0x10\": invalid syntax"},
    {"0x.8p1", 1LL, "", 1LL, ""},
    {"0X1.8P1 m", 3145728LL, "", 3145728LL, ""},
    {"0x1", -1LL, "strconv.ParseFloat: parsing \"0x1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"0x1\": invalid syntax"},
    {"0x", -1LL, "invalid suffix: 'x'", -1LL, "invalid suffix: 'x'"},
    {"1_000", 1000LL, "", 1000LL, ""},
    {"1_000k", 1024000LL, "", 1024000LL, ""},
    {"_1", -1LL, "strconv.ParseFloat: parsing \"_1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"_1\": invalid syntax"},
    {"1__0", -1LL, "strconv.ParseFloat: parsing \"1__0\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1__0\": invalid syntax"},
    {"1_", -1LL, "invalid suffix: '_'", -1LL, "invalid suffix: '_'"},
    {"1_.5", -1LL, "strconv.ParseFloat: parsing \"1_.5\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1_.5\": invalid syntax"},
    {"1e1_0", 10000000000LL, "", 10000000000LL, ""},
    {"0x_1p4", 16LL, "", 16LL, ""},
    {"abc", -1LL, "invalid size: 'abc'", -1LL, "invalid size: 'abc'"},
    {"", -1LL, "invalid size: ''", -1LL, "invalid size: ''"},
    {" ", -1LL, "strconv.ParseFloat: parsing \"\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\": invalid syntax"},
    {"1 ", 1LL, "", 1LL, ""},
    {" 1", -1LL, "strconv.ParseFloat: parsing \" 1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \" 1\": invalid syntax"},
    {"k", -1LL, "invalid size: 'k'", -1LL, "invalid size: 'k'"},
    {"1x", -1LL, "invalid suffix: 'x'", -1LL, "invalid suffix: 'x'"},
    {"1kbb", -1LL, "invalid suffix: 'kbb'", -1LL, "invalid suffix: 'kbb'"},
    {"1kibb", -1LL, "invalid suffix: 'kibb'", -1LL, "invalid suffix: 'kibb'"},
    {"90pKbBm", -1LL, "invalid suffix: 'pKbBm'", -1LL, "invalid suffix: 'pKbBm'"},
    {"1kx", -1LL, "invalid suffix: 'kx'", -1LL, "invalid suffix: 'kx'"},
    {"1ik", -1LL, "invalid suffix: 'ik'", -1LL, "invalid suffix: 'ik'"},
    {"1bk", -1LL, "invalid suffix: 'bk'", -1LL, "invalid suffix: 'bk'"},
    {"1mib", 1048576LL, "", 1048576LL, ""},
    {"1gb", 1073741824LL, "", 1073741824LL, ""},
    {"1tb", 1099511627776LL, "", 1099511627776LL, ""},
    {"1pb", 1125899906842624LL, "", 1125899906842624LL, ""},
    {"1eb", -1LL, "invalid suffix: 'eb'", -1LL, "invalid suffix: 'eb'"},
    {"-1.5", -1LL, "invalid size: '-1.5'", -1LL, "invalid size: '-1.5'"},
    {"-1k", -1LL, "invalid size: '-1k'", -1LL, "invalid size: '-1k'"},
    {"+1k", 1024LL, "", 1024LL, ""},
    {"-0.0k", 0LL, "", 0LL, ""},
    {"nan b", INT64_MIN, "", INT64_MIN, ""},
    {"NaN b", INT64_MIN, "", INT64_MIN, ""},
    {"inf k", INT64_MIN, "", INT64_MIN, ""},
    {"-inf b", -1LL, "invalid size: '-inf b'", -1LL, "invalid size: '-inf b'"},
    {"+Infinity b", INT64_MIN, "", INT64_MIN, ""},
    {"infinity", -1LL, "invalid size: 'infinity'", -1LL, "invalid size: 'infinity'"},
    {"1e400", -1LL, "strconv.ParseFloat: parsing \"1e400\": value out of range", -1LL,
     "strconv.ParseFloat: parsing \"1e400\": value out of range"},
    {"1e400k", -1LL, "strconv.ParseFloat: parsing \"1e400\": value out of range", -1LL,
     "strconv.ParseFloat: parsing \"1e400\": value out of range"},
    {"1e-400", 0LL, "", 0LL, ""},
    {"1e-310", 0LL, "", 0LL, ""},
    {"99999999999999999999", INT64_MIN, "", INT64_MIN, ""},
    {"9223372036854775807", INT64_MIN, "", 9223372036854775807LL, ""},
    {"9223372036854775808", INT64_MIN, "", INT64_MIN, ""},
    {"-9223372036854775808", -1LL, "invalid size: '-9223372036854775808'", INT64_MIN, ""},
    {"-9223372036854775809", -1LL, "invalid size: '-9223372036854775809'", -1LL,
     "invalid size: '-9223372036854775809'"},
    {"8e18", 8000000000000000000LL, "", 8000000000000000000LL, ""},
    {"9.3e18", INT64_MIN, "", INT64_MIN, ""},
    {"10p", 11258999068426240LL, "", 11258999068426240LL, ""},
    {"8192p", INT64_MIN, "", INT64_MIN, ""},
    {"8191.99p", 9223360777855707136LL, "", 9223360777855707136LL, ""},
    {"1.9", 1LL, "", 1LL, ""},
    {"1.", 1LL, "", 1LL, ""},
    {".5k", 512LL, "", 512LL, ""},
    {".", -1LL, "strconv.ParseFloat: parsing \".\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \".\": invalid syntax"},
    {"1..2", -1LL, "strconv.ParseFloat: parsing \"1..2\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1..2\": invalid syntax"},
    {"1.2.3", -1LL, "strconv.ParseFloat: parsing \"1.2.3\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1.2.3\": invalid syntax"},
    {"12 34", -1LL, "strconv.ParseFloat: parsing \"12 34\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"12 34\": invalid syntax"},
    {"1e", -1LL, "invalid suffix: 'e'", -1LL, "invalid suffix: 'e'"},
    {"1ek", -1LL, "invalid suffix: 'ek'", -1LL, "invalid suffix: 'ek'"},
    {"1e+", -1LL, "invalid suffix: 'e+'", -1LL, "invalid suffix: 'e+'"},
    {"1e+2", 100LL, "", 100LL, ""},
    {"1e-2k", 10LL, "", 10LL, ""},
    {"a1", -1LL, "strconv.ParseFloat: parsing \"a1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"a1\": invalid syntax"},
    {"1 1", -1LL, "strconv.ParseFloat: parsing \"1 1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1 1\": invalid syntax"},
    {"1a1", -1LL, "strconv.ParseFloat: parsing \"1a1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"1a1\": invalid syntax"},
    {"\0111", -1LL, "strconv.ParseFloat: parsing \"\\t1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\\t1\": invalid syntax"},
    {"1\011k", -1LL, "invalid suffix: '\011k'", -1LL, "invalid suffix: '\011k'"},
    {"\001 1", -1LL, "strconv.ParseFloat: parsing \"\\x01 1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\\x01 1\": invalid syntax"},
    {"\303\2511", -1LL, "strconv.ParseFloat: parsing \"\303\2511\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\303\2511\": invalid syntax"},
    {"\3771", -1LL, "strconv.ParseFloat: parsing \"\\xff1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\\xff1\": invalid syntax"},
    {"\302\2551", -1LL, "strconv.ParseFloat: parsing \"\\u00ad1\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\\u00ad1\": invalid syntax"},
    {"\302\2051", -1LL, "strconv.ParseFloat: parsing \"\\u00851\": invalid syntax", -1LL,
     "strconv.ParseFloat: parsing \"\\u00851\": invalid syntax"},
    {"1 \303\251", -1LL, "invalid suffix: '\303\251'", -1LL, "invalid suffix: '\303\251'"},
    {"1 K\303\211", -1LL, "invalid suffix: 'k\303\251'", -1LL, "invalid suffix: 'k\303\251'"},
    {"0.5b", 0LL, "", 0LL, ""},
    {"1.999999999999999999999", 2LL, "", 2LL, ""},
    {"4503599627370497.5", 4503599627370498LL, "", 4503599627370498LL, ""},
    {"0.0000000000000000000000000001p", 0LL, "", 0LL, ""},
};

TEST(GoBytesTest, MatchesGoUnitsAndComposeGo) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const GoBytesResult ram = ParseRamInBytes(c.text);
    EXPECT_EQ(ram.error, c.ram_error);
    EXPECT_EQ(ram.bytes, c.ram_bytes);
    const GoBytesResult unit = ParseUnitBytes(c.text);
    EXPECT_EQ(unit.error, c.unit_error);
    EXPECT_EQ(unit.bytes, c.unit_bytes);
    EXPECT_EQ(unit.ok(), std::string(c.unit_error).empty());
  }
}

TEST(GoBytesTest, FormatIsPlainDecimal) {
  EXPECT_EQ(FormatUnitBytes(0), "0");
  EXPECT_EQ(FormatUnitBytes(-1), "-1");
  EXPECT_EQ(FormatUnitBytes(1610612736), "1610612736");
  EXPECT_EQ(FormatUnitBytes(INT64_MIN), "-9223372036854775808");
}

TEST(GoBytesTest, RoundTripsThroughFormat) {
  const GoBytesResult r = ParseUnitBytes("2.5g");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatUnitBytes(r.bytes), "2684354560");
  EXPECT_EQ(ParseUnitBytes(FormatUnitBytes(r.bytes)).bytes, r.bytes);
}

TEST(GoBytesTest, ParseGoInt64IsStrconvParseIntBase10) {
  int64_t v = 0;
  EXPECT_TRUE(ParseGoInt64("+3", &v));
  EXPECT_EQ(v, 3);
  EXPECT_TRUE(ParseGoInt64("-9223372036854775808", &v));
  EXPECT_EQ(v, INT64_MIN);
  EXPECT_TRUE(ParseGoInt64("9223372036854775807", &v));
  EXPECT_EQ(v, INT64_MAX);
  for (const char* bad : {"", "-", "9223372036854775808", "-9223372036854775809", "1_0", " 1",
                          "0x10", "99999999999999999999999"}) {
    EXPECT_FALSE(ParseGoInt64(bad, &v)) << bad;
  }
}

}  // namespace
}  // namespace stackc::frontend
