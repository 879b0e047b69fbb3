#include "frontend/merge.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>

namespace stackc::frontend {
namespace {

constexpr NodeTag kReset = NodeTag::kReset;
constexpr NodeTag kOverride = NodeTag::kOverride;

// The special merge rules of compose-go (override/merge.go mergeSpecials).
enum class Rule {
  kDefault,
  kReplace,     // command, entrypoint, healthcheck.test, ulimits.*
  kToSequence,  // environment, labels, ...: both sides as `k=v` sequences, appended
  kExtraHosts,  // as kToSequence, without the override entries the base already has
  kBuild,       // a string is {context: s}
  kDependsOn,   // a list is a map of {condition: service_started, required: true}
  kToMapping,   // networks, models: a list is a map of nulls
  kLogging,     // options merged only when the drivers agree
  kIpamConfig,  // merged by subnet
};

struct RulePattern {
  std::string_view pattern;
  Rule rule;
};

constexpr RulePattern kRules[] = {
    {"networks.*.ipam.config", Rule::kIpamConfig},
    {"networks.*.labels", Rule::kToSequence},
    {"volumes.*.labels", Rule::kToSequence},
    {"services.*.annotations", Rule::kToSequence},
    {"services.*.build", Rule::kBuild},
    {"services.*.build.args", Rule::kToSequence},
    {"services.*.build.additional_contexts", Rule::kToSequence},
    {"services.*.build.extra_hosts", Rule::kExtraHosts},
    {"services.*.build.labels", Rule::kToSequence},
    {"services.*.command", Rule::kReplace},
    {"services.*.depends_on", Rule::kDependsOn},
    {"services.*.deploy.labels", Rule::kToSequence},
    {"services.*.dns", Rule::kToSequence},
    {"services.*.dns_opt", Rule::kToSequence},
    {"services.*.dns_search", Rule::kToSequence},
    {"services.*.entrypoint", Rule::kReplace},
    {"services.*.env_file", Rule::kToSequence},
    {"services.*.label_file", Rule::kToSequence},
    {"services.*.environment", Rule::kToSequence},
    {"services.*.extra_hosts", Rule::kExtraHosts},
    {"services.*.healthcheck.test", Rule::kReplace},
    {"services.*.labels", Rule::kToSequence},
    {"services.*.volumes.*.volume.labels", Rule::kToSequence},
    {"services.*.logging", Rule::kLogging},
    {"services.*.models", Rule::kToMapping},
    {"services.*.networks", Rule::kToMapping},
    {"services.*.sysctls", Rule::kToSequence},
    {"services.*.tmpfs", Rule::kToSequence},
    {"services.*.ulimits.*", Rule::kReplace},
};

Rule RuleFor(const TreePath& path) {
  for (const RulePattern& r : kRules) {
    if (PathMatches(path, r.pattern)) return r.rule;
  }
  return Rule::kDefault;
}

// ---- reset / override tags
// -------------------------------------------------------------------------------------

void ClearTagsDeep(Node& n) {
  if (n.tag == kReset || n.tag == kOverride) {
    n.tag = NodeTag::kNone;
    // go-yaml resolved the tagged scalar as a string: it must not read as a date once untagged.
    if (n.is_string() && n.style == ScalarStyle::kPlain) n.style = ScalarStyle::kDoubleQuoted;
  }
  for (Node& item : n.items) ClearTagsDeep(item);
  for (MapEntry& e : n.entries) ClearTagsDeep(e.value);
}

// Returns true when `child` is to be removed from its parent.
bool TakeChild(Node& child, TreePath& path, ResetPaths& out);

void TakeTags(Node& n, TreePath& path, ResetPaths& out) {
  if (n.is_map()) {
    ir::ThinVector<MapEntry> kept;
    kept.reserve(n.entries.size());
    for (MapEntry& e : n.entries) {
      path.push_back(e.key);
      const bool drop = TakeChild(e.value, path, out);
      path.pop_back();
      if (!drop) kept.push_back(std::move(e));
    }
    n.entries = std::move(kept);
  } else if (n.is_seq()) {
    ir::ThinVector<Node> kept;
    kept.reserve(n.items.size());
    for (size_t i = 0; i < n.items.size(); ++i) {
      path.push_back(std::to_string(i));
      const bool drop = TakeChild(n.items[i], path, out);
      path.pop_back();
      if (!drop) kept.push_back(std::move(n.items[i]));
    }
    n.items = std::move(kept);
  }
}

bool TakeChild(Node& child, TreePath& path, ResetPaths& out) {
  if (child.tag == kReset) {
    out.paths.push_back(path);
    return true;
  }
  if (child.tag == kOverride) {
    out.paths.push_back(path);
    ClearTagsDeep(child);  // compose-go does not look under an !override node
    return false;
  }
  TakeTags(child, path, out);
  return false;
}

bool MatchesAny(const ResetPaths& resets, const TreePath& path) {
  for (const TreePath& pattern : resets.paths) {
    if (pattern.size() != path.size()) continue;
    bool match = true;
    for (size_t i = 0; i < path.size() && match; ++i) {
      match = pattern[i] == "*" || pattern[i] == path[i];
    }
    if (match) return true;
  }
  return false;
}

void ApplyAt(const ResetPaths& resets, Node& n, TreePath& path) {
  if (n.is_map()) {
    ir::ThinVector<MapEntry> kept;
    kept.reserve(n.entries.size());
    for (MapEntry& e : n.entries) {
      path.push_back(e.key);
      const bool drop = MatchesAny(resets, path);
      if (!drop) ApplyAt(resets, e.value, path);
      path.pop_back();
      if (!drop) kept.push_back(std::move(e));
    }
    n.entries = std::move(kept);
  } else if (n.is_seq()) {
    // Sequence items are never removed (compose-go records them as "N" but matches them as "[N]").
    for (size_t i = 0; i < n.items.size(); ++i) {
      path.push_back("[" + std::to_string(i) + "]");
      if (!MatchesAny(resets, path)) ApplyAt(resets, n.items[i], path);
      path.pop_back();
    }
  }
}

// ---- merge
// -------------------------------------------------------------------------------------------------------

MergeStatus Error(std::string message, const Node& at) {
  return MergeStatus{std::move(message), at.span};
}

MergeStatus MergeValue(Node& base, Node&& over, TreePath& path);

MergeStatus MergeMappings(Node& base, Node&& over, TreePath& path) {
  // Large maps (services of a big project) are indexed; small ones are searched in place.
  constexpr size_t kIndexFrom = 32;
  std::unordered_map<std::string, size_t, ir::StringHash, std::equal_to<>> index;
  if (base.entries.size() >= kIndexFrom) {
    index.reserve(base.entries.size() + over.entries.size());
    for (size_t i = 0; i < base.entries.size(); ++i) index.emplace(base.entries[i].key, i);
  }
  for (MapEntry& oe : over.entries) {
    Node* existing = nullptr;
    if (index.empty()) {
      existing = base.Find(oe.key);
    } else if (auto it = index.find(oe.key.view()); it != index.end()) {
      existing = &base.entries[it->second].value;
    }
    if (existing == nullptr) {
      if (!index.empty()) index.emplace(oe.key, base.entries.size());
      base.entries.push_back(std::move(oe));
      continue;
    }
    path.push_back(oe.key);
    MergeStatus st = MergeValue(*existing, std::move(oe.value), path);
    path.pop_back();
    if (!st.ok()) return st;
  }
  return {};
}

// override.convertIntoSequence: a map gives sorted `k=v` strings (`k` for a null, one per item for
// a list), a list stays, a string is a one-item list, anything else is nothing.
ir::ThinVector<Node> IntoSequence(Node&& n) {
  ir::ThinVector<Node> seq;
  if (n.is_map()) {
    for (const MapEntry& e : n.entries) {
      if (e.value.is_null()) {
        seq.push_back(Node::String(e.key, e.value.span));
      } else if (e.value.is_seq()) {
        for (const Node& item : e.value.items) {
          seq.push_back(Node::String(e.key + "=" + GoFormat(item, 'v'), item.span));
        }
      } else {
        seq.push_back(Node::String(e.key + "=" + GoFormat(e.value, 'v'), e.value.span));
      }
    }
    std::stable_sort(seq.begin(), seq.end(),
                     [](const Node& a, const Node& b) { return a.text < b.text; });
  } else if (n.is_seq()) {
    seq = std::move(n.items);
  } else if (n.is_string()) {
    seq.push_back(std::move(n));
  }
  return seq;
}

Node SequenceOf(ir::ThinVector<Node> items, ir::Span span) {
  Node seq = Node::Seq(span);
  seq.items = std::move(items);
  return seq;
}

ir::Span SpanOf(const Node& base, const Node& over) {
  return base.is_null() ? over.span : base.span;
}

void MergeToSequence(Node& base, Node&& over, bool drop_known) {
  const ir::Span span = SpanOf(base, over);
  ir::ThinVector<Node> right = IntoSequence(std::move(base));
  ir::ThinVector<Node> left = IntoSequence(std::move(over));
  const auto known_end = static_cast<std::ptrdiff_t>(right.size());
  for (Node& l : left) {
    // extra_hosts: an override entry the base already lists is dropped (duplicates within the
    // override stay).
    if (drop_known && std::any_of(right.begin(), right.begin() + known_end,
                                  [&](const Node& r) { return GoScalarEqual(r, l); })) {
      continue;
    }
    right.push_back(std::move(l));
  }
  base = SequenceOf(std::move(right), span);
}

// override.convertIntoMapping: a list becomes a map of its items to `value` (null when absent); a
// map stays; anything else is nothing (nullopt).
std::optional<Node> IntoMapping(Node&& n, const Node* value) {
  if (n.is_map()) return std::move(n);
  if (!n.is_seq()) return std::nullopt;
  Node map = Node::Map(n.span);
  for (const Node& item : n.items) {
    std::string key = GoFormat(item, 'v');
    Node v = value != nullptr ? *value : Node::Null(item.span);
    v.span = item.span;
    if (MapEntry* e = map.FindEntry(key)) {
      e->value = std::move(v);
    } else {
      map.entries.push_back(MapEntry{key, item.span, std::move(v)});
    }
  }
  return map;
}

// Merges two maps obtained through a conversion; a side that converted to nothing leaves the other
// one.
MergeStatus MergeConverted(Node& base, std::optional<Node> b, std::optional<Node> o,
                           TreePath& path) {
  if (!b) {
    base = o ? std::move(*o) : Node::Null(base.span);
    return {};
  }
  base = std::move(*b);
  if (!o) return {};
  return MergeMappings(base, std::move(*o), path);
}

Node DependsOnDefault() {
  Node d = Node::Map();
  d.Set("condition", Node::String("service_started"));
  d.Set("required", Node::Bool(true));
  return d;
}

std::optional<Node> BuildMapping(Node&& n) {
  if (n.is_map()) return std::move(n);
  if (n.is_string()) {
    Node map = Node::Map(n.span);
    const ir::Span span = n.span;
    map.entries.push_back(MapEntry{"context", span, std::move(n)});
    return map;
  }
  return std::nullopt;
}

MergeStatus MergeLogging(Node& base, Node&& over, TreePath& path) {
  if (over.is_null()) return {};
  if (!base.is_map() || !over.is_map()) {
    base = std::move(over);
    return {};
  }
  const Node* od = over.Find("driver");
  const Node* bd = base.Find("driver");
  if (od == nullptr || bd == nullptr || GoScalarEqual(*od, *bd))
    return MergeMappings(base, std::move(over), path);
  base = std::move(over);
  return {};
}

const Node& SubnetOf(const Node& config, const Node& null) {
  const Node* s = config.is_map() ? config.Find("subnet") : nullptr;
  return s != nullptr ? *s : null;
}

// override.mergeIPAMConfig, including its treatment of configs whose subnets differ: an override
// config with a new subnet is added, one whose subnet is already listed is merged into the base
// config and takes that slot.
MergeStatus MergeIpamConfig(Node& base, Node&& over, TreePath& path) {
  if (!base.is_seq() || !over.is_seq()) {
    return Error(PathString(path) + ": unexpected type " + GoTypeName(base),
                 over.is_null() ? base : over);
  }
  const Node null = Node::Null();
  std::deque<Node> lefts;  // stable addresses
  for (Node& o : over.items) {
    const ir::Span span = o.span;
    std::optional<Node> m = IntoMapping(std::move(o), nullptr);
    lefts.push_back(m ? std::move(*m) : Node::Map(span));
  }
  std::deque<Node> rights;
  // The slots; one right may fill two of them, as compose-go's maps are shared references.
  std::vector<const Node*> configs;
  auto index_of = [&](const Node& subnet) -> int {
    for (size_t i = 0; i < configs.size(); ++i) {
      if (GoScalarEqual(SubnetOf(*configs[i], null), subnet)) return static_cast<int>(i);
    }
    return -1;
  };
  for (Node& original : base.items) {
    const ir::Span span = original.span;
    std::optional<Node> m = IntoMapping(std::move(original), nullptr);
    rights.push_back(m ? std::move(*m) : Node::Map(span));
    Node& right = rights.back();
    for (const Node& left : lefts) {
      if (!GoScalarEqual(SubnetOf(left, null), SubnetOf(right, null))) {
        if (index_of(SubnetOf(left, null)) < 0) {
          configs.push_back(&left);
          continue;
        }
      }
      Node copy = left;
      if (MergeStatus st = MergeMappings(right, std::move(copy), path); !st.ok()) return st;
      const int at = index_of(SubnetOf(right, null));
      if (at >= 0) {
        configs[static_cast<size_t>(at)] = &right;
      } else {
        configs.push_back(&right);
      }
    }
  }
  ir::ThinVector<Node> merged;
  merged.reserve(configs.size());
  for (const Node* c : configs) merged.push_back(*c);
  base = SequenceOf(std::move(merged), base.span);
  return {};
}

MergeStatus MergeValue(Node& base, Node&& over, TreePath& path) {
  switch (RuleFor(path)) {
    case Rule::kDefault:
      break;
    case Rule::kReplace:
      base = std::move(over);
      return {};
    case Rule::kToSequence:
      MergeToSequence(base, std::move(over), /*drop_known=*/false);
      return {};
    case Rule::kExtraHosts:
      MergeToSequence(base, std::move(over), /*drop_known=*/true);
      return {};
    case Rule::kBuild:
      return MergeConverted(base, BuildMapping(std::move(base)), BuildMapping(std::move(over)),
                            path);
    case Rule::kDependsOn: {
      const Node def = DependsOnDefault();
      return MergeConverted(base, IntoMapping(std::move(base), &def),
                            IntoMapping(std::move(over), &def), path);
    }
    case Rule::kToMapping:
      return MergeConverted(base, IntoMapping(std::move(base), nullptr),
                            IntoMapping(std::move(over), nullptr), path);
    case Rule::kLogging:
      return MergeLogging(base, std::move(over), path);
    case Rule::kIpamConfig:
      return MergeIpamConfig(base, std::move(over), path);
  }
  if (over.is_null()) return {};
  if (base.is_map()) {
    if (!over.is_map()) return Error("cannot override " + PathString(path), over);
    return MergeMappings(base, std::move(over), path);
  }
  if (base.is_seq()) {
    if (!over.is_seq()) return Error("cannot override " + PathString(path), over);
    for (Node& item : over.items) base.items.push_back(std::move(item));
    return {};
  }
  base = std::move(over);
  return {};
}

// ---- Go formatting
// -----------------------------------------------------------------------------------------------

std::string GoBadVerb(const Node& n, char verb) {
  if (n.is_null()) return std::string("%!") + verb + "(<nil>)";
  return std::string("%!") + verb + "(" + GoTypeName(n) + "=" + n.GoString() + ")";
}

}  // namespace

bool PathMatches(const TreePath& path, std::string_view pattern) {
  size_t i = 0;
  size_t pos = 0;
  while (true) {
    const size_t dot = pattern.find('.', pos);
    const std::string_view part =
        pattern.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (i >= path.size()) return false;
    if (part != "*" && part != path[i]) return false;
    ++i;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return i == path.size();
}

std::string PathString(const TreePath& path) {
  std::string out;
  for (const std::string& part : path) {
    if (!out.empty()) out += '.';
    out += part;
  }
  return out;
}

std::string GoTypeName(const Node& value) {
  switch (value.kind) {
    case NodeKind::kMapping:
      return "map[string]interface {}";
    case NodeKind::kSequence:
      return "[]interface {}";
    case NodeKind::kScalar:
      break;
  }
  switch (value.type) {
    case ScalarType::kNull:
      return "<nil>";
    case ScalarType::kBool:
      return "bool";
    case ScalarType::kInt:
      return "int";
    case ScalarType::kFloat:
      return "float64";
    case ScalarType::kString:
      return "string";
  }
  return "string";
}

std::string GoFormat(const Node& value, char verb) {
  if (value.is_seq()) {
    std::string out = "[";
    for (size_t i = 0; i < value.items.size(); ++i) {
      if (i > 0) out += ' ';
      out += GoFormat(value.items[i], verb);
    }
    return out + "]";
  }
  if (value.is_map()) {
    std::vector<const MapEntry*> sorted;
    for (const MapEntry& e : value.entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(),
              [](const MapEntry* a, const MapEntry* b) { return a->key < b->key; });
    std::string out = "map[";
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0) out += ' ';
      // Keys are strings: %d shows them as %!d(string=k).
      out += verb == 'd' ? "%!d(string=" + sorted[i]->key + ")" : sorted[i]->key.str();
      out += ':' + GoFormat(sorted[i]->value, verb);
    }
    return out + "]";
  }
  switch (verb) {
    case 's':  // a time.Time is a fmt.Stringer
      if (value.IsTimestamp()) return value.SprintValue();
      return value.is_string() ? value.text.str() : GoBadVerb(value, 's');
    case 'd':
      return value.type == ScalarType::kInt ? value.GoString() : GoBadVerb(value, 'd');
    default:
      return value.SprintValue();
  }
}

