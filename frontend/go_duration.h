// Go durations: the text form compose-go accepts for healthcheck `interval`, `timeout`,
// `start_period`, `start_interval`, `stop_grace_period`, restart delays and the like, and the
// text form `docker compose config` prints them in.
//
// Parsing follows github.com/xhit/go-str2duration/v2 (v2.1.0), which compose-go uses: Go's
// `time.ParseDuration` syntax plus the units `d` (24h) and `w` (168h). Formatting is Go's
// `time.Duration.String()`, which never uses days:
//
//   ParseGoDuration("1h5m30s20ms")  -> 3930020000000 ns
//   ParseGoDuration("1.5d")         -> 129600000000000 ns
//   ParseGoDuration("10")           -> error `time: missing unit in duration "10"`
//   FormatGoDuration(60'000'000'000) -> "1m0s";  FormatGoDuration(500'000) -> "500µs"
#ifndef STACKC_FRONTEND_GO_DURATION_H_
#define STACKC_FRONTEND_GO_DURATION_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace stackc::frontend {

struct GoDurationResult {
  int64_t nanoseconds = 0;
  std::string error;  // Go's message; empty on success

  bool ok() const { return error.empty(); }
};

// Parses `[-+]?([0-9]*(\.[0-9]*)?(ns|us|µs|μs|ms|s|m|h|d|w))+` or "0" (str2duration).
// compose-go passes YAML numbers through fmt.Sprint first, so `interval: 10` arrives as "10".
GoDurationResult ParseGoDuration(std::string_view text);

// Go's time.Duration.String(): "0s", "1ns", "1.5µs", "2.25ms", "1m0s", "1h5m30.02s", "-1s".
std::string FormatGoDuration(int64_t nanoseconds);

// Same, appended to `*out`.
void AppendGoDuration(int64_t nanoseconds, std::string* out);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_GO_DURATION_H_
