// The Engine's container log stream, split into lines.
//
// Without a TTY the Engine multiplexes stdout and stderr into frames: an 8-byte header (stream:
// 1 stdout, 2 stderr; three zero bytes; the payload size, big-endian) and the payload. With a TTY
// the stream is the raw terminal output. Chunks arrive cut anywhere; LogStream buffers them and
// hands out whole lines (without the newline), and what is left at the end by Finish.
//
// Example:
//   LogStream stream(/*tty=*/false, [](int fd, std::string_view line) { ... });
//   stream.Feed(chunk);   // as the HTTP body arrives
//   stream.Finish();
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace stackc::runner {

class LogStream {
 public:
  // `fd` is 1 for stdout, 2 for stderr (always 1 with a TTY).
  using LineSink = std::function<void(int fd, std::string_view line)>;

  LogStream(bool tty, LineSink sink) : tty_(tty), sink_(std::move(sink)) {}
  void Feed(std::string_view data);
  void Finish();

 private:
  void Payload(int fd, std::string_view data);

  bool tty_;
  LineSink sink_;
  std::string header_;     // a frame header being collected
  size_t frame_left_ = 0;  // payload bytes of the current frame still to come
  int frame_fd_ = 1;
  std::string partial_[3];  // an unfinished line per stream
};

}  // namespace stackc::runner
