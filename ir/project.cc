#include "ir/project.h"

#include <algorithm>

namespace stackc::ir {

namespace {

template <typename T, typename KeyOf>
const T* Search(const std::vector<T>& sorted, std::string_view key, KeyOf key_of) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                             [&](const T& item, std::string_view k) { return key_of(item) < k; });
  return it != sorted.end() && key_of(*it) == key ? &*it : nullptr;
}

std::string_view ServiceKey(const Service& s) { return s.name.value; }

}  // namespace

const Service* Project::FindService(std::string_view name) const {
  return Search(services, name, ServiceKey);
}

const Service* Project::FindDisabledService(std::string_view name) const {
  return Search(disabled_services, name, ServiceKey);
}

const Network* Project::FindNetwork(std::string_view key) const {
  return Search(networks, key, [](const Network& n) { return std::string_view(n.key); });
}

const Volume* Project::FindVolume(std::string_view key) const {
  return Search(volumes, key, [](const Volume& v) { return std::string_view(v.key); });
}

const FileObject* Project::FindSecret(std::string_view key) const {
  return Search(secrets, key, [](const FileObject& f) { return std::string_view(f.key); });
}

const FileObject* Project::FindConfig(std::string_view key) const {
  return Search(configs, key, [](const FileObject& f) { return std::string_view(f.key); });
}

}  // namespace stackc::ir
