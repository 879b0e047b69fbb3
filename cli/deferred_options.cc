#include "cli/deferred_options.h"

#include <cstddef>
#include <utility>

#include <CLI/CLI.hpp>

namespace stackc::cli {

void DeferOptions(CLI::App* cmd, std::function<void(CLI::App&)> declare) {
  // CLI11 calls the pre-parse callback once per parse, before the first argument of cmd.
  cmd->preparse_callback([cmd, declare = std::move(declare)](std::size_t) { declare(*cmd); });
}

}  // namespace stackc::cli
