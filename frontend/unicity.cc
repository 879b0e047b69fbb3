// EnforceUnicity (declared in merge.h): compose-go's override/uncity.go on the node tree.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frontend/merge.h"
#include "frontend/volume_spec.h"

namespace stackc::frontend {
namespace {

enum class Indexer { kKeyValue, kVolume, kDevice, kConfig, kSecret, kExpose, kPort, kEnvFile };

struct IndexerPattern {
  std::string_view pattern;
  Indexer indexer;
};

constexpr IndexerPattern kUnique[] = {
    {"networks.*.labels", Indexer::kKeyValue},
    {"networks.*.ipam.options", Indexer::kKeyValue},
    {"services.*.annotations", Indexer::kKeyValue},
    {"services.*.build.args", Indexer::kKeyValue},
    {"services.*.build.additional_contexts", Indexer::kKeyValue},
    {"services.*.build.platform", Indexer::kKeyValue},
    {"services.*.build.tags", Indexer::kKeyValue},
    {"services.*.build.labels", Indexer::kKeyValue},
    {"services.*.cap_add", Indexer::kKeyValue},
    {"services.*.cap_drop", Indexer::kKeyValue},
    {"services.*.configs", Indexer::kConfig},
    {"services.*.deploy.labels", Indexer::kKeyValue},
    {"services.*.dns", Indexer::kKeyValue},
    {"services.*.dns_opt", Indexer::kKeyValue},
    {"services.*.dns_search", Indexer::kKeyValue},
    {"services.*.environment", Indexer::kKeyValue},
    {"services.*.env_file", Indexer::kEnvFile},
    {"services.*.expose", Indexer::kExpose},
    {"services.*.labels", Indexer::kKeyValue},
    {"services.*.links", Indexer::kKeyValue},
    {"services.*.networks.*.aliases", Indexer::kKeyValue},
    {"services.*.networks.*.link_local_ips", Indexer::kKeyValue},
    {"services.*.ports", Indexer::kPort},
    {"services.*.profiles", Indexer::kKeyValue},
    {"services.*.secrets", Indexer::kSecret},
    {"services.*.sysctls", Indexer::kKeyValue},
    {"services.*.tmpfs", Indexer::kKeyValue},
    {"services.*.volumes", Indexer::kVolume},
    // compose-go registers devices twice; the device-mapping indexer is the one that stays.
    {"services.*.devices", Indexer::kDevice},
};

struct Key {
  std::string key;
  std::string error;  // set on failure
};

Key Fail(std::string error) { return Key{{}, std::move(error)}; }

const Node* Field(const Node& map, std::string_view key) { return map.Find(key); }

// The path of a list item, for error messages only: built when one is reported.
struct ItemPath {
  const std::string& list;
  size_t index;
  std::string str() const { return list + ".[" + std::to_string(index) + "]"; }
};

Key MountKey(const Node& entry, std::string_view default_dir, const ItemPath& path) {
  if (entry.is_string()) return Key{std::string(default_dir) + "/" + entry.text, {}};
  if (entry.is_map()) {
    if (const Node* target = Field(entry, "target")) return Key{GoFormat(*target, 'v'), {}};
    const Node* source = Field(entry, "source");
    return Key{std::string(default_dir) + "/" + (source ? GoFormat(*source, 's') : "%!s(<nil>)"),
               {}};
  }
  return Fail(path.str() + ": unsupported expose value " + GoFormat(entry, 's'));
}

Key IndexOf(Indexer indexer, const Node& entry, const ItemPath& path) {
  switch (indexer) {
    case Indexer::kKeyValue:
      if (!entry.is_string()) return Fail(path.str() + ": unexpected type " + GoTypeName(entry));
      return Key{entry.text.substr(0, entry.text.find('=')), {}};
    case Indexer::kVolume:
      if (entry.is_map()) {
        const Node* target = Field(entry, "target");
        if (target == nullptr || !target->is_string()) {
          return Fail("service volume " + path.str() + " is missing a mount target");
        }
        return Key{target->text, {}};
      }
      if (entry.is_string()) {
        VolumeSpecResult parsed = ParseVolumeSpec(entry.text);
        if (!parsed.ok()) return Fail(parsed.error);
        return Key{parsed.volume.target, {}};
      }
      return Key{};
    case Indexer::kDevice:
      if (entry.is_map()) {
        const Node* target = Field(entry, "target");
        if (target == nullptr || !target->is_string()) {
          return Fail("service device " + path.str() + " is missing a mount target");
        }
        return Key{target->text, {}};
      }
      if (entry.is_string()) {
        const size_t first = entry.text.find(':');
        if (first == std::string::npos) return Key{entry.text, {}};
        const size_t second = entry.text.find(':', first + 1);
        return Key{entry.text.substr(first + 1, second == std::string::npos ? std::string::npos
                                                                            : second - first - 1),
                   {}};
      }
      return Key{};
    case Indexer::kConfig:
      return MountKey(entry, "", path);
    case Indexer::kSecret:
      return MountKey(entry, "/run/secrets", path);
    case Indexer::kExpose:
      if (entry.is_string()) return Key{entry.text, {}};
      if (entry.is_scalar() && entry.type == ScalarType::kInt) return Key{entry.GoString(), {}};
      return Fail(path.str() + ": unsupported expose value " + GoFormat(entry, 's'));
    case Indexer::kPort: {
      if (entry.is_scalar() && entry.type == ScalarType::kInt) return Key{entry.GoString(), {}};
      if (entry.is_string()) return Key{entry.text, {}};
      if (!entry.is_map()) return Key{};
      const Node* target = Field(entry, "target");
      if (target == nullptr)
        return Fail("service ports " + path.str() + " is missing a target port");
      const Node* published = Field(entry, "published");
      const Node* host = Field(entry, "host_ip");
      const Node* protocol = Field(entry, "protocol");
      std::string key = host ? GoFormat(*host, 's') : "0.0.0.0";
      key += ':' + (published ? GoFormat(*published, 's') : "%!s(<nil>)");
      key += ':' + GoFormat(*target, 'd');
      key += '/' + (protocol ? GoFormat(*protocol, 's') : "tcp");
      return Key{std::move(key), {}};
    }
    case Indexer::kEnvFile:
      if (entry.is_string()) return Key{entry.text, {}};
      if (entry.is_map()) {
        if (const Node* p = Field(entry, "path")) return Key{GoFormat(*p, 'v'), {}};
        return Fail("environment path attribute " + path.str() + " is missing");
      }
      return Key{};
  }
  return Key{};
}

// kUnique's patterns as a trie over path segments ("*" matches any key), built once per
// EnforceUnicity: the walk follows it, so it descends only where some pattern lies below.
struct TrieNode {
  std::vector<std::pair<std::string_view, size_t>> children;  // segment -> node index
  std::optional<Indexer> indexer;                             // a pattern ends here
};

using ViewPath = std::vector<std::string_view>;

std::vector<TrieNode> BuildTrie() {
  std::vector<TrieNode> trie(1);
  for (const IndexerPattern& p : kUnique) {
    size_t node = 0;
    std::string_view rest = p.pattern;
    while (true) {
      const size_t dot = rest.find('.');
      const std::string_view part = rest.substr(0, dot);
      auto& kids = trie[node].children;
      auto it =
          std::find_if(kids.begin(), kids.end(), [&](const auto& c) { return c.first == part; });
      if (it == kids.end()) {
        trie.emplace_back();
        trie[node].children.emplace_back(part, trie.size() - 1);
        node = trie.size() - 1;
      } else {
        node = it->second;
      }
      if (dot == std::string_view::npos) break;
      rest.remove_prefix(dot + 1);
    }
    if (!trie[node].indexer) trie[node].indexer = p.indexer;  // the first pattern wins
  }
  return trie;
}

MergeStatus Unique(Node& seq, Indexer indexer, const ViewPath& path) {
  // Most lists hold a few entries and no duplicates: find the keys first and rebuild the list only
  // when one repeats.
  std::string prefix;
  for (std::string_view part : path) {
    if (!prefix.empty()) prefix += '.';
    prefix += part;
  }
  std::vector<std::string> keys;
  keys.reserve(seq.items.size());
  bool repeated = false;
  std::unordered_map<std::string_view, size_t> seen;
  const bool hashed = seq.items.size() > 16;
  for (size_t i = 0; i < seq.items.size(); ++i) {
    Key key = IndexOf(indexer, seq.items[i], ItemPath{prefix, i});
    if (!key.error.empty()) return MergeStatus{std::move(key.error), seq.items[i].span};
    keys.push_back(std::move(key.key));
  }
  for (size_t i = 0; i < keys.size() && !repeated; ++i) {
    if (hashed) {
      repeated = !seen.emplace(keys[i], i).second;
    } else {
      for (size_t j = 0; j < i && !repeated; ++j) repeated = keys[j] == keys[i];
    }
  }
  if (!repeated) return {};
  ir::ThinVector<Node> kept;
  std::unordered_map<std::string, size_t> slots;
  for (size_t i = 0; i < seq.items.size(); ++i) {
    auto [it, inserted] = slots.try_emplace(std::move(keys[i]), kept.size());
    if (inserted) {
      kept.push_back(std::move(seq.items[i]));
    } else {
      kept[it->second] = std::move(seq.items[i]);
    }
  }
  seq.items = std::move(kept);
  return {};
}

// Follows the trie from `node`: dedupes the lists a pattern names and descends only into keys some
// pattern continues with. An exact segment comes before "*" (compose-go's first matching pattern).
MergeStatus Walk(Node& n, const std::vector<TrieNode>& trie, size_t node, ViewPath& path) {
  if (n.is_map()) {
    for (MapEntry& e : n.entries) {
      const auto& kids = trie[node].children;
      auto it =
          std::find_if(kids.begin(), kids.end(), [&](const auto& c) { return c.first == e.key; });
      if (it == kids.end()) {
        it = std::find_if(kids.begin(), kids.end(), [](const auto& c) { return c.first == "*"; });
      }
      if (it == kids.end()) continue;
      path.push_back(e.key);
      MergeStatus st = Walk(e.value, trie, it->second, path);
      path.pop_back();
      if (!st.ok()) return st;
    }
  } else if (n.is_seq() && trie[node].indexer) {
    return Unique(n, *trie[node].indexer, path);
  }
  return {};
}

// The trie node `segment` leads to from `node` (an exact segment, not "*"), or 0 when none does.
size_t Child(const std::vector<TrieNode>& trie, size_t node, std::string_view segment) {
  for (const auto& [part, child] : trie[node].children) {
    if (part == segment) return child;
  }
  return 0;
}

}  // namespace

MergeStatus EnforceUnicity(Node& model) {
  const std::vector<TrieNode> trie = BuildTrie();
  ViewPath path;
  return Walk(model, trie, 0, path);
}

struct ServiceUnicity::Trie {
  std::vector<TrieNode> nodes = BuildTrie();
  // Where a service's own patterns start: the "*" below "services" (0 if no pattern had one).
  size_t service = [this] {
    const size_t services = Child(nodes, 0, "services");
    return services == 0 ? 0 : Child(nodes, services, "*");
  }();
};

ServiceUnicity::ServiceUnicity() : trie_(std::make_unique<Trie>()) {}
ServiceUnicity::~ServiceUnicity() = default;

void ServiceUnicity::Service(MapEntry& service) {
  if (!services_error_.ok() || trie_->service == 0) return;
  ViewPath path{"services", service.key};
  services_error_ = Walk(service.value, trie_->nodes, trie_->service, path);
}

MergeStatus ServiceUnicity::Finish(Node& model) {
  if (!model.is_map()) return {};
  const std::vector<TrieNode>& trie = trie_->nodes;
  // The whole walk's order: top-level keys as they come, the services where `services` is.
  for (MapEntry& e : model.entries) {
    if (e.key == "services") {
      if (!services_error_.ok()) return services_error_;
      continue;
    }
    const size_t node = Child(trie, 0, e.key);
    if (node == 0) continue;
    ViewPath path{e.key};
    if (MergeStatus st = Walk(e.value, trie, node, path); !st.ok()) return st;
  }
  return {};
}

}  // namespace stackc::frontend
