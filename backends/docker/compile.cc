#include "backends/docker/compile.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "frontend/go_bytes.h"
#include "ir/sha256.h"
#include "passes/dependency_order.h"

namespace stackc::backends::docker {
namespace {

using nlohmann::json;

constexpr char kUnsupportedCode[] = "DOCKER001";
constexpr char kDegradedCode[] = "DOCKER002";
constexpr char kInvalidCode[] = "DOCKER003";

#define MAPPED KeySupport::kMapped
#define DEGRADED KeySupport::kDegraded
#define IGNORED KeySupport::kIgnored
#define REJECTED KeySupport::kRejected
#define KEY(name, status, note) {#name, status, note},
constexpr KeyRow kServiceKeys[] = {
#include "backends/docker/service_keys.def"
};
#undef KEY
#undef MAPPED
#undef DEGRADED
#undef IGNORED
#undef REJECTED

// ---- raw values the IR does not type ----

const ir::Value* Raw(const ir::Service& s, std::string_view key) { return s.raw.Find(key); }

std::optional<std::string> RawText(const ir::Service& s, std::string_view key) {
  const ir::Value* v = Raw(s, key);
  if (v == nullptr || v->is_null() || v->is_map() || v->is_list()) return std::nullopt;
  return v->text;
}

std::optional<int64_t> RawInt(const ir::Service& s, std::string_view key) {
  std::optional<std::string> t = RawText(s, key);
  if (!t) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(t->c_str(), &end, 10);
  if (end == t->c_str() || *end != '\0') return std::nullopt;
  return v;
}

std::optional<int64_t> RawBytes(const ir::Service& s, std::string_view key) {
  std::optional<std::string> t = RawText(s, key);
  if (!t) return std::nullopt;
  const frontend::GoBytesResult r = frontend::ParseUnitBytes(*t);
  if (!r.ok()) return std::nullopt;
  return r.bytes;
}

std::vector<std::string> RawList(const ir::Service& s, std::string_view key) {
  std::vector<std::string> out;
  const ir::Value* v = Raw(s, key);
  if (v == nullptr || !v->is_list()) return out;
  for (const ir::Value& item : v->items) out.push_back(item.text);
  return out;
}

json RawStringMap(const ir::Service& s, std::string_view key) {
  json out = json::object();
  const ir::Value* v = Raw(s, key);
  if (v == nullptr || !v->is_map()) return out;
  for (const ir::ValueEntry& e : v->entries) out[e.key] = e.value.text;
  return out;
}

std::vector<std::string> Texts(const std::vector<ir::Spanned<std::string>>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& s : list) out.push_back(s.value);
  return out;
}

json Labels(const std::vector<ir::KeyValue>& labels) {
  json out = json::object();
  for (const ir::KeyValue& kv : labels) out[kv.key] = kv.value.value_or("");
  return out;
}

std::string ContainerName(const std::string& project, const ir::Service& s, int number) {
  if (s.container_name) return s.container_name->value;
  return fmt::format("{}-{}-{}", project, s.name.value, number);
}

// "service:x" -> "container:<x's first container>"; other values unchanged.
std::string ServiceRef(const ir::Project& p, const std::string& value) {
  if (!value.starts_with("service:")) return value;
  const std::string target = value.substr(8);
  const ir::Service* t = p.FindService(target);
  return "container:" + (t ? ContainerName(p.name, *t, 1) : target);
}

class Compiler {
 public:
  Compiler(const ir::Project& p, const CompileOptions& o, const frontend::FileSystem& fs,
           ir::DiagnosticSink& sink)
      : p_(p), o_(o), fs_(fs), sink_(sink) {}

