#include "runner/log_stream.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::runner {
namespace {

std::string Frame(char stream, const std::string& payload) {
  std::string f = {stream, 0, 0, 0};
  const size_t n = payload.size();
  f += static_cast<char>((n >> 24) & 0xff);
  f += static_cast<char>((n >> 16) & 0xff);
  f += static_cast<char>((n >> 8) & 0xff);
  f += static_cast<char>(n & 0xff);
  return f + payload;
}

std::vector<std::string> Lines(bool tty, const std::string& data, size_t chunk) {
  std::vector<std::string> out;
  LogStream s(tty, [&](int fd, std::string_view line) {
    out.push_back(std::to_string(fd) + ":" + std::string(line));
  });
  for (size_t i = 0; i < data.size(); i += chunk) s.Feed(std::string_view(data).substr(i, chunk));
  s.Finish();
  return out;
}

TEST(LogStreamTest, DemultiplexesFramesCutAnywhere) {
  const std::string data = Frame(1, "hello\nwor") + Frame(2, "oops\n") + Frame(1, "ld\nlast");
  const std::vector<std::string> want = {"1:hello", "2:oops", "1:world", "1:last"};
  for (size_t chunk : {1, 3, 7, 64}) EXPECT_EQ(Lines(false, data, chunk), want) << chunk;
}

TEST(LogStreamTest, TtyStreamIsRaw) {
  EXPECT_EQ(Lines(true, "a\r\nb\nc", 2), (std::vector<std::string>{"1:a", "1:b", "1:c"}));
}

}  // namespace
}  // namespace stackc::runner
