// Merging two compose models: `-f a -f b`, a later YAML document over an earlier one, and a service
// over the service it `extends`, with compose-go's per-path rules (override/merge.go,
// loader/reset.go).
//
// Maps merge recursively and the override wins; sequences append; scalars are replaced. Some paths
// have their own rule: `command`, `entrypoint`, `healthcheck.test` and `ulimits.*` are replaced;
// `environment`, `labels`, `annotations`, `sysctls`, `tmpfs`, `dns*`, `env_file`, `label_file`,
// `build.args|labels|additional_contexts`, `deploy.labels` are turned into `k=v` sequences (a map
// sorted by key, a null value gives `k`) and appended; `extra_hosts` appends what the base lacks;
// `build: ./dir` becomes `{context: ./dir}`; `depends_on`, `networks` and `models` lists become
// maps; `logging` merges only when the drivers agree; `networks.*.ipam.config` merges by subnet. A
// node tagged `!reset` in the override removes that attribute from the base and is dropped; a node
// tagged `!override` replaces the base attribute instead of merging with it.
//
// Example:
//   base:     services: {web: {image: a, environment: {B: "1"}, command: [x]}}
//   override: services: {web: {environment: [A=2], command: [y], ports: !reset []}}
//   MergeModel(base, std::move(override));
//   // base: services: {web: {image: a, environment: [B=1, A=2], command: [y]}}
//
// After a merge comes EnforceUnicity (implemented in unicity.cc): in the sequences where an entry
// has an identity, a later entry with the same identity replaces the earlier one in the earlier
// one's slot. Identities: the key before `=` (environment, labels, annotations, sysctls, tmpfs,
// cap_add/cap_drop, dns*, links, profiles, build.args/labels/tags/platform/additional_contexts,
// deploy.labels, networks.*.aliases|link_local_ips, and the top-level networks.*.labels /
// ipam.options); the target for volumes (short syntax parsed) and devices
// (`src:dst` -> dst); the target for secrets (default `/run/secrets/<src>`) and configs (default
// `/<src>`); the path for env_file; the value for expose; for ports the string as written or
// `host_ip:published:target/protocol` for a mapping.
//   environment: [A=1, B=2, A=3]                       -> [A=3, B=2]
//   secrets: [s, {source: t, target: /run/secrets/s}]  -> [{source: t, target: /run/secrets/s}]
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/yaml_tree.h"
#include "ir/source.h"

namespace stackc::frontend {

// A location in the model as mapping keys (and sequence indexes) from the root: {"services", "web",
// "build"}.
using TreePath = std::vector<std::string>;

// The result of a merge or uniqueness pass: compose-go's error text and where, or success.
struct MergeStatus {
  std::string error;  // empty on success
  ir::Span span;      // the node the error is about
  bool ok() const { return error.empty(); }
};

// The paths of the `!reset` / `!override` nodes of one document (compose-go's ResetProcessor).
struct ResetPaths {
  std::vector<TreePath>
      paths;  // a sequence item is recorded by its index ("0"); `*` parts match any key
};

// Records the path of every `!reset` and `!override` node of `doc`, removes the `!reset` nodes
// (mapping entries or sequence items) and clears the `!override` tags (tags nested under an
// `!override` node are ignored and cleared). `prefix` is the path of `doc` in its document
// ({"services", "x"} for a lone service).
ResetPaths TakeResetTags(Node& doc, const TreePath& prefix = {});

// Removes from `model` every mapping entry whose path matches one of `resets`. `prefix` is the path
// of `model` in the document.
void ApplyResets(const ResetPaths& resets, Node& model, const TreePath& prefix = {});

// Whether a document may still carry `!reset`/`!override` tags, or its tags were taken already.
enum class TagState : uint8_t { kMayHaveTags, kTaken };

// Merges the top-level model `override` into `base` (override.Merge). `!reset`/`!override` tags
// still present in `override` are taken and applied to `base` first; a caller that took them
// earlier (to run `extends` in between) says so with TagState::kTaken, which spares a walk of the
// whole document, and applies them itself with ApplyResets. On error `base` is partly merged.
MergeStatus MergeModel(Node& base, Node override, TagState tags = TagState::kMayHaveTags);

// Merges the service `service` over `base`, the service it extends (override.ExtendService: the
// rules of the `services.*` paths). Tags still present in `service` are taken and applied to `base`
// first. The caller removes the `extends` key afterwards.
MergeStatus MergeService(Node& base, Node service);

// Removes redefinitions from every identity-keyed sequence of `model` (override.EnforceUnicity).
// Errors carry compose-go's text, e.g. "service volume services.web.volumes.[0] is missing a mount
// target"; `model` is then partly processed.
MergeStatus EnforceUnicity(Node& model);

// EnforceUnicity in two steps, for a pass that visits the services anyway (canonicalisation): each
// service's lists while the service is at hand, then the rest of the model. Finish returns the
// error EnforceUnicity would have: the first in the order of the model's top-level keys, and of the
// services within `services`. Services given after a failing one are left as they are.
//
// Example:
//   ServiceUnicity unicity;
//   for (MapEntry& s : services->entries) unicity.Service(s);
//   MergeStatus st = unicity.Finish(model);
class ServiceUnicity {
 public:
  ServiceUnicity();
  ~ServiceUnicity();
  ServiceUnicity(const ServiceUnicity&) = delete;
  ServiceUnicity& operator=(const ServiceUnicity&) = delete;

  // `service` is an entry of the model's `services` mapping.
  void Service(MapEntry& service);
  MergeStatus Finish(Node& model);

 private:
  struct Trie;
  std::unique_ptr<Trie> trie_;
  MergeStatus services_error_;
};

// Whether `path` matches the dotted `pattern`, where a `*` part matches any single part.
bool PathMatches(const TreePath& path, std::string_view pattern);

// A path as compose-go prints it: the parts joined with dots.
std::string PathString(const TreePath& path);

// Go's fmt of a decoded YAML value: verb 'v' (fmt.Sprint: 0x10 -> "16", null -> "<nil>", a map ->
// "map[a:b]"), 's' (a non-string gives "%!s(int=1)"), 'd' (a non-int gives "%!d(string=x)").
std::string GoFormat(const Node& value, char verb);

// Go's %T of a decoded YAML value: "string", "int", "float64", "bool", "<nil>", "[]interface {}",
// "map[string]interface {}".
std::string GoTypeName(const Node& value);

// Go's == on two decoded scalar values (same type and value; collections never compare equal).
bool GoScalarEqual(const Node& a, const Node& b);

}  // namespace stackc::frontend
