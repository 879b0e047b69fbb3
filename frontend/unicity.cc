// EnforceUnicity (declared in merge.h): compose-go's override/uncity.go on the node tree.
#include <string>
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

Key MountKey(const Node& entry, std::string_view default_dir, const std::string& path) {
  if (entry.is_string()) return Key{std::string(default_dir) + "/" + entry.text, {}};
  if (entry.is_map()) {
    if (const Node* target = Field(entry, "target")) return Key{GoFormat(*target, 'v'), {}};
    const Node* source = Field(entry, "source");
    return Key{std::string(default_dir) + "/" + (source ? GoFormat(*source, 's') : "%!s(<nil>)"),
               {}};
  }
  return Fail(path + ": unsupported expose value " + GoFormat(entry, 's'));
}

Key IndexOf(Indexer indexer, const Node& entry, const std::string& path) {
  switch (indexer) {
    case Indexer::kKeyValue:
      if (!entry.is_string()) return Fail(path + ": unexpected type " + GoTypeName(entry));
      return Key{entry.text.substr(0, entry.text.find('=')), {}};
    case Indexer::kVolume:
      if (entry.is_map()) {
        const Node* target = Field(entry, "target");
        if (target == nullptr || !target->is_string()) {
          return Fail("service volume " + path + " is missing a mount target");
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
          return Fail("service device " + path + " is missing a mount target");
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
      return Fail(path + ": unsupported expose value " + GoFormat(entry, 's'));
    case Indexer::kPort: {
      if (entry.is_scalar() && entry.type == ScalarType::kInt) return Key{entry.GoString(), {}};
      if (entry.is_string()) return Key{entry.text, {}};
      if (!entry.is_map()) return Key{};
      const Node* target = Field(entry, "target");
      if (target == nullptr) return Fail("service ports " + path + " is missing a target port");
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
        return Fail("environment path attribute " + path + " is missing");
      }
      return Key{};
  }
  return Key{};
}

const IndexerPattern* IndexerFor(const TreePath& path) {
  for (const IndexerPattern& p : kUnique) {
    if (PathMatches(path, p.pattern)) return &p;
  }
  return nullptr;
}

MergeStatus Unique(Node& seq, Indexer indexer, TreePath& path) {
  std::vector<Node> kept;
  std::unordered_map<std::string, size_t> slots;
  const std::string prefix = PathString(path);
  for (size_t i = 0; i < seq.items.size(); ++i) {
    Node& entry = seq.items[i];
    Key key = IndexOf(indexer, entry, prefix + ".[" + std::to_string(i) + "]");
    if (!key.error.empty()) return MergeStatus{std::move(key.error), entry.span};
    auto [it, inserted] = slots.try_emplace(std::move(key.key), kept.size());
    if (inserted) {
      kept.push_back(std::move(entry));
    } else {
      kept[it->second] = std::move(entry);
    }
  }
  seq.items = std::move(kept);
  return {};
}

MergeStatus Walk(Node& n, TreePath& path) {
  if (n.is_map()) {
    for (MapEntry& e : n.entries) {
      path.push_back(e.key);
      MergeStatus st = Walk(e.value, path);
      path.pop_back();
      if (!st.ok()) return st;
    }
  } else if (n.is_seq()) {
    if (const IndexerPattern* p = IndexerFor(path)) return Unique(n, p->indexer, path);
  }
  return {};
}

}  // namespace

MergeStatus EnforceUnicity(Node& model) {
  TreePath path;
  return Walk(model, path);
}

}  // namespace stackc::frontend
