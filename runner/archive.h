// A tar archive built in memory with libarchive (loaded on first use, like libcurl), to copy
// files into a container through the Engine's archive endpoint.
//
// Example:
//   std::string tar, error;
//   if (!MakeTar({{"run/secrets/db", "hunter2", 0400, 0, 0}}, &tar, &error)) return Fail(error);
//   engine.CallRaw("PUT", "/containers/x/archive?path=/", tar, "application/x-tar");
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stackc::runner {

struct ArchiveFile {
  std::string path;  // relative to the extraction directory
  std::string content;
  uint32_t mode = 0444;
  int64_t uid = 0;
  int64_t gid = 0;
};

bool MakeTar(const std::vector<ArchiveFile>& files, std::string* tar, std::string* error);

}  // namespace stackc::runner
