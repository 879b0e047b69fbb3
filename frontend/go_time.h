// YAML timestamps as go-yaml resolves them and as Go prints the time.Time it decodes them into.
//
// compose-go decodes the YAML model with go-yaml v4, which turns a plain (unquoted, untagged)
// scalar of the shape `2006-1-2`, `2006-1-2 15:4:5.999999999` or `2006-1-2T15:4:5.999999999Z07:00`
// (also with `t`) into a time.Time. Where compose-go then wants text (labels, environment,
// annotations, sysctls, build args: fmt.Sprint), Docker Compose uses the time's String() form:
//
//   ParseYamlTimestamp("2024-01-05")                 -> 2024-01-05 00:00:00 UTC
//   GoTimeString(*ParseYamlTimestamp("2024-01-05"))  -> "2024-01-05 00:00:00 +0000 UTC"
//   GoTimeString(*ParseYamlTimestamp("2001-12-14t21:59:43.10-05:00"))
//                                                    -> "2001-12-14 21:59:43.1 -0500 -0500"
//   GoTimeRfc3339Nano(*ParseYamlTimestamp("2024-01-05")) -> "2024-01-05T00:00:00Z" (an `x-` value)
//   ParseYamlTimestamp("2024-02-30")                 -> nullopt (no such day: a string)
//
// A time with an explicit non-zero offset prints the offset as its zone name, as Go does for a
// zone it cannot name; an offset of zero prints `UTC`. Go names an offset after the local zone
// when they agree (`EST`); stackc, like the reference runs, takes the local zone to be UTC.
#ifndef STACKC_FRONTEND_GO_TIME_H_
#define STACKC_FRONTEND_GO_TIME_H_

#include <optional>
#include <string>
#include <string_view>

namespace stackc::frontend {

struct GoTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int nanosecond = 0;
  int offset_minutes = 0;  // east of UTC, as written; 0 for `Z` and for no zone
};

// go-yaml's parseTimestamp: time.Parse with each of its four layouts; nullopt when none parses.
std::optional<GoTime> ParseYamlTimestamp(std::string_view s);

inline bool IsYamlTimestamp(std::string_view s) { return ParseYamlTimestamp(s).has_value(); }

// Go's time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST".
std::string GoTimeString(const GoTime& t);

// The time as go-yaml writes a time.Time (and encoding/json too), time.RFC3339Nano:
// "2006-01-02T15:04:05.999999999Z07:00", `Z` for a zero offset.
std::string GoTimeRfc3339Nano(const GoTime& t);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_GO_TIME_H_
