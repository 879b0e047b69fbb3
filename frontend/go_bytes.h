// Byte sizes: compose-go's `UnitBytes` (mem_limit, memswap_limit, shm_size, tmpfs size,
// deploy.resources memory, ...), parsed from a string and printed back.
//
// A string is first tried as a base-10 int64 (so "-1" and "+5" work), then as
// github.com/docker/go-units v0.5.0 `RAMInBytes`: a Go float, an optional single space, and
// an optional case-insensitive unit k/m/g/t/p (powers of 1024) with an optional "b" or "ib";
// a bare "b" means bytes. Fractions are truncated after scaling.
//
//   ParseUnitBytes("1g")    -> 1073741824      ParseUnitBytes("1.5GB") -> 1610612736
//   ParseUnitBytes("512 m") -> 536870912       ParseUnitBytes("-1")    -> -1
//   ParseUnitBytes("1x")    -> error "invalid suffix: 'x'"
//   FormatUnitBytes(1073741824) -> "1073741824"
//
// compose-go prints a UnitBytes as the decimal number in a *string* (`fmt.Sprintf("%d")`):
// YAML output quotes it ("1073741824"), JSON output writes "1073741824" with quotes too.
#ifndef STACKC_FRONTEND_GO_BYTES_H_
#define STACKC_FRONTEND_GO_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace stackc::frontend {

struct GoBytesResult {
  int64_t bytes = 0;  // -1 on error, as in Go
  std::string error;  // Go's message; empty on success

  bool ok() const { return error.empty(); }
};

// compose-go `UnitBytes` decoding of a string: strconv.ParseInt, else RAMInBytes.
GoBytesResult ParseUnitBytes(std::string_view text);

// go-units `RAMInBytes` alone. Negative sizes are rejected ("invalid size: '-1'"). As on amd64,
// a scaled size of 2^63 or more (or NaN, from "nan b") converts to INT64_MIN.
GoBytesResult ParseRamInBytes(std::string_view text);

// Go's strconv.ParseInt(text, 10, 64): an optional sign, decimal digits, no underscores, in range.
bool ParseGoInt64(std::string_view text, int64_t* out);

// The text compose-go prints for a UnitBytes: the decimal number.
std::string FormatUnitBytes(int64_t bytes);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_GO_BYTES_H_
