// Where a command's report goes: standard output, or the file of its -o/--output option.
//
// Example:
//   if (!WriteOutput(o.output, text)) return 2;  // "error: cannot write FILE" printed
#pragma once

#include <string>
#include <string_view>

namespace stackc::cli {

// Writes `text` to `path` (standard output when empty); prints the error and returns false when
// it cannot.
bool WriteOutput(const std::string& path, std::string_view text);

}  // namespace stackc::cli
