// The live progress display for a terminal: one line per resource, redrawn in place as its steps
// start and finish, as Docker Compose shows `up`.
//
//    ✔ Network shop_appdb       Created
//    ✔ Container shop-db-1      Started
//    ⠿ Container shop-web-1     Starting
//
// Lines appear in the order resources are first touched. Only names and states are shown, never
// a request or a value from the project.
//
// Example:
//   TtyProgress progress(stderr);   // when stderr is a terminal
//   Execute(plan, executors, progress, &interrupted);
//   progress.Finish();               // leaves the final state on screen
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "runner/apply.h"

namespace stackc::runner {

class TtyProgress final : public Progress {
 public:
  explicit TtyProgress(std::FILE* out) : out_(out) {}
  void Begin(const backends::docker::Step& step) override;
  void End(const backends::docker::Step& step, const StepOutcome& outcome) override;
  void Warn(const std::string& message) override;

 private:
  struct Line {
    std::string label;  // "Network shop_appdb"
    std::string state;  // "Creating", "Created", "Error"
    enum class Mark { kBusy, kDone, kFailed } mark = Mark::kBusy;
  };
  Line& LineFor(const backends::docker::Step& step);
  void Redraw();

  std::FILE* out_;
  std::vector<Line> lines_;
  std::map<std::string, size_t> index_;  // label -> line
  std::vector<std::string> warnings_;
  size_t drawn_ = 0;  // lines on screen from the last redraw
};

// "Creating", "Starting", "Waiting", ...: what a step is doing.
const char* StepBusyVerb(backends::docker::StepKind kind);

}  // namespace stackc::runner
