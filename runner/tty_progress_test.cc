#include "runner/tty_progress.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace stackc::runner {
namespace {

using backends::docker::Step;
using backends::docker::StepKind;

std::string Render(const std::vector<std::pair<Step, bool>>& events) {
  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* f = open_memstream(&buffer, &size);
  {
    TtyProgress progress(f);
    for (const auto& [step, begin] : events) {
      if (begin) {
        progress.Begin(step);
      } else {
        progress.End(step, {});
      }
    }
  }
  std::fclose(f);
  std::string out(buffer, size);
  std::free(buffer);
  return out;
}

Step MakeStep(StepKind kind, std::string resource) {
  Step s;
  s.kind = kind;
  s.resource = std::move(resource);
  return s;
}

TEST(TtyProgressTest, OneLinePerResourceRedrawnInPlace) {
  const Step net = MakeStep(StepKind::kCreateNetwork, "p_default");
  const Step create = MakeStep(StepKind::kCreateContainer, "p-web-1");
  const Step start = MakeStep(StepKind::kStartContainer, "p-web-1");
  const std::string out = Render(
      {{net, true}, {net, false}, {create, true}, {create, false}, {start, true}, {start, false}});
  // The last frame: cursor up over the two lines, then both lines in their final state.
  const size_t last = out.rfind("\x1b[2A");
  ASSERT_NE(last, std::string::npos);
  EXPECT_EQ(out.substr(last),
            "\x1b[2A"
            "\x1b[2K \x1b[32m✔\x1b[0m Network p_default  Created\n"
            "\x1b[2K \x1b[32m✔\x1b[0m Container p-web-1  Started\n");
  EXPECT_NE(out.find("Starting"), std::string::npos);
}

}  // namespace
}  // namespace stackc::runner
