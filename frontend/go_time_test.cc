#include "frontend/go_time.h"

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

std::string Sprint(std::string_view s) {
  const std::optional<GoTime> t = ParseYamlTimestamp(s);
  return t ? GoTimeString(*t) : "<string>";
}

// Expected values: what `docker compose config` (the compose-go oracle) prints for an environment
// variable set to the plain scalar.
TEST(GoTimeTest, PrintsWhatComposePrints) {
  EXPECT_EQ(Sprint("2001-12-14"), "2001-12-14 00:00:00 +0000 UTC");
  EXPECT_EQ(Sprint("2001-12-14 21:59:43.10"), "2001-12-14 21:59:43.1 +0000 UTC");
  EXPECT_EQ(Sprint("2001-12-14T21:59:43Z"), "2001-12-14 21:59:43 +0000 UTC");
  EXPECT_EQ(Sprint("2001-12-14t21:59:43.10-05:00"), "2001-12-14 21:59:43.1 -0500 -0500");
  EXPECT_EQ(Sprint("2024-1-5T3:4:5+05:30"), "2024-01-05 03:04:05 +0530 +0530");
  EXPECT_EQ(Sprint("2024-01-05T00:00:00+00:00"), "2024-01-05 00:00:00 +0000 UTC");
  // Nine digits of nanoseconds count; more are dropped; trailing zeros are not printed.
  EXPECT_EQ(Sprint("2024-01-05 00:00:00.1234567891"), "2024-01-05 00:00:00.123456789 +0000 UTC");
  EXPECT_EQ(Sprint("2024-01-05 00:00:00.000"), "2024-01-05 00:00:00 +0000 UTC");
  EXPECT_EQ(Sprint("2024-01-05   7:08:09"), "2024-01-05 07:08:09 +0000 UTC");
}

// What `docker compose config` prints for an `x-` extension set to the plain scalar.
TEST(GoTimeTest, WritesRfc3339NanoAsGoYamlDoes) {
  auto rfc = [](std::string_view s) { return GoTimeRfc3339Nano(*ParseYamlTimestamp(s)); };
  EXPECT_EQ(rfc("2001-12-14"), "2001-12-14T00:00:00Z");
  EXPECT_EQ(rfc("2001-12-14t21:59:43.10-05:00"), "2001-12-14T21:59:43.1-05:00");
  EXPECT_EQ(rfc("2001-12-14 21:59:43.10"), "2001-12-14T21:59:43.1Z");
  EXPECT_EQ(rfc("2024-1-5T3:4:5+05:30"), "2024-01-05T03:04:05+05:30");
}

TEST(GoTimeTest, RejectsWhatTimeParseRejects) {
  for (const char* s :
       {"2024-02-30", "2023-02-29", "2024-13-01", "24-01-05", "2024/01/05", "2024-01-05T10:00:00",
        "2024-01-05 24:00:00", "2024-01-05T10:00:00+25:00", "2024-01-05x", "2024-01-05 10:00",
        "v2024-01-05", "2024-01-05T10:00:00Zx"}) {
    EXPECT_FALSE(IsYamlTimestamp(s)) << s;
  }
  EXPECT_TRUE(IsYamlTimestamp("2024-02-29"));
  EXPECT_TRUE(IsYamlTimestamp("2000-02-29"));
  EXPECT_FALSE(IsYamlTimestamp("1900-02-29"));
}

}  // namespace
}  // namespace stackc::frontend
