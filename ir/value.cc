#include "ir/value.h"

namespace stackc::ir {

const Value* Value::Find(std::string_view key) const {
  for (const ValueEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

}  // namespace stackc::ir
