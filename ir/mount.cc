#include "ir/mount.h"

namespace stackc::ir {

const char* MountTypeName(MountType type) {
  switch (type) {
    case MountType::kBind:
      return "bind";
    case MountType::kVolume:
      return "volume";
    case MountType::kTmpfs:
      return "tmpfs";
    case MountType::kNpipe:
      return "npipe";
    case MountType::kCluster:
      return "cluster";
    case MountType::kImage:
      return "image";
  }
  return "volume";
}

}  // namespace stackc::ir
