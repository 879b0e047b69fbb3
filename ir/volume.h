// A named volume of the project (`volumes.*`).
//
// Example (volumes: {data: {}} in project "shop"):
//   Volume{.key = "data", .name = "shop_data"}
#pragma once

#include <string>
#include <vector>

#include "ir/source.h"
#include "ir/value.h"

namespace stackc::ir {

struct Volume {
  std::string key;   // the name in the compose file
  std::string name;  // the Engine resource name
  std::string driver;
  std::vector<KeyValue> driver_opts;
  bool external = false;
  std::vector<KeyValue> labels;
  Span span;
};

}  // namespace stackc::ir
