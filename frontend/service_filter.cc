#include <algorithm>
#include <deque>
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

bool Loader::Profiles(Node& model) {
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
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  auto has_profile = [&](const Node& svc) {
    const Node* profiles = svc.is_map() ? svc.Find("profiles") : nullptr;
    if (!profiles || !profiles->is_seq() || profiles->items.empty()) return true;
    for (const std::string& p : active) {
      if (p == "*") return true;
      for (const Node& sp : profiles->items) {
        if (sp.GoString() == p) return true;
      }
    }
    return false;
  };
  for (const std::string& wanted : req_.services) {
    const Node* svc = services->Find(wanted);
    if (!svc || has_profile(*svc)) continue;
    if (const Node* profiles = svc->Find("profiles"); profiles && profiles->is_seq()) {
      for (const Node& p : profiles->items) active.push_back(p.GoString());
    }
  }
  ir::ThinVector<MapEntry> enabled;
  for (MapEntry& s : services->entries) {
    if (has_profile(s.value)) {
      enabled.push_back(std::move(s));
    } else {
      disabled_.entries.push_back(std::move(s));
    }
  }
  services->entries = std::move(enabled);
  return true;
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
  // Names as views into the services, which stay as they are here; a value that is not a string
  // is kept in `owned`.
  std::unordered_set<std::string_view> networks, volumes, secrets, configs, models;
  std::deque<std::string> owned;
  auto name_of = [&owned](const Node& n) -> std::string_view {
    if (n.is_string()) return n.text;
    return owned.emplace_back(n.GoString());
  };
  if (const Node* services = model.Find("services"); services && services->is_map()) {
    for (const MapEntry& s : services->entries) {
      const Node& svc = s.value;
      if (!svc.is_map()) continue;
      if (const Node* n = svc.Find("networks"); n && n->is_map()) {
        for (const MapEntry& e : n->entries) networks.insert(e.key);
      }
      if (const Node* v = svc.Find("volumes"); v && v->is_seq()) {
        for (const Node& m : v->items) {
          const Node* type = m.is_map() ? m.Find("type") : nullptr;
          const Node* src = m.is_map() ? m.Find("source") : nullptr;
          if (type && type->text == "volume" && src) {
            const std::string_view name = name_of(*src);
            if (!name.empty()) volumes.insert(name);
          }
        }
      }
      auto sources = [&name_of](const Node* list, std::unordered_set<std::string_view>& into) {
        if (!list || !list->is_seq()) return;
        for (const Node& r : list->items) {
          const Node* src = r.is_map() ? r.Find("source") : nullptr;
          into.insert(src ? name_of(*src) : std::string_view());
        }
      };
      sources(svc.Find("secrets"), secrets);
      if (const Node* build = svc.Find("build"); build && build->is_map()) {
        sources(build->Find("secrets"), secrets);
      }
      sources(svc.Find("configs"), configs);
      if (const Node* m = svc.Find("models"); m && m->is_map()) {
        for (const MapEntry& e : m->entries) models.insert(e.key);
      }
    }
  }
  for (auto [key, used] :
       {std::pair<const char*, std::unordered_set<std::string_view>*>{"networks", &networks},
        {"volumes", &volumes},
        {"secrets", &secrets},
        {"configs", &configs},
        {"models", &models}}) {
    Node* res = model.Find(key);
    if (!res || !res->is_map()) continue;
    erase_if(res->entries, [&](const MapEntry& e) { return !used->count(e.key); });
  }
}

}  // namespace stackc::frontend::loader_internal
