#include "runner/log_stream.h"

namespace stackc::runner {

void LogStream::Payload(int fd, std::string_view data) {
  std::string& partial = partial_[fd == 2 ? 2 : 1];
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    if (nl == std::string_view::npos) {
      partial.append(data);
      return;
    }
    partial.append(data.substr(0, nl));
    if (!partial.empty() && partial.back() == '\r') partial.pop_back();
    sink_(fd == 2 ? 2 : 1, partial);
    partial.clear();
    data.remove_prefix(nl + 1);
  }
}

void LogStream::Feed(std::string_view data) {
  if (tty_) {
    Payload(1, data);
    return;
  }
  while (!data.empty()) {
    if (frame_left_ > 0) {
      const size_t n = data.size() < frame_left_ ? data.size() : frame_left_;
      Payload(frame_fd_, data.substr(0, n));
      frame_left_ -= n;
      data.remove_prefix(n);
      continue;
    }
    const size_t need = 8 - header_.size();
    const size_t n = data.size() < need ? data.size() : need;
    header_.append(data.substr(0, n));
    data.remove_prefix(n);
    if (header_.size() < 8) return;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(header_[i]); };
    frame_fd_ = byte(0) == 2 ? 2 : 1;
    frame_left_ = (size_t{byte(4)} << 24) | (size_t{byte(5)} << 16) | (size_t{byte(6)} << 8) |
                  size_t{byte(7)};
    header_.clear();
  }
}

void LogStream::Finish() {
  for (int fd : {1, 2}) {
    if (!partial_[fd].empty()) {
      sink_(fd, partial_[fd]);
      partial_[fd].clear();
    }
  }
}

}  // namespace stackc::runner
