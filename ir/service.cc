#include "ir/service.h"

namespace stackc::ir {

const char* ConditionName(Dependency::Condition condition) {
  switch (condition) {
    case Dependency::Condition::kStarted:
      return "service_started";
    case Dependency::Condition::kHealthy:
      return "service_healthy";
    case Dependency::Condition::kCompletedSuccessfully:
      return "service_completed_successfully";
  }
  return "service_started";
}

int64_t Service::Replicas() const {
  if (scale) return scale->value;
  if (replicas) return replicas->value;
  return 1;
}

const NetworkAttachment* Service::FindNetwork(std::string_view key) const {
  for (const NetworkAttachment& n : networks) {
    if (n.network == key) return &n;
  }
  return nullptr;
}

}  // namespace stackc::ir
