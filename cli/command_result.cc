#include "cli/command_result.h"

#include <cstdio>
#include <cstdlib>

namespace stackc::cli {

int Finish(CommandResult& result) {
#ifdef STACKC_FULL_TEARDOWN
  result.retained.clear();
  return result.exit_code;
#else
  std::fflush(nullptr);
  std::_Exit(result.exit_code);
#endif
}

}  // namespace stackc::cli
