#include "cli/output.h"

#include <cstdio>

#include <fmt/format.h>

namespace stackc::cli {

bool WriteOutput(const std::string& path, std::string_view text) {
  std::FILE* f = path.empty() ? stdout : std::fopen(path.c_str(), "wb");
  bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f != nullptr && f != stdout) ok = std::fclose(f) == 0 && ok;
  if (f == stdout) ok = std::fflush(stdout) == 0 && ok;
  if (!ok) fmt::print(stderr, "error: cannot write {}\n", path.empty() ? "stdout" : path);
  return ok;
}

}  // namespace stackc::cli
