// A mount of a service (`services.*.volumes`), in long form.
//
// Example (services.db.volumes: ["data:/var/lib/mysql:ro"]):
//   Mount{.type = MountType::kVolume, .source = "data", .target = "/var/lib/mysql",
//         .read_only = true}
#pragma once

#include <optional>
#include <string>

#include "ir/source.h"

namespace stackc::ir {

enum class MountType { kBind, kVolume, kTmpfs, kNpipe, kCluster, kImage };

struct Mount {
  MountType type = MountType::kVolume;
  std::string source;  // host path (bind, absolute after path resolution), volume key, image; may
                       // be empty (an anonymous volume, tmpfs)
  std::string target;  // path in the container
  bool read_only = false;
  std::string consistency;
  // bind
  std::string propagation;
  bool create_host_path = false;
  std::string selinux;  // "z", "Z" or empty
  // volume
  bool nocopy = false;
  std::string subpath;
  // tmpfs
  std::optional<int64_t> tmpfs_size;  // bytes
  std::optional<uint32_t> tmpfs_mode;
  Span span;
};

// "bind", "volume", "tmpfs", "npipe", "cluster", "image".
const char* MountTypeName(MountType type);

}  // namespace stackc::ir
