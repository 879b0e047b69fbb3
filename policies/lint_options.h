// Which rules a lint run uses: codes or code prefixes, as ruff takes them ("CTR" is every
// container rule, "CTR001" one rule); an empty `select` means every rule.
//
// Example:
//   Selected("IMG001", LintOptions{.ignore = {"IMG"}})  // false
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stackc::policies {

struct LintOptions {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

// Whether `code` is chosen by the options (an unknown prefix chooses nothing).
bool Selected(std::string_view code, const LintOptions& options);

}  // namespace stackc::policies
