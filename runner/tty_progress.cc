#include "runner/tty_progress.h"

#include <algorithm>

#include <fmt/format.h>

namespace stackc::runner {

using backends::docker::Step;
using backends::docker::StepKind;

const char* StepBusyVerb(StepKind kind) {
  switch (kind) {
    case StepKind::kCreateNetwork:
    case StepKind::kCreateVolume:
    case StepKind::kCreateContainer:
      return "Creating";
    case StepKind::kRemoveNetwork:
    case StepKind::kRemoveVolume:
    case StepKind::kRemoveContainer:
      return "Removing";
    case StepKind::kConnectNetwork:
      return "Connecting";
    case StepKind::kCopyFiles:
      return "Copying files";
    case StepKind::kBuildImage:
      return "Building";
    case StepKind::kStartContainer:
      return "Starting";
    case StepKind::kStopContainer:
      return "Stopping";
    case StepKind::kWaitHealthy:
    case StepKind::kWaitCompleted:
    case StepKind::kWaitRunning:
      return "Waiting";
    case StepKind::kRunHook:
      return "Running hook";
  }
  return "Working";
}

namespace {

std::string Capitalised(const char* verb) {
  std::string s = verb;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

TtyProgress::Line& TtyProgress::LineFor(const Step& step) {
  const std::string noun = Capitalised(StepNoun(step.kind));
  const std::string label = fmt::format("{} {}", noun, step.resource);
  auto it = index_.find(label);
  if (it != index_.end()) return lines_[it->second];
  index_[label] = lines_.size();
  lines_.push_back(Line{label, "", Line::Mark::kBusy});
  return lines_.back();
}

void TtyProgress::Begin(const Step& step) {
  Line& line = LineFor(step);
  line.state = StepBusyVerb(step.kind);
  line.mark = Line::Mark::kBusy;
  Redraw();
}

void TtyProgress::End(const Step& step, const StepOutcome& outcome) {
  Line& line = LineFor(step);
  line.state = outcome.ok ? Capitalised(StepDoneVerb(step.kind)) : "Error";
  line.mark = outcome.ok ? Line::Mark::kDone : Line::Mark::kFailed;
  Redraw();
}

void TtyProgress::Warn(const std::string& message) {
  warnings_.push_back(message);
  Redraw();
}

void TtyProgress::Redraw() {
  size_t width = 0;
  for (const Line& l : lines_) width = std::max(width, l.label.size());
  std::string out;
  if (drawn_ > 0) out += fmt::format("\x1b[{}A", drawn_);  // back to the first line we drew
  for (const Line& l : lines_) {
    const char* mark = l.mark == Line::Mark::kDone     ? "\x1b[32m✔\x1b[0m"
                       : l.mark == Line::Mark::kFailed ? "\x1b[31m✘\x1b[0m"
                                                       : "\x1b[34m⠿\x1b[0m";
    out += fmt::format("\x1b[2K {} {:<{}}  {}\n", mark, l.label, width, l.state);
  }
  for (const std::string& w : warnings_) out += fmt::format("\x1b[2K warning: {}\n", w);
  drawn_ = lines_.size() + warnings_.size();
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

}  // namespace stackc::runner
