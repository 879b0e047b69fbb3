// What a subcommand hands back to main: its exit code and the large objects it built.
//
// Freeing a loaded project node by node is a sixth of `stackc config`'s time on a project of
// 2,000 services, and the kernel reclaims the memory at exit anyway. So commands retain what they
// built here, and Finish ends the process without destroying it, as clang does with
// -disable-free. Builds with sanitizers (STACKC_FULL_TEARDOWN) destroy everything, so leaks are
// still found.
//
// Example:
//   CommandResult result;
//   auto project = result.Retain(std::make_shared<frontend::LoadedProject>());
//   ...
//   result.exit_code = 0;
//   return Finish(result);  // from main
#pragma once

#include <memory>
#include <vector>

namespace stackc::cli {

struct CommandResult {
  int exit_code = 0;
  std::vector<std::shared_ptr<const void>> retained;

  template <typename T>
  std::shared_ptr<T> Retain(std::shared_ptr<T> object) {
    retained.push_back(object);
    return object;
  }
};

// Flushes the standard streams and ends the process with result.exit_code; with a full teardown
// it returns the exit code for main to return instead.
int Finish(CommandResult& result);

}  // namespace stackc::cli