bool GoScalarEqual(const Node& a, const Node& b) {
  if (!a.is_scalar() || !b.is_scalar() || a.type != b.type) return false;
  switch (a.type) {
    case ScalarType::kNull:
      return true;
    case ScalarType::kBool:
      return a.AsBool() == b.AsBool();
    case ScalarType::kInt:
      return a.AsInt() == b.AsInt() && (a.AsInt().has_value() || a.text == b.text);
    case ScalarType::kFloat: {
      const std::optional<double> x = a.AsFloat();
      const std::optional<double> y = b.AsFloat();
      return x && y && *x == *y;
    }
    case ScalarType::kString:
      return a.text == b.text;
  }
  return false;
}

ResetPaths TakeResetTags(Node& doc, const TreePath& prefix) {
  ResetPaths out;
  if (!HasTags(doc)) return out;
  TreePath path = prefix;
  if (doc.tag == kReset || doc.tag == kOverride) {
    ClearTagsDeep(doc);
    return out;
  }
  TakeTags(doc, path, out);
  return out;
}

void ApplyResets(const ResetPaths& resets, Node& model, const TreePath& prefix) {
  if (resets.paths.empty()) return;
  TreePath path = prefix;
  ApplyAt(resets, model, path);
}

MergeStatus MergeModel(Node& base, Node override, TagState tags) {
  const ResetPaths resets = tags == TagState::kTaken ? ResetPaths{} : TakeResetTags(override);
  if (!base.is_map()) base = Node::Map(base.span);
  ApplyResets(resets, base);
  if (override.is_null()) return {};
  TreePath path;
  if (!override.is_map()) return Error("cannot override ", override);
  return MergeMappings(base, std::move(override), path);
}

MergeStatus MergeService(Node& base, Node service) {
  TreePath path = {"services", "x"};
  const ResetPaths resets = TakeResetTags(service, path);
  ApplyResets(resets, base, path);
  return MergeValue(base, std::move(service), path);
}

}  // namespace stackc::frontend
