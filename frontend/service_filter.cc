#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "frontend/key_index.h"
#include "frontend/loader_impl.h"

namespace stackc::frontend::loader_internal {

std::vector<std::string> Loader::ActiveProfiles(const Node* services) const {
  std::vector<std::string> active = req_.profiles;
  if (active.empty()) {
    auto it = env_.find("COMPOSE_PROFILES");
    const std::string list = it == env_.end() ? "" : it->second;
    size_t start = 0;
    while (true) {
      const size_t comma = list.find(',', start);
      std::string p =
          list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const size_t b = p.find_first_not_of(" \t\n\r");
      const size_t e = p.find_last_not_of(" \t\n\r");
      active.push_back(b == std::string::npos ? "" : p.substr(b, e - b + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  // Selecting a disabled service by name enables its profiles.
  if (services == nullptr || !services->is_map()) return active;
  for (const std::string& wanted : req_.services) {
    const Node* svc = services->Find(wanted);
    if (!svc || HasActiveProfile(*svc, active)) continue;
    if (const Node* profiles = svc->Find("profiles"); profiles && profiles->is_seq()) {
      for (const Node& p : profiles->items) active.push_back(p.GoString());
    }
  }
  return active;
}

bool Loader::HasActiveProfile(const Node& svc, const std::vector<std::string>& active) {
  const Node* profiles = svc.is_map() ? svc.Find("profiles") : nullptr;
  if (!profiles || !profiles->is_seq() || profiles->items.empty()) return true;
  for (const std::string& p : active) {
    if (p == "*") return true;
    for (const Node& sp : profiles->items) {
      if (sp.GoString() == p) return true;
    }
  }
  return false;
}

// Project.WithSelectedServices: the named services and, transitively, what they depend on; the
// others are set aside and dependencies on them dropped.
bool Loader::SelectServices(Node& model) {
  if (req_.services.empty()) return true;
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  std::set<std::string> selected;
  const KeyIndex index(services);
  // Worklist (not recursion): a long depends_on chain cannot exhaust the stack.
  std::vector<std::pair<std::string, const Node*>> work;
  for (auto it = req_.services.rbegin(); it != req_.services.rend(); ++it)
    work.emplace_back(*it, nullptr);
  while (!work.empty()) {
    auto [name, dependency] = work.back();
    work.pop_back();
    if (selected.count(name)) continue;
    const MapEntry* entry = index.Find(name);
    const Node* svc = entry ? &entry->value : nullptr;
    if (!svc) {
      const Node* required =
          dependency && dependency->is_map() ? dependency->Find("required") : nullptr;
      if (!dependency || !required || required->AsBool().value_or(true)) {
        Error(fmt::format("no such service: {}", name));
        return false;
      }
      continue;
    }
    selected.insert(name);
    if (const Node* deps = svc->is_map() ? svc->Find("depends_on") : nullptr;
        deps && deps->is_map()) {
      for (auto d = deps->entries.rbegin(); d != deps->entries.rend(); ++d) {
        work.emplace_back(d->key, &d->value);
      }
    }
  }
  ir::ThinVector<MapEntry> kept;
  for (MapEntry& s : services->entries) {
    if (!selected.count(s.key)) {
      disabled_.entries.push_back(std::move(s));
      continue;
    }
    if (Node* deps = s.value.is_map() ? s.value.Find("depends_on") : nullptr;
        deps && deps->is_map()) {
      erase_if(deps->entries, [&](const MapEntry& d) { return !selected.count(d.key); });
    }
    kept.push_back(std::move(s));
  }
  services->entries = std::move(kept);
  return true;
}

// Project.WithoutUnnecessaryResources: only the networks, volumes, secrets, configs and models that
// an enabled service uses are kept (docker compose does this unless --all-resources).
void Loader::PruneResources(Node& model) {
  UsedResources used;
  if (const Node* services = model.Find("services"); services && services->is_map()) {
    for (const MapEntry& s : services->entries) used.Add(s.value);
  }
  used.Prune(model);
}

std::string_view UsedResources::NameOf(const Node& n) {
  if (n.is_string()) return n.text;
  return owned_.emplace_back(n.GoString());
}

void UsedResources::Add(const Node& svc) {
  if (!svc.is_map()) return;
  if (const Node* n = svc.Find("networks"); n && n->is_map()) {
    for (const MapEntry& e : n->entries) networks_.insert(e.key);
  }
  if (const Node* v = svc.Find("volumes"); v && v->is_seq()) {
    for (const Node& m : v->items) {
      const Node* type = m.is_map() ? m.Find("type") : nullptr;
      const Node* src = m.is_map() ? m.Find("source") : nullptr;
      if (type && type->text == "volume" && src) {
        const std::string_view name = NameOf(*src);
        if (!name.empty()) volumes_.insert(name);
      }
    }
  }
  auto sources = [this](const Node* list, std::unordered_set<std::string_view>& into) {
    if (!list || !list->is_seq()) return;
    for (const Node& r : list->items) {
      const Node* src = r.is_map() ? r.Find("source") : nullptr;
      into.insert(src ? NameOf(*src) : std::string_view());
    }
  };
  sources(svc.Find("secrets"), secrets_);
  if (const Node* build = svc.Find("build"); build && build->is_map()) {
    sources(build->Find("secrets"), secrets_);
  }
  sources(svc.Find("configs"), configs_);
  if (const Node* m = svc.Find("models"); m && m->is_map()) {
    for (const MapEntry& e : m->entries) models_.insert(e.key);
  }
}

void UsedResources::Prune(Node& model) const {
  for (auto [key, used] :
       {std::pair<const char*, const std::unordered_set<std::string_view>*>{"networks", &networks_},
        {"volumes", &volumes_},
        {"secrets", &secrets_},
        {"configs", &configs_},
        {"models", &models_}}) {
    Node* res = model.Find(key);
    if (!res || !res->is_map()) continue;
    erase_if(res->entries, [&](const MapEntry& e) { return !used->count(e.key); });
  }
}

}  // namespace stackc::frontend::loader_internal