  DesiredState Run() {
    DesiredState d;
    d.project = p_.name;
    for (const ir::Network& n : p_.networks) d.networks.push_back(NetworkOf(n));
    for (const ir::Volume& v : p_.volumes) d.volumes.push_back(VolumeOf(v));
    std::sort(d.networks.begin(), d.networks.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::sort(d.volumes.begin(), d.volumes.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const ir::Service& s : p_.services) d.services.push_back(ServiceOf(s));
    d.waves = passes::ComputeDependencyOrder(p_).waves;
    return d;
  }

 private:
  // Labels a network or volume request with the project and its key (ours and Compose's), and
  // with the hash of the whole request, which it returns.
  std::string Seal(json& body, json labels, const char* key_label, const char* compose_key_label,
                   const std::string& key) const {
    labels[kProjectLabel] = p_.name;
    labels[key_label] = key;
    labels[kComposeProjectLabel] = p_.name;
    labels[compose_key_label] = key;
    body["Labels"] = std::move(labels);
    std::string hash = ir::Sha256Hex(body.dump());
    body["Labels"][kHashLabel] = hash;
    return hash;
  }

  // `post_start` or `pre_stop` of the canonical service: command (a list), user, privileged,
  // working_dir, environment (a map).
  static std::vector<DesiredHook> HooksOf(const ir::Service& s, std::string_view key) {
    std::vector<DesiredHook> out;
    const ir::Value* hooks = s.raw.Find(key);
    if (hooks == nullptr || !hooks->is_list()) return out;
    for (const ir::Value& h : hooks->items) {
      json exec = json::object();
      json cmd = json::array();
      if (const ir::Value* command = h.Find("command"); command && command->is_list()) {
        for (const ir::Value& word : command->items) cmd.push_back(word.text);
      }
      exec["Cmd"] = cmd;
      if (const ir::Value* user = h.Find("user")) exec["User"] = user->text;
      if (const ir::Value* privileged = h.Find("privileged")) {
        exec["Privileged"] = privileged->text == "true";
      }
      if (const ir::Value* dir = h.Find("working_dir")) exec["WorkingDir"] = dir->text;
      if (const ir::Value* env = h.Find("environment")) {
        json vars = json::array();  // a map, or a list of KEY=value as written
        // A variable without a value is left out: the hook inherits the container's.
        for (const ir::ValueEntry& e : env->entries) {
          if (!e.value.is_null()) vars.push_back(e.key + "=" + e.value.text);
        }
        for (const ir::Value& item : env->items) {
          if (item.text.find('=') != std::string::npos) vars.push_back(item.text);
        }
        if (!vars.empty()) exec["Env"] = vars;
      }
      out.push_back({std::move(exec)});
    }
    return out;
  }

  DesiredNetwork NetworkOf(const ir::Network& n) {
    DesiredNetwork d;
    d.key = n.key;
    d.name = n.name;
    d.external = n.external;
    if (n.external) return d;
    json body = {{"Name", n.name}, {"Driver", n.driver.empty() ? "bridge" : n.driver}};
    if (o_.api_minor < 44) body["CheckDuplicate"] = true;
    if (n.internal) body["Internal"] = true;
    if (n.attachable) body["Attachable"] = true;
    if (n.enable_ipv6) body["EnableIPv6"] = *n.enable_ipv6;
    if (n.enable_ipv4 && o_.api_minor >= 48) body["EnableIPv4"] = *n.enable_ipv4;
    json opts = json::object();
    for (const ir::KeyValue& kv : n.driver_opts) opts[kv.key] = kv.value.value_or("");
    body["Options"] = opts;
    json ipam = {{"Driver", n.ipam_driver.empty() ? "default" : n.ipam_driver}};
    json pools = json::array();
    for (const ir::IpamPool& pool : n.ipam_pools) {
      json c = json::object();
      if (!pool.subnet.empty()) c["Subnet"] = pool.subnet;
      if (!pool.ip_range.empty()) c["IPRange"] = pool.ip_range;
      if (!pool.gateway.empty()) c["Gateway"] = pool.gateway;
      pools.push_back(c);
    }
    ipam["Config"] = pools;
    body["IPAM"] = ipam;
    d.hash = Seal(body, Labels(n.labels), kNetworkLabel, kComposeNetworkLabel, n.key);
    d.create = std::move(body);
    return d;
  }

  DesiredVolume VolumeOf(const ir::Volume& v) {
    DesiredVolume d;
    d.key = v.key;
    d.name = v.name;
    d.external = v.external;
    if (v.external) return d;
    json body = {{"Name", v.name}, {"Driver", v.driver.empty() ? "local" : v.driver}};
    json opts = json::object();
    for (const ir::KeyValue& kv : v.driver_opts) opts[kv.key] = kv.value.value_or("");
    body["DriverOpts"] = opts;
    d.hash = Seal(body, Labels(v.labels), kVolumeLabel, kComposeVolumeLabel, v.key);
    d.create = std::move(body);
    return d;
  }

  void CheckKeys(const ir::Service& s) {
    if (!s.raw.is_map()) return;
    for (const ir::ValueEntry& e : s.raw.entries) {
      if (e.key.starts_with("x-")) continue;
      const KeyRow* row = FindServiceKey(e.key);
      if (row == nullptr) {
        sink_.Warning(kDegradedCode, e.value.span,
                      fmt::format("service '{}': key '{}' is unknown to the docker backend and is "
                                  "not applied",
                                  s.name.value, e.key));
      } else if (row->support == KeySupport::kRejected) {
        sink_.Error(kUnsupportedCode, e.value.span,
                    fmt::format("service '{}': '{}' is not supported by the docker backend: {}",
                                s.name.value, e.key, row->note));
      } else if (row->support == KeySupport::kDegraded) {
        if (e.key == "deploy" && !DeployNeedsWarning(e.value)) continue;
        if (e.key == "build") continue;  // built when the image is missing
        if (e.key == "pull_policy" && (e.value.text == "never" || e.value.text == "missing"))
          continue;
        sink_.Warning(kDegradedCode, e.value.span,
                      fmt::format("service '{}': '{}' is only partly applied: {}", s.name.value,
                                  e.key, row->note));
      }
    }
  }

  static bool DeployNeedsWarning(const ir::Value& deploy) {
    if (!deploy.is_map()) return false;
    for (const ir::ValueEntry& e : deploy.entries) {
      if (e.key != "replicas" && e.key != "resources") return true;
    }
    return false;
  }

  // A file secret or config as a read-only bind, with its content in the hash.
  // A secret or config: a file is bound read-only and its content goes into the hash; a value
  // from the environment or inline content is copied in before start (`inject`), and only its
  // hash is kept anywhere else.
  void FileMount(const ir::Service& s, const ir::FileReference& ref, bool secret, json& binds,
                 json& files, json& inject) {
    const ir::FileObject* obj = secret ? p_.FindSecret(ref.source) : p_.FindConfig(ref.source);
    const char* kind = secret ? "secret" : "config";
    if (obj == nullptr) return;  // the loader reports undefined references
    if (obj->external) {
      sink_.Error(
          kUnsupportedCode, ref.span,
          fmt::format("service '{}': unsupported external {} '{}'", s.name.value, kind, obj->name));
      return;
    }
    std::string target = ref.target;
    if (secret) {
      if (target.empty()) target = "/run/secrets/" + ref.source;
      if (!target.starts_with("/")) target = "/run/secrets/" + target;
    } else {
      if (target.empty()) target = "/" + ref.source;
      if (!target.starts_with("/")) target = "/" + target;
    }
    if (obj->file.empty()) {
      auto it = o_.file_values.find(fmt::format("{}:{}", kind, ref.source));
      if (it == o_.file_values.end()) {
        sink_.Error(kInvalidCode, ref.span,
                    fmt::format("service '{}': {} '{}' has no value: environment variable '{}' is "
                                "not set",
                                s.name.value, kind, ref.source, obj->environment));
        return;
      }
      const std::string hash = ir::Sha256Hex(it->second);
      files[fmt::format("{}:{}", kind, ref.source)] = hash;
      inject.push_back({{"path", target},
                        {"content", it->second},
                        {"mode", ref.mode.value_or(0444)},
                        {"uid", std::atoll(ref.uid.c_str())},
                        {"gid", std::atoll(ref.gid.c_str())}});
      return;
    }
    std::string content, error;
    if (!fs_.Read(obj->file, &content, &error)) {
      sink_.Error(kInvalidCode, ref.span,
                  fmt::format("service '{}': cannot read {} '{}' from '{}': {}", s.name.value, kind,
                              ref.source, obj->file, error));
      return;
    }
    files[obj->file] = ir::Sha256Hex(content);
    binds.push_back(obj->file + ":" + target + ":ro");
  }

  void Mounts(const ir::Service& s, json& binds, json& mounts, std::vector<std::string>* volumes) {
    for (const ir::Mount& m : s.volumes) {
      switch (m.type) {
        case ir::MountType::kBind: {
          if (m.create_host_path) {
            std::vector<std::string> opts;
            if (m.read_only) opts.push_back("ro");
            if (!m.selinux.empty()) opts.push_back(m.selinux);
            if (!m.propagation.empty()) opts.push_back(m.propagation);
            std::string spec = m.source + ":" + m.target;
            for (size_t i = 0; i < opts.size(); ++i) spec += (i == 0 ? ":" : ",") + opts[i];
            binds.push_back(spec);
          } else {
            json mount = {{"Type", "bind"}, {"Source", m.source}, {"Target", m.target}};
            if (m.read_only) mount["ReadOnly"] = true;
            if (!m.propagation.empty()) mount["BindOptions"] = {{"Propagation", m.propagation}};
            mounts.push_back(mount);
          }
          break;
        }
        case ir::MountType::kVolume: {
          std::string source = m.source;
          if (!source.empty()) {
            if (const ir::Volume* v = p_.FindVolume(source)) source = v->name;
            volumes->push_back(source);
          }
          json mount = {{"Type", "volume"}, {"Source", source}, {"Target", m.target}};
          if (m.read_only) mount["ReadOnly"] = true;
          json vo = json::object();
          if (m.nocopy) vo["NoCopy"] = true;
          if (!m.subpath.empty()) vo["Subpath"] = m.subpath;
          if (!vo.empty()) mount["VolumeOptions"] = vo;
          mounts.push_back(mount);
          break;
        }
        case ir::MountType::kTmpfs: {
          json mount = {{"Type", "tmpfs"}, {"Target", m.target}};
          json to = json::object();
          if (m.tmpfs_size) to["SizeBytes"] = *m.tmpfs_size;
          if (m.tmpfs_mode) to["Mode"] = *m.tmpfs_mode;
          if (!to.empty()) mount["TmpfsOptions"] = to;
          mounts.push_back(mount);
          break;
        }
        default:
          sink_.Error(kUnsupportedCode, m.span,
                      fmt::format("service '{}': a mount of type '{}' is not supported by the "
                                  "docker backend",
                                  s.name.value, ir::MountTypeName(m.type)));
      }
    }
  }

  static json Endpoint(const ir::Service& s, const ir::NetworkAttachment& a, int api_minor) {
    json aliases = json::array({s.name.value});
    for (const auto& alias : a.aliases) aliases.push_back(alias.value);
    json ep = {{"Aliases", aliases}};
    json ipam = json::object();
    if (!a.ipv4_address.empty()) ipam["IPv4Address"] = a.ipv4_address;
    if (!a.ipv6_address.empty()) ipam["IPv6Address"] = a.ipv6_address;
    if (!ipam.empty()) ep["IPAMConfig"] = ipam;
    if (!a.mac_address.empty() && api_minor >= 44) ep["MacAddress"] = a.mac_address;
    return ep;
  }

  DesiredService ServiceOf(const ir::Service& s) {
    CheckKeys(s);
    DesiredService d;
    d.name = s.name.value;
    d.span = s.span;
    d.has_build = s.build.has_value();
    if (s.build) {
      json args = json::object();
      for (const ir::KeyValue& kv : s.build->args) {
        if (kv.value) args[kv.key] = *kv.value;
      }
      d.build = {{"context", s.build->context},
                 {"dockerfile", s.build->dockerfile.empty() ? "Dockerfile" : s.build->dockerfile},
                 {"args", args},
                 {"target", s.build->target}};
    }
    d.image = ServiceImage(p_, s);
    for (const ir::Dependency& dep : s.depends_on) {
      DesiredDependency dd;
      dd.service = dep.service;
      dd.condition = dep.condition == ir::Dependency::Condition::kHealthy
                         ? DesiredDependency::Condition::kHealthy
                     : dep.condition == ir::Dependency::Condition::kCompletedSuccessfully
                         ? DesiredDependency::Condition::kCompletedSuccessfully
                         : DesiredDependency::Condition::kStarted;
      dd.required = dep.required;
      dd.restart = dep.restart;
      d.depends_on.push_back(dd);
    }

    json c = json::object();
    json host = json::object();
    c["Image"] = d.image;
    if (s.command) c["Cmd"] = s.command->value;
    if (s.entrypoint) c["Entrypoint"] = s.entrypoint->value;
    json env = json::array();
    for (const ir::KeyValue& kv : s.environment) {
      if (kv.value) env.push_back(kv.key + "=" + *kv.value);
    }
    c["Env"] = env;
    if (s.user) c["User"] = s.user->value;
    if (s.working_dir) c["WorkingDir"] = s.working_dir->value;
    if (s.hostname) c["Hostname"] = s.hostname->value;
    if (s.domainname) c["Domainname"] = s.domainname->value;
    if (s.tty.value) c["Tty"] = true;
    if (s.stdin_open.value) c["OpenStdin"] = true;
    if (s.stop_signal) c["StopSignal"] = s.stop_signal->value;
    if (s.stop_grace_period_ns) c["StopTimeout"] = *s.stop_grace_period_ns / 1'000'000'000;
    if (auto mac = RawText(s, "mac_address"); mac && o_.api_minor < 44) c["MacAddress"] = *mac;

    // Ports.
    json exposed = json::object();
    json bindings = json::object();
    for (const ir::Port& port : s.ports) {
      const std::string key =
          fmt::format("{}/{}", port.target, port.protocol.empty() ? "tcp" : port.protocol);
      exposed[key] = json::object();
      json b = {{"HostIp", port.host_ip}, {"HostPort", port.published}};
      bindings[key].push_back(b);
    }
    for (const auto& e : s.expose) {
      std::string key = e.value;
      if (key.find('/') == std::string::npos) key += "/tcp";
      exposed[key] = json::object();
    }
    if (!exposed.empty()) c["ExposedPorts"] = exposed;
    if (!bindings.empty()) host["PortBindings"] = bindings;

    // Healthcheck.
    if (s.healthcheck) {
      const ir::Healthcheck& h = *s.healthcheck;
      json hc = json::object();
      if (h.Disabled()) {
        hc["Test"] = json::array({"NONE"});
      } else {
        if (!h.test.empty()) hc["Test"] = h.test;
        if (h.interval_ns) hc["Interval"] = *h.interval_ns;
        if (h.timeout_ns) hc["Timeout"] = *h.timeout_ns;
        if (h.start_period_ns) hc["StartPeriod"] = *h.start_period_ns;
        if (h.start_interval_ns && o_.api_minor >= 44) hc["StartInterval"] = *h.start_interval_ns;
        if (h.retries) hc["Retries"] = *h.retries;
        d.has_healthcheck = !h.test.empty();
      }
      c["Healthcheck"] = hc;
    }

    // Mounts, secrets and configs.
    json binds = json::array();
    json mounts = json::array();
    json files = json::object();
    Mounts(s, binds, mounts, &d.volumes);
    json inject = json::array();
    for (const ir::FileReference& ref : s.secrets) FileMount(s, ref, true, binds, files, inject);
    for (const ir::FileReference& ref : s.configs) FileMount(s, ref, false, binds, files, inject);
    if (!binds.empty()) host["Binds"] = binds;
    if (!mounts.empty()) host["Mounts"] = mounts;
    if (!s.tmpfs.empty()) {
      json tmpfs = json::object();
      for (const auto& t : s.tmpfs) {
        const size_t colon = t.value.find(':');
        tmpfs[t.value.substr(0, colon)] =
            colon == std::string::npos ? "" : t.value.substr(colon + 1);
      }
      host["Tmpfs"] = tmpfs;
    }

    // Host settings.
    if (s.restart) {
      std::string name = s.restart->value;
      int64_t retries = 0;
      if (const size_t colon = name.find(':'); colon != std::string::npos) {
        retries = std::atoll(name.c_str() + colon + 1);
        name.resize(colon);
      }
      host["RestartPolicy"] = {{"Name", name}, {"MaximumRetryCount", retries}};
    }
    if (!s.cap_add.empty()) host["CapAdd"] = Texts(s.cap_add);
    if (!s.cap_drop.empty()) host["CapDrop"] = Texts(s.cap_drop);
    if (!s.security_opt.empty()) host["SecurityOpt"] = Texts(s.security_opt);
    if (s.privileged.value) host["Privileged"] = true;
    if (s.read_only.value) host["ReadonlyRootfs"] = true;
    if (s.init) host["Init"] = *s.init;
    if (!s.dns.empty()) host["Dns"] = Texts(s.dns);
    if (auto v = RawList(s, "dns_search"); !v.empty()) host["DnsSearch"] = v;
    if (auto v = RawList(s, "dns_opt"); !v.empty()) host["DnsOptions"] = v;
    if (!s.extra_hosts.empty()) {
      json hosts = json::array();
      for (const auto& h : s.extra_hosts) {
        std::string entry = h.value;
        if (const size_t eq = entry.find('='); eq != std::string::npos) entry[eq] = ':';
        hosts.push_back(entry);
      }
      host["ExtraHosts"] = hosts;
    }
    if (!s.sysctls.empty()) host["Sysctls"] = Labels(s.sysctls);
    if (s.ipc) host["IpcMode"] = ServiceRef(p_, s.ipc->value);
    if (s.pid) host["PidMode"] = ServiceRef(p_, s.pid->value);
    if (!s.devices.empty()) {
      json devices = json::array();
      for (const auto& dev : s.devices) {
        std::vector<std::string> parts;
        size_t start = 0;
        while (true) {
          const size_t colon = dev.value.find(':', start);
          parts.push_back(dev.value.substr(start, colon - start));
          if (colon == std::string::npos) break;
          start = colon + 1;
        }
        devices.push_back({{"PathOnHost", parts[0]},
                           {"PathInContainer", parts.size() > 1 ? parts[1] : parts[0]},
                           {"CgroupPermissions", parts.size() > 2 ? parts[2] : "rwm"}});
      }
      host["Devices"] = devices;
    }
    if (s.limits.cpus) host["NanoCpus"] = std::llround(*s.limits.cpus * 1e9);
    if (s.limits.memory_bytes) host["Memory"] = *s.limits.memory_bytes;
    if (s.limits.pids) host["PidsLimit"] = *s.limits.pids;
    if (s.reservations.memory_bytes) host["MemoryReservation"] = *s.reservations.memory_bytes;
    if (auto v = RawInt(s, "pids_limit"); v && !s.limits.pids) host["PidsLimit"] = *v;
    if (auto v = RawBytes(s, "shm_size")) host["ShmSize"] = *v;
    if (auto v = RawBytes(s, "memswap_limit")) host["MemorySwap"] = *v;
    if (auto v = RawInt(s, "mem_swappiness")) host["MemorySwappiness"] = *v;
    if (auto v = RawInt(s, "oom_score_adj")) host["OomScoreAdj"] = *v;
    if (auto v = RawInt(s, "cpu_shares")) host["CpuShares"] = *v;
    if (auto v = RawInt(s, "cpu_period")) host["CpuPeriod"] = *v;
    if (auto v = RawInt(s, "cpu_quota")) host["CpuQuota"] = *v;
    if (auto v = RawInt(s, "cpu_rt_period")) host["CpuRealtimePeriod"] = *v;
    if (auto v = RawInt(s, "cpu_rt_runtime")) host["CpuRealtimeRuntime"] = *v;
    if (auto v = RawText(s, "cpuset")) host["CpusetCpus"] = *v;
    if (auto v = RawText(s, "oom_kill_disable")) host["OomKillDisable"] = *v == "true";
    if (auto v = RawText(s, "uts")) host["UTSMode"] = *v;
    if (auto v = RawText(s, "cgroup")) host["CgroupnsMode"] = *v;
    if (auto v = RawText(s, "cgroup_parent")) host["CgroupParent"] = *v;
    if (auto v = RawText(s, "userns_mode")) host["UsernsMode"] = *v;
    if (auto v = RawText(s, "runtime")) host["Runtime"] = *v;
    if (auto v = RawText(s, "isolation")) host["Isolation"] = *v;
    if (auto v = RawList(s, "device_cgroup_rules"); !v.empty()) host["DeviceCgroupRules"] = v;
    if (auto v = RawList(s, "group_add"); !v.empty()) host["GroupAdd"] = v;
    if (json v = RawStringMap(s, "storage_opt"); !v.empty()) host["StorageOpt"] = v;
    if (json v = RawStringMap(s, "annotations"); !v.empty()) host["Annotations"] = v;
    if (const ir::Value* ul = Raw(s, "ulimits"); ul && ul->is_map()) {
      json ulimits = json::array();
      for (const ir::ValueEntry& e : ul->entries) {
        int64_t soft = 0, hard = 0;
        if (e.value.is_map()) {
          const ir::Value* sv = e.value.Find("soft");
          const ir::Value* hv = e.value.Find("hard");
          soft = sv ? std::atoll(sv->text.c_str()) : 0;
          hard = hv ? std::atoll(hv->text.c_str()) : soft;
        } else {
          soft = hard = std::atoll(e.value.text.c_str());
        }
        ulimits.push_back({{"Name", e.key}, {"Soft", soft}, {"Hard", hard}});
      }
      host["Ulimits"] = ulimits;
    }
    if (const ir::Value* lg = Raw(s, "logging"); lg && lg->is_map()) {
      json log = json::object();
      if (const ir::Value* drv = lg->Find("driver")) log["Type"] = drv->text;
      json cfg = json::object();
      if (const ir::Value* opts = lg->Find("options"); opts && opts->is_map()) {
        for (const ir::ValueEntry& e : opts->entries) cfg[e.key] = e.value.text;
      }
      log["Config"] = cfg;
      host["LogConfig"] = log;
    }
    if (!s.volumes_from.empty()) {
      json from = json::array();
      for (const auto& v : s.volumes_from) {
        std::string ref = v.value;
        std::string mode;
        if (const size_t colon = ref.rfind(':');
            colon != std::string::npos && (ref.ends_with(":ro") || ref.ends_with(":rw"))) {
          mode = ref.substr(colon);
          ref.resize(colon);
        }
        if (ref.starts_with("container:")) {
          ref = ref.substr(10);
        } else if (const ir::Service* t = p_.FindService(ref)) {
          ref = ContainerName(p_.name, *t, 1);
        }
        from.push_back(ref + mode);
      }
      host["VolumesFrom"] = from;
    }
    json links = json::array();
    for (const auto& l : s.links) {
      const size_t colon = l.value.find(':');
      const std::string target = l.value.substr(0, colon);
      const std::string alias = colon == std::string::npos ? target : l.value.substr(colon + 1);
      const ir::Service* t = p_.FindService(target);
      links.push_back((t ? ContainerName(p_.name, *t, 1) : target) + ":" + alias);
    }
    for (const auto& l : s.external_links) {
      links.push_back(l.value.find(':') == std::string::npos ? l.value + ":" + l.value : l.value);
    }
    if (!links.empty()) host["Links"] = links;

    // Networks.
    json endpoints = json::object();
    std::vector<std::pair<std::string, json>> extra;
    if (s.network_mode) {
      std::string mode = s.network_mode->value;
      if (mode.starts_with("service:")) d.network_mode_service = mode.substr(8);
      host["NetworkMode"] = ServiceRef(p_, mode);
    } else {
      std::vector<const ir::NetworkAttachment*> attachments;
      for (const ir::NetworkAttachment& a : s.networks) attachments.push_back(&a);
      std::stable_sort(attachments.begin(), attachments.end(),
                       [](const auto* a, const auto* b) { return a->priority > b->priority; });
      for (size_t i = 0; i < attachments.size(); ++i) {
        const ir::Network* n = p_.FindNetwork(attachments[i]->network);
        const std::string name = n ? n->name : attachments[i]->network;
        d.networks.push_back(name);
        json ep = Endpoint(s, *attachments[i], o_.api_minor);
        if (i == 0) {
          host["NetworkMode"] = name;
          endpoints[name] = ep;
        } else if (o_.api_minor >= 44) {
          endpoints[name] = ep;
        } else {
          extra.emplace_back(name, ep);
        }
      }
    }
    c["HostConfig"] = host;
    if (!endpoints.empty()) c["NetworkingConfig"] = {{"EndpointsConfig", endpoints}};

    json labels = Labels(s.labels);
    labels[kProjectLabel] = p_.name;
    labels[kServiceLabel] = s.name.value;
    labels[kComposeProjectLabel] = p_.name;
    labels[kComposeServiceLabel] = s.name.value;
    labels[kComposeOneoffLabel] = "False";
    c["Labels"] = labels;

    // Lifecycle hooks: exec requests, in the order written.
    d.post_start = HooksOf(s, "post_start");
    d.pre_stop = HooksOf(s, "pre_stop");

    // The hash: the container template (what every replica shares), the image's ID, the
    // content of the files the service reads, and the hooks (a changed hook recreates the
    // containers, as in Docker Compose, whose hash covers the whole service).
    json hashed = {{"container", c}, {"files", files}};
    for (const DesiredHook& h : d.post_start) hashed["post_start"].push_back(h.exec);
    for (const DesiredHook& h : d.pre_stop) hashed["pre_stop"].push_back(h.exec);
    for (const auto& [network, endpoint] : extra) hashed["connect"][network] = endpoint;
    // A built image is identified by its build, not its ID: the ID is known only once it is
    // built, and a second apply must find nothing to do.
    if (d.has_build) {
      hashed["build"] = d.build;
    } else if (auto it = o_.image_ids.find(d.image); it != o_.image_ids.end()) {
      hashed["image_id"] = it->second;
    }
    d.hash = ir::Sha256Hex(hashed.dump());

    int64_t replicas = s.Replicas();
    if (auto it = o_.scale.find(s.name.value); it != o_.scale.end()) replicas = it->second;
    if (replicas > 1 && s.container_name) {
      sink_.Error(kInvalidCode, s.container_name->span,
                  fmt::format("service '{}': container_name '{}' cannot be used with {} replicas",
                              s.name.value, s.container_name->value, replicas));
      replicas = 1;
    }
    for (int n = 1; n <= replicas; ++n) {
      DesiredContainer dc;
      dc.number = n;
      dc.name = ContainerName(p_.name, s, n);
      dc.create = c;
      dc.create["Labels"][kNumberLabel] = std::to_string(n);
      dc.create["Labels"][kComposeNumberLabel] = std::to_string(n);
      dc.create["Labels"][kHashLabel] = d.hash;
      dc.create["Labels"][kComposeHashLabel] = d.hash;
      dc.connect = extra;
      dc.inject = inject;
      d.containers.push_back(std::move(dc));
    }
    std::sort(d.networks.begin(), d.networks.end());
    std::sort(d.volumes.begin(), d.volumes.end());
    d.volumes.erase(std::unique(d.volumes.begin(), d.volumes.end()), d.volumes.end());
    return d;
  }

  const ir::Project& p_;
  const CompileOptions& o_;
  const frontend::FileSystem& fs_;
  ir::DiagnosticSink& sink_;
};

}  // namespace

std::span<const KeyRow> ServiceKeyTable() { return kServiceKeys; }

const KeyRow* FindServiceKey(std::string_view key) {
  const std::span<const KeyRow> t = ServiceKeyTable();
  auto it = std::lower_bound(t.begin(), t.end(), key,
                             [](const KeyRow& r, std::string_view k) { return r.key < k; });
  return it != t.end() && it->key == key ? &*it : nullptr;
}

const char* KeySupportName(KeySupport support) {
  switch (support) {
    case KeySupport::kMapped:
      return "mapped";
    case KeySupport::kDegraded:
      return "degraded";
    case KeySupport::kIgnored:
      return "ignored";
    case KeySupport::kRejected:
      return "rejected";
  }
  return "unknown";
}

std::string ServiceImage(const ir::Project& project, const ir::Service& service) {
  return service.image ? service.image->value
                       : fmt::format("{}-{}", project.name, service.name.value);
}

DesiredState Compile(const ir::Project& project, const CompileOptions& options,
                     const frontend::FileSystem& fs, ir::DiagnosticSink& sink) {
  return Compiler(project, options, fs, sink).Run();
}

}  // namespace stackc::backends::docker
