#include "frontend/lower.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "frontend/go_bytes.h"
#include "frontend/go_duration.h"
#include "frontend/shell_words.h"

namespace stackc::frontend {

namespace {

using ir::KeyValue;
using ir::Spanned;

std::string Str(const Node& n) {
  return n.is_string() ? n.text.str() : n.is_null() ? "" : n.GoString();
}

std::string StrAt(const Node& map, std::string_view key) {
  const Node* n = map.is_map() ? map.Find(key) : nullptr;
  return n ? Str(*n) : "";
}

bool BoolAt(const Node& map, std::string_view key) {
  const Node* n = map.is_map() ? map.Find(key) : nullptr;
  if (!n) return false;
  if (auto b = n->AsBool()) return *b;
  return n->is_string() && (n->text == "true" || n->text == "True" || n->text == "TRUE");
}

std::optional<bool> OptBoolAt(const Node& map, std::string_view key) {
  const Node* n = map.is_map() ? map.Find(key) : nullptr;
  if (!n || n->is_null()) return std::nullopt;
  return BoolAt(map, key);
}

std::optional<int64_t> IntOf(const Node& n) {
  if (auto i = n.AsInt()) return i;
  if (auto f = n.AsFloat()) return static_cast<int64_t>(*f);
  if (n.is_string()) {
    char* end = nullptr;
    const long long v = std::strtoll(n.text.c_str(), &end, 10);
    if (end && *end == '\0' && !n.text.empty()) return v;
  }
  return std::nullopt;
}

std::optional<int64_t> DurationAt(const Node& map, std::string_view key) {
  const Node* n = map.is_map() ? map.Find(key) : nullptr;
  if (!n || n->is_null()) return std::nullopt;
  const GoDurationResult d = ParseGoDuration(Str(*n));
  if (!d.ok()) return std::nullopt;
  return d.nanoseconds;
}

std::optional<int64_t> BytesOf(const Node& n) {
  if (n.is_null()) return std::nullopt;
  if (auto i = n.AsInt()) return i;
  const GoBytesResult b = ParseUnitBytes(Str(n));
  if (!b.ok()) return std::nullopt;
  return b.bytes;
}

std::optional<Spanned<std::string>> OptStr(const Node& map, std::string_view key) {
  const Node* n = map.Find(key);
  if (!n || n->is_null()) return std::nullopt;
  return Spanned<std::string>{Str(*n), n->span};
}

// A string or a list of strings (short forms the schema allows for several keys).
std::vector<Spanned<std::string>> StrList(const Node& map, std::string_view key) {
  std::vector<Spanned<std::string>> out;
  const Node* n = map.is_map() ? map.Find(key) : nullptr;
  if (!n || n->is_null()) return out;
  if (n->is_seq()) {
    for (const Node& i : n->items) out.push_back({Str(i), i.span});
  } else if (n->is_map()) {
    for (const MapEntry& e : n->entries) {
      out.push_back({e.value.is_null() ? e.key.str() : e.key + "=" + Str(e.value), e.key_span});
    }
  } else {
    out.push_back({Str(*n), n->span});
  }
  return out;
}

// A mapping or a list of "key=value" strings, sorted by key. `nullable`: a list entry without '='
// (and a null map value) has no value, as in `environment`; otherwise its value is empty.
std::vector<KeyValue> KeyValues(const Node* n, bool nullable) {
  std::vector<KeyValue> out;
  if (!n) return out;
  if (n->is_map()) {
    for (const MapEntry& e : n->entries) {
      KeyValue kv{e.key, std::nullopt, e.key_span, e.value.span};
      if (!e.value.is_null()) {
        // A map of text: compose-go prints each value with fmt.Sprint, a decoded date included.
        kv.value = e.value.IsTimestamp() ? e.value.SprintValue() : Str(e.value);
      } else if (!nullable) {
        kv.value = "";
      }
      out.push_back(std::move(kv));
    }
  } else if (n->is_seq()) {
    for (const Node& i : n->items) {
      const std::string s = Str(i);
      const size_t eq = s.find('=');
      if (eq == std::string::npos) {
        out.push_back(
            KeyValue{s, nullable ? std::nullopt : std::optional<std::string>(""), i.span});
      } else {
        out.push_back(KeyValue{s.substr(0, eq), s.substr(eq + 1), i.span});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; });
  return out;
}

std::vector<KeyValue> KeyValuesAt(const Node& map, std::string_view key, bool nullable = false) {
  return KeyValues(map.is_map() ? map.Find(key) : nullptr, nullable);
}

// A command or entrypoint: a shell string is split into words as Compose splits it.
std::optional<Spanned<std::vector<std::string>>> Command(const Node& svc, std::string_view key) {
  const Node* n = svc.Find(key);
  if (!n || n->is_null()) return std::nullopt;
  Spanned<std::vector<std::string>> out{{}, n->span};
  if (n->is_seq()) {
    for (const Node& i : n->items) out.value.push_back(Str(i));
  } else {
    out.value = SplitShellWords(Str(*n)).words;
  }
  return out;
}

ir::ThinVector<ir::ValueEntry> Extensions(const Node& map) {
  ir::ThinVector<ir::ValueEntry> out;
  if (!map.is_map()) return out;
  for (const MapEntry& e : map.entries) {
    if (e.key.starts_with("x-") && !e.key.starts_with("x-#")) {
      out.push_back(ir::ValueEntry{e.key, LowerValue(e.value)});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

std::vector<ir::Port> Ports(const Node& svc) {
  std::vector<ir::Port> out;
  const Node* ports = svc.Find("ports");
  if (!ports || !ports->is_seq()) return out;
  for (const Node& p : ports->items) {
    if (!p.is_map()) continue;
    ir::Port port;
    if (const Node* t = p.Find("target"))
      port.target = static_cast<uint32_t>(IntOf(*t).value_or(0));
    port.published = StrAt(p, "published");
    port.host_ip = StrAt(p, "host_ip");
    port.protocol = StrAt(p, "protocol");
    if (port.protocol.empty()) port.protocol = "tcp";
    port.mode = StrAt(p, "mode");
    if (port.mode.empty()) port.mode = "ingress";
    port.name = StrAt(p, "name");
    port.app_protocol = StrAt(p, "app_protocol");
    port.span = p.span;
    out.push_back(std::move(port));
  }
  return out;
}

ir::MountType MountTypeOf(std::string_view type) {
  if (type == "bind") return ir::MountType::kBind;
  if (type == "tmpfs") return ir::MountType::kTmpfs;
  if (type == "npipe") return ir::MountType::kNpipe;
  if (type == "cluster") return ir::MountType::kCluster;
  if (type == "image") return ir::MountType::kImage;
  return ir::MountType::kVolume;
}

std::vector<ir::Mount> Mounts(const Node& svc) {
  std::vector<ir::Mount> out;
  const Node* vols = svc.Find("volumes");
  if (!vols || !vols->is_seq()) return out;
  for (const Node& v : vols->items) {
    if (!v.is_map()) continue;
    ir::Mount m;
    m.type = MountTypeOf(StrAt(v, "type"));
    m.source = StrAt(v, "source");
    m.target = StrAt(v, "target");
    m.read_only = BoolAt(v, "read_only");
    m.consistency = StrAt(v, "consistency");
    if (const Node* b = v.Find("bind"); b && b->is_map()) {
      m.propagation = StrAt(*b, "propagation");
      m.create_host_path = BoolAt(*b, "create_host_path");
      m.selinux = StrAt(*b, "selinux");
    }
    if (const Node* vo = v.Find("volume"); vo && vo->is_map()) {
      m.nocopy = BoolAt(*vo, "nocopy");
      m.subpath = StrAt(*vo, "subpath");
    }
    if (const Node* t = v.Find("tmpfs"); t && t->is_map()) {
      if (const Node* size = t->Find("size")) m.tmpfs_size = BytesOf(*size);
      if (const Node* mode = t->Find("mode")) {
        if (auto i = IntOf(*mode)) m.tmpfs_mode = static_cast<uint32_t>(*i);
      }
    }
    m.span = v.span;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<ir::NetworkAttachment> Attachments(const Node& svc) {
  std::vector<ir::NetworkAttachment> out;
  const Node* nets = svc.Find("networks");
  if (!nets) return out;
  if (nets->is_seq()) {  // only before normalisation; kept for --no-normalize style inputs
    for (const Node& n : nets->items)
      out.push_back(ir::NetworkAttachment{Str(n), {}, {}, {}, {}, 0, n.span});
  } else if (nets->is_map()) {
    for (const MapEntry& e : nets->entries) {
      ir::NetworkAttachment a;
      a.network = e.key;
      a.span = e.key_span;
      if (e.value.is_map()) {
        a.aliases = StrList(e.value, "aliases");
        a.ipv4_address = StrAt(e.value, "ipv4_address");
        a.ipv6_address = StrAt(e.value, "ipv6_address");
        a.mac_address = StrAt(e.value, "mac_address");
        if (const Node* p = e.value.Find("priority")) a.priority = IntOf(*p).value_or(0);
      }
      out.push_back(std::move(a));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.network < b.network; });
  return out;
}

std::vector<ir::Dependency> Dependencies(const Node& svc) {
  std::vector<ir::Dependency> out;
  const Node* deps = svc.Find("depends_on");
  if (!deps) return out;
  if (deps->is_seq()) {
    for (const Node& d : deps->items) {
      out.push_back(
          ir::Dependency{Str(d), ir::Dependency::Condition::kStarted, true, false, d.span});
    }
  } else if (deps->is_map()) {
    for (const MapEntry& e : deps->entries) {
      ir::Dependency d;
      d.service = e.key;
      d.span = e.key_span;
      const std::string condition = StrAt(e.value, "condition");
      if (condition == "service_healthy") {
        d.condition = ir::Dependency::Condition::kHealthy;
      } else if (condition == "service_completed_successfully") {
        d.condition = ir::Dependency::Condition::kCompletedSuccessfully;
      }
      d.required = OptBoolAt(e.value, "required").value_or(true);
      d.restart = BoolAt(e.value, "restart");
      out.push_back(std::move(d));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.service < b.service; });
  return out;
}

std::optional<ir::Healthcheck> Healthcheck(const Node& svc) {
  const Node* hc = svc.Find("healthcheck");
  if (!hc || !hc->is_map()) return std::nullopt;
  ir::Healthcheck h;
  if (const Node* test = hc->Find("test")) {
    if (test->is_seq()) {
      for (const Node& i : test->items) h.test.push_back(Str(i));
    } else if (!test->is_null()) {
      h.test = {"CMD-SHELL", Str(*test)};
    }
  }
  h.interval_ns = DurationAt(*hc, "interval");
  h.timeout_ns = DurationAt(*hc, "timeout");
  h.start_period_ns = DurationAt(*hc, "start_period");
  h.start_interval_ns = DurationAt(*hc, "start_interval");
  if (const Node* r = hc->Find("retries")) {
    if (auto i = IntOf(*r)) h.retries = static_cast<uint64_t>(*i);
  }
  h.disable = BoolAt(*hc, "disable");
  h.span = hc->span;
  return h;
}

std::optional<ir::Build> Build(const Node& svc) {
  const Node* b = svc.Find("build");
  if (!b || b->is_null()) return std::nullopt;
  ir::Build out;
  out.span = b->span;
  if (!b->is_map()) {
    out.context = Str(*b);
    return out;
  }
  out.context = StrAt(*b, "context");
  out.dockerfile = StrAt(*b, "dockerfile");
  out.dockerfile_inline = StrAt(*b, "dockerfile_inline");
  out.target = StrAt(*b, "target");
  out.args = KeyValuesAt(*b, "args", true);
  if (const Node* secrets = b->Find("secrets"); secrets && secrets->is_seq()) {
    for (const Node& s : secrets->items) {
      const Node* source = s.is_map() ? s.Find("source") : &s;
      if (source != nullptr) out.secrets.push_back(Str(*source));
    }
  }
  return out;
}

std::vector<ir::FileReference> References(const Node& svc, std::string_view key) {
  std::vector<ir::FileReference> out;
  const Node* refs = svc.Find(key);
  if (!refs || !refs->is_seq()) return out;
  for (const Node& r : refs->items) {
    ir::FileReference ref;
    ref.span = r.span;
    if (r.is_map()) {
      ref.source = StrAt(r, "source");
      ref.target = StrAt(r, "target");
      ref.uid = StrAt(r, "uid");
      ref.gid = StrAt(r, "gid");
      if (const Node* mode = r.Find("mode")) {
        if (auto i = IntOf(*mode)) ref.mode = static_cast<uint32_t>(*i);
      }
    } else {
      ref.source = Str(r);
    }
    out.push_back(std::move(ref));
  }
  return out;
}

std::optional<double> CpusOf(const Node* n) {
  if (!n || n->is_null()) return std::nullopt;
  if (auto f = n->AsFloat()) return f;
  char* end = nullptr;
  const std::string s = Str(*n);
  const double d = std::strtod(s.c_str(), &end);
  if (end && *end == '\0' && !s.empty()) return d;
  return std::nullopt;
}

void LowerResources(const Node& svc, ir::Service& out) {
  const Node* deploy = svc.Find("deploy");
  const Node* resources = deploy && deploy->is_map() ? deploy->Find("resources") : nullptr;
  auto fill = [&](std::string_view which, ir::Resources& r) {
    const Node* m = resources && resources->is_map() ? resources->Find(which) : nullptr;
    if (!m || !m->is_map()) return;
    r.cpus = CpusOf(m->Find("cpus"));
    if (const Node* mem = m->Find("memory")) {
      r.memory_bytes = BytesOf(*mem);
      r.memory_span = mem->span;
    }
    if (const Node* pids = m->Find("pids")) {
      r.pids = IntOf(*pids);
      r.pids_span = pids->span;
    }
  };
  fill("limits", out.limits);
  fill("reservations", out.reservations);
  // The service-level forms win where Compose gives them precedence (mem_limit, cpus, pids_limit).
  if (const Node* mem = svc.Find("mem_limit")) {
    if (auto b = BytesOf(*mem)) out.limits.memory_bytes = b;
    if (mem->span.valid()) out.limits.memory_span = mem->span;
  }
  if (auto c = CpusOf(svc.Find("cpus")); c && *c != 0) out.limits.cpus = c;
  if (const Node* pids = svc.Find("pids_limit")) {
    if (auto i = IntOf(*pids)) out.limits.pids = i;
    if (pids->span.valid()) out.limits.pids_span = pids->span;
  }
  if (const Node* mem = svc.Find("mem_reservation")) {
    if (auto b = BytesOf(*mem)) out.reservations.memory_bytes = b;
  }
  if (deploy && deploy->is_map()) {
    if (const Node* r = deploy->Find("replicas"); r && !r->is_null()) {
      if (auto i = IntOf(*r)) out.replicas = Spanned<int64_t>{*i, r->span};
    }
    if (const Node* policy = deploy->Find("restart_policy"); policy && policy->is_map()) {
      out.restart_policy_condition = OptStr(*policy, "condition");
    }
  }
}

Spanned<bool> FlagAt(const Node& svc, std::string_view key) {
  const Node* n = svc.Find(key);
  return Spanned<bool>{n ? BoolAt(svc, key) : false, n ? n->span : ir::Span{}};
}

// The typed fields of a service; `raw` is left to the caller.
ir::Service LowerTyped(const MapEntry& entry) {
  const Node& svc = entry.value;
  ir::Service s;
  s.name = {entry.key, entry.key_span};
  s.span = svc.span;
  if (!svc.is_map()) return s;
  s.image = OptStr(svc, "image");
  s.build = Build(svc);
  s.command = Command(svc, "command");
  s.entrypoint = Command(svc, "entrypoint");
  s.environment = KeyValuesAt(svc, "environment", true);
  if (const Node* ef = svc.Find("env_file"); ef && ef->is_seq()) {
    for (const Node& f : ef->items) {
      s.env_files.push_back({f.is_map() ? StrAt(f, "path") : Str(f), f.span});
    }
  }
  s.ports = Ports(svc);
  s.expose = StrList(svc, "expose");
  s.volumes = Mounts(svc);
  s.volumes_from = StrList(svc, "volumes_from");
  s.tmpfs = StrList(svc, "tmpfs");
  s.networks = Attachments(svc);
  s.network_mode = OptStr(svc, "network_mode");
  s.links = StrList(svc, "links");
  s.external_links = StrList(svc, "external_links");
  s.extra_hosts = StrList(svc, "extra_hosts");
  s.depends_on = Dependencies(svc);
  s.healthcheck = Healthcheck(svc);
  s.restart = OptStr(svc, "restart");
  if (const Node* logging = svc.Find("logging"); logging && logging->is_map()) {
    s.logging_driver = OptStr(*logging, "driver");
  }
  s.user = OptStr(svc, "user");
  s.working_dir = OptStr(svc, "working_dir");
  s.hostname = OptStr(svc, "hostname");
  s.domainname = OptStr(svc, "domainname");
  s.container_name = OptStr(svc, "container_name");
  s.platform = OptStr(svc, "platform");
  s.pull_policy = OptStr(svc, "pull_policy");
  s.stop_signal = OptStr(svc, "stop_signal");
  s.stop_grace_period_ns = DurationAt(svc, "stop_grace_period");
  s.ipc = OptStr(svc, "ipc");
  s.pid = OptStr(svc, "pid");
  s.privileged = FlagAt(svc, "privileged");
  s.read_only = FlagAt(svc, "read_only");
  s.tty = FlagAt(svc, "tty");
  s.stdin_open = FlagAt(svc, "stdin_open");
  s.init = OptBoolAt(svc, "init");
  s.cap_add = StrList(svc, "cap_add");
  s.cap_drop = StrList(svc, "cap_drop");
  s.security_opt = StrList(svc, "security_opt");
  s.dns = StrList(svc, "dns");
  s.profiles = StrList(svc, "profiles");
  if (const Node* devices = svc.Find("devices"); devices && devices->is_seq()) {
    for (const Node& d : devices->items) {
      if (d.is_map()) {
        std::string text = StrAt(d, "source") + ":" + StrAt(d, "target");
        if (const std::string perms = StrAt(d, "permissions"); !perms.empty()) text += ":" + perms;
        s.devices.push_back({std::move(text), d.span});
      } else {
        s.devices.push_back({Str(d), d.span});
      }
    }
  }
  s.labels = KeyValuesAt(svc, "labels");
  s.sysctls = KeyValuesAt(svc, "sysctls");
  s.secrets = References(svc, "secrets");
  s.configs = References(svc, "configs");
  if (const Node* scale = svc.Find("scale"); scale && !scale->is_null()) {
    if (auto i = IntOf(*scale)) s.scale = Spanned<int64_t>{*i, scale->span};
  }
  LowerResources(svc, s);
  s.extensions = Extensions(svc);
  return s;
}

// The entries of a map, sorted by key: services are lowered in name order, as an ir::Service is
// large to move around afterwards.
template <typename Entries>  // const or not
auto SortedByKey(Entries& entries) {
  std::vector<decltype(entries.data())> order;
  order.reserve(entries.size());
  for (auto& e : entries) order.push_back(&e);
  std::sort(order.begin(), order.end(),
            [](const MapEntry* a, const MapEntry* b) { return a->key < b->key; });
  return order;
}

std::vector<ir::Service> Services(const Node* map) {
  std::vector<ir::Service> out;
  if (!map || !map->is_map()) return out;
  const std::vector<const MapEntry*> order = SortedByKey(map->entries);
  out.reserve(order.size());
  for (const MapEntry* e : order) {
    ir::Service& s = out.emplace_back(LowerTyped(*e));
    s.raw = LowerValue(e->value);
  }
  return out;
}

// As Services, but each service's values move into its `raw` (or are dropped), and the map is
// left empty.
std::vector<ir::Service> TakeServices(Node* map, RawValues raw) {
  std::vector<ir::Service> out;
  if (!map || !map->is_map()) return out;
  const std::vector<MapEntry*> order = SortedByKey(map->entries);
  out.reserve(order.size());
  for (MapEntry* e : order) {
    ir::Service& s = out.emplace_back(LowerTyped(*e));
    if (raw == RawValues::kKeep) s.raw = LowerValue(std::move(e->value));
    e->value = Node();  // freed now, so that the next services' values reuse its memory
  }
  map->entries = {};
  return out;
}

// The resource name: `name:` when given, the key for an external object, else project_key.
std::string ResourceName(const std::string& project, const MapEntry& e) {
  const std::string name = StrAt(e.value, "name");
  if (!name.empty()) return name;
  if (BoolAt(e.value, "external")) return e.key;
  return project + "_" + e.key;
}

// A top-level section (networks, volumes, secrets, configs): each entry's key, resource name and
// span, then `fill` for the rest; sorted by key.
template <typename T, typename Fill>
std::vector<T> TopLevel(const std::string& project, const Node* map, Fill fill) {
  std::vector<T> out;
  if (!map || !map->is_map()) return out;
  for (const MapEntry& e : map->entries) {
    T item;
    item.key = e.key;
    item.name = ResourceName(project, e);
    item.span = e.key_span;
    item.labels = KeyValuesAt(e.value, "labels");
    item.external = BoolAt(e.value, "external");
    fill(e.value, item);
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const T& a, const T& b) { return a.key < b.key; });
  return out;
}

void FillNetwork(const Node& v, ir::Network& n) {
  n.driver = StrAt(v, "driver");
  n.driver_opts = KeyValuesAt(v, "driver_opts");
  n.internal = BoolAt(v, "internal");
  n.attachable = BoolAt(v, "attachable");
  n.enable_ipv4 = OptBoolAt(v, "enable_ipv4");
  n.enable_ipv6 = OptBoolAt(v, "enable_ipv6");
  const Node* ipam = v.is_map() ? v.Find("ipam") : nullptr;
  if (!ipam || !ipam->is_map()) return;
  n.ipam_driver = StrAt(*ipam, "driver");
  if (const Node* config = ipam->Find("config"); config && config->is_seq()) {
    for (const Node& c : config->items) {
      n.ipam_pools.push_back(
          ir::IpamPool{StrAt(c, "subnet"), StrAt(c, "ip_range"), StrAt(c, "gateway"), c.span});
    }
  }
}

void FillVolume(const Node& v, ir::Volume& out) {
  out.driver = StrAt(v, "driver");
  out.driver_opts = KeyValuesAt(v, "driver_opts");
}

void FillFileObject(const Node& v, ir::FileObject& f) {
  f.file = StrAt(v, "file");
  f.environment = StrAt(v, "environment");
  if (const Node* content = v.is_map() ? v.Find("content") : nullptr;
      content && !content->is_null()) {
    f.has_content = true;
    f.content_span = content->span;
  }
}

}  // namespace

namespace {

// The node's strings are moved out when `kTake` (and `node` is then an rvalue's referent).
template <bool kTake, typename N>
ir::Value LowerValueImpl(N& node) {
  ir::Value v;
  v.span = node.span;
  switch (node.kind) {
    case NodeKind::kMapping:
      v.kind = ir::Value::Kind::kMap;
      v.entries.reserve(node.entries.size());
      for (auto& e : node.entries) {
        if (e.key.starts_with("x-#")) continue;  // the loader's internal values (a secret's text)
        if constexpr (kTake) {
          v.entries.push_back(ir::ValueEntry{std::move(e.key), LowerValueImpl<kTake>(e.value)});
        } else {
          v.entries.push_back(ir::ValueEntry{e.key, LowerValueImpl<kTake>(e.value)});
        }
      }
      break;
    case NodeKind::kSequence:
      v.kind = ir::Value::Kind::kList;
      v.items.reserve(node.items.size());
      for (auto& i : node.items) v.items.push_back(LowerValueImpl<kTake>(i));
      break;
    case NodeKind::kScalar:
      switch (node.type) {
        case ScalarType::kNull:
          v.kind = ir::Value::Kind::kNull;
          break;
        case ScalarType::kBool:
          v.kind = ir::Value::Kind::kBool;
          v.text = node.AsBool().value_or(false) ? "true" : "false";
          break;
        case ScalarType::kInt:
          v.kind = ir::Value::Kind::kInt;
          v.text = node.GoString();
          break;
        case ScalarType::kFloat:
          v.kind = ir::Value::Kind::kFloat;
          v.text = node.GoString();
          break;
        case ScalarType::kString:
          v.kind = ir::Value::Kind::kString;
          if constexpr (kTake) {
            v.text = std::move(node.text);
          } else {
            v.text = node.text;
          }
          break;
      }
      break;
  }
  return v;
}

}  // namespace

ir::Value LowerValue(const Node& node) { return LowerValueImpl<false>(node); }

ir::Value LowerValue(Node&& node) { return LowerValueImpl<true>(node); }

namespace {

ir::Project LowerProject(const LoadedProject& loaded, std::vector<ir::Service> services) {
  ir::Project p;
  p.name = loaded.name;
  p.working_dir = loaded.working_dir;
  p.config_files = loaded.config_files;
  p.version_entries = loaded.version_entries;
  const Node& m = loaded.model;
  p.services = std::move(services);
  p.disabled_services = Services(&loaded.disabled_services);
  p.networks = TopLevel<ir::Network>(p.name, m.Find("networks"), FillNetwork);
  p.volumes = TopLevel<ir::Volume>(p.name, m.Find("volumes"), FillVolume);
  p.secrets = TopLevel<ir::FileObject>(p.name, m.Find("secrets"), FillFileObject);
  p.configs = TopLevel<ir::FileObject>(p.name, m.Find("configs"), FillFileObject);
  p.extensions = Extensions(m);
  return p;
}

}  // namespace

ir::Project Lower(const LoadedProject& loaded) {
  return LowerProject(loaded, Services(loaded.model.Find("services")));
}

ir::Project LowerTakingServices(LoadedProject& loaded, RawValues raw) {
  std::vector<ir::Service> services = TakeServices(loaded.model.Find("services"), raw);
  return LowerProject(loaded, std::move(services));
}

}  // namespace stackc::frontend
