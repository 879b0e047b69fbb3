#include "frontend/canonical.h"

#include <fmt/format.h>

#include "frontend/merge.h"
#include "frontend/port_spec.h"
#include "frontend/volume_spec.h"

namespace stackc::frontend {

namespace {

constexpr const char* kCode = "LOAD030";

// Short port syntax -> long-form port mappings (compose-go ParsePortConfig + mapstructure encode).
bool ShortPort(const Node& spec, ir::ThinVector<Node>* out, std::string* error) {
  const ir::Span span = spec.span;
  PortSpecResult parsed =
      spec.type == ScalarType::kInt ? ParsePortSpec(*spec.AsInt()) : ParsePortSpec(spec.text);
  if (!parsed.ok()) {
    *error = parsed.error;
    return false;
  }
  for (const PortMapping& p : parsed.ports) {
    Node m = Node::Map(span);
    // Sized once: a project holds thousands of these.
    m.entries.reserve(size_t{!p.mode.empty()} + size_t{!p.host_ip.empty()} + size_t{p.target != 0} +
                      size_t{!p.published.empty()} + size_t{!p.protocol.empty()});
    if (!p.mode.empty()) m.Set("mode", Node::String(std::string(p.mode), span));
    if (!p.host_ip.empty()) m.Set("host_ip", Node::String(p.host_ip, span));
    if (p.target != 0) m.Set("target", Node::Int(p.target, span));
    if (!p.published.empty()) m.Set("published", Node::String(p.published, span));
    if (!p.protocol.empty()) m.Set("protocol", Node::String(std::string(p.protocol), span));
    out->push_back(std::move(m));
  }
  return true;
}

// Short volume syntax -> a typed mount (compose-go format.ParseVolume + mapstructure encode).
bool ShortVolume(const std::string& spec, ir::Span span, Node* out, std::string* error) {
  VolumeSpecResult parsed = ParseVolumeSpec(spec);
  if (!parsed.ok()) {
    *error = parsed.error;
    return false;
  }
  const VolumeSpec& v = parsed.volume;
  const std::string target = CleanVolumeTarget(v.target);
  Node m = Node::Map(span);
  // Sized once: a project holds thousands of these.
  m.entries.reserve(size_t{!v.type.empty()} + size_t{!v.source.empty()} + size_t{!target.empty()} +
                    size_t{v.read_only} + size_t{v.bind.has_value()} +
                    size_t{v.volume.has_value()});
  if (!v.type.empty()) m.Set("type", Node::String(std::string(v.type), span));
  if (!v.source.empty()) m.Set("source", Node::String(v.source, span));
  if (!target.empty()) m.Set("target", Node::String(target, span));
  if (v.read_only) m.Set("read_only", Node::Bool(true, span));
  if (v.bind) {
    Node b = Node::Map(span);
    if (!v.bind->propagation.empty()) {
      b.Set("propagation", Node::String(std::string(v.bind->propagation), span));
    }
    if (v.bind->create_host_path) b.Set("create_host_path", Node::Bool(true, span));
    if (!v.bind->selinux.empty())
      b.Set("selinux", Node::String(std::string(v.bind->selinux), span));
    m.Set("bind", std::move(b));
  }
  if (v.volume) {
    Node b = Node::Map(span);
    if (v.volume->nocopy) b.Set("nocopy", Node::Bool(true, span));
    m.Set("volume", std::move(b));
  }
  *out = std::move(m);
  return true;
}

// A dotted path into the model, spelled out only when a message needs it:
// Path{&service, "ports"}.str() is "services.web.ports" when service is Path{&services, "web"}.
struct Path {
  const Path* parent = nullptr;
  std::string_view part;
  std::string str() const {
    return parent == nullptr ? std::string(part) : parent->str() + "." + std::string(part);
  }
};

class Canonicalizer {
 public:
  Canonicalizer(bool ignore, ir::DiagnosticSink& sink) : ignore_(ignore), sink_(sink) {}

  void Model(Node& model, const std::function<void(MapEntry&)>& each_service) {
    if (!model.is_map()) return;
    for (MapEntry& e : model.entries) {
      if (e.key == "services" && e.value.is_map()) {
        const Path services{nullptr, "services"};
        for (MapEntry& s : e.value.entries) {
          Service(s.value, Path{&services, s.key});
          if (each_service) each_service(s);
        }
      } else if ((e.key == "volumes" || e.key == "networks" || e.key == "secrets" ||
                  e.key == "configs") &&
                 e.value.is_map()) {
        const Path kind{nullptr, e.key};
        for (MapEntry& r : e.value.entries) MaybeExternal(r.value, Path{&kind, r.key});
      } else if (e.key == "include" && e.value.is_seq()) {
        for (Node& i : e.value.items) {
          if (i.is_string()) {
            Node m = Node::Map(i.span);
            m.Set("path", std::move(i));
            i = std::move(m);
          }
        }
      }
    }
  }

 private:
  void Error(const Node& at, std::string message) {
    sink_.Error(kCode, at.span, std::move(message));
  }

  static void StringOrList(Node& n) {
    if (n.is_string()) {
      Node seq = Node::Seq(n.span);
      seq.items.push_back(std::move(n));
      n = std::move(seq);
    }
  }

  static void StringSliceToMap(Node& n) {
    if (!n.is_seq()) return;
    Node m = Node::Map(n.span);
    m.entries.reserve(n.items.size());
    for (Node& i : n.items) {
      const std::string key = i.GoString();
      if (!m.FindEntry(key)) m.entries.push_back(MapEntry{key, i.span, Node::Null(i.span)});
    }
    n = std::move(m);
  }

  void FileMount(Node& n, const Path& path) {
    if (n.is_map()) return;
    if (n.is_string()) {
      Node m = Node::Map(n.span);
      m.Set("source", std::move(n));
      n = std::move(m);
      return;
    }
    Error(n, fmt::format("{}: unsupported type {}", path.str(), GoTypeName(n)));
  }

  void Ulimits(Node& n, const Path& path) {
    if (n.is_map() || n.type == ScalarType::kInt) return;
    Error(n, fmt::format("{}: invalid type {} for external", path.str(), GoTypeName(n)));
  }

  void KeyValue(Node& n, const Path& path) {
    if (n.is_map()) return;
    if (!n.is_seq()) {
      Error(n, fmt::format("{}: invalid type {}", path.str(), GoTypeName(n)));
      return;
    }
    Node m = Node::Map(n.span);
    for (Node& i : n.items) {
      const std::string s = i.GoString();
      const size_t eq = s.find('=');
      if (eq == std::string::npos) {
        if (ignore_) return;
        Error(i, fmt::format("{}: invalid value {}, expected key=value", path.str(), s));
        return;
      }
      const std::string key = s.substr(0, eq);
      m.Set(key, Node::String(s.substr(eq + 1), i.span));
      m.FindEntry(key)->key_span = i.span;
    }
    n = std::move(m);
  }

  void MaybeExternal(Node& n, const Path& path) {
    if (!n.is_map()) return;
    Node* ext = n.Find("external");
    if (!ext || !ext->is_map()) return;
    const Node* ext_name = ext->Find("name");
    const ir::Span span = ext->span;
    std::optional<Node> name_copy;
    if (ext_name) name_copy = *ext_name;
    *ext = Node::Bool(true, span);
    if (name_copy) {
      sink_.Warning(
          "LOAD031", span,
          fmt::format("{}: external.name is deprecated. Please set name and external: true",
                      path.str()));
      const Node* name = n.Find("name");
      if (name) {
        if (name->GoString() != name_copy->GoString()) {
          Error(*name,
                fmt::format("{}: name and external.name conflict; only use name", path.str()));
        }
      } else {
        n.Set("name", std::move(*name_copy));
      }
    }
  }

  void Service(Node& svc, const Path& path) {
    if (!svc.is_map()) return;
    for (MapEntry& e : svc.entries) {
      const Path p{&path, e.key};
      Node& v = e.value;
      if (e.key == "build") {
        Build(v, p);
      } else if (e.key == "depends_on") {
        DependsOn(v, p);
      } else if (e.key == "env_file") {
        EnvFile(v, p);
      } else if (e.key == "label_file") {
        StringOrList(v);
      } else if (e.key == "dns") {
        StringOrList(v);
        if (v.is_seq()) {  // compose-go's OmitEmpty
          erase_if(v.items,
                   [](const Node& n) { return n.is_null() || (n.is_string() && n.text.empty()); });
        }
      } else if (e.key == "extends") {
        if (v.is_string()) {
          Node m = Node::Map(v.span);
          m.Set("service", std::move(v));
          v = std::move(m);
        } else if (!v.is_map()) {
          Error(v, fmt::format("{}: invalid type {} for extends", p.str(), GoTypeName(v)));
        }
      } else if (e.key == "gpus") {
        if (v.is_string()) {
          Node seq = Node::Seq(v.span);
          Node m = Node::Map(v.span);
          m.Set("count", Node::String("all", v.span));
          seq.items.push_back(std::move(m));
          v = std::move(seq);
        }
      } else if (e.key == "networks" || e.key == "models") {
        StringSliceToMap(v);
      } else if (e.key == "volumes" && v.is_seq()) {
        for (Node& i : v.items) VolumeMount(i, Path{&p, "[]"});
      } else if (e.key == "devices" && v.is_seq()) {
        for (Node& i : v.items) Device(i, Path{&p, "[]"});
      } else if ((e.key == "secrets" || e.key == "configs") && v.is_seq()) {
        for (Node& i : v.items) FileMount(i, Path{&p, "[]"});
      } else if (e.key == "ports") {
        Ports(v, p);
      } else if (e.key == "ulimits" && v.is_map()) {
        for (MapEntry& u : v.entries) Ulimits(u.value, Path{&p, u.key});
      } else if (e.key == "develop" && v.is_map()) {
        if (Node* watch = v.Find("watch"); watch && watch->is_seq()) {
          for (Node& w : watch->items) {
            if (!w.is_map()) continue;
            if (Node* i = w.Find("ignore")) StringOrList(*i);
            if (Node* i = w.Find("include")) StringOrList(*i);
          }
        }
      }
    }
  }

  void Build(Node& v, const Path& p) {
    if (v.is_string()) {
      Node m = Node::Map(v.span);
      m.Set("context", std::move(v));
      v = std::move(m);
      return;
    }
    if (!v.is_map()) {
      Error(v, fmt::format("{}: invalid type {} for build", p.str(), GoTypeName(v)));
      return;
    }
    for (MapEntry& b : v.entries) {
      Node& bv = b.value;
      if (b.key == "secrets" && bv.is_seq()) {
        const Path list{&p, "secrets"};
        for (Node& i : bv.items) FileMount(i, Path{&list, "[]"});
      } else if ((b.key == "provenance" || b.key == "sbom") && bv.is_scalar() && !bv.is_string()) {
        bv = Node::String(bv.GoString(), bv.span);
      } else if (b.key == "additional_contexts") {
        KeyValue(bv, Path{&p, "additional_contexts"});
      } else if (b.key == "ssh") {
        Ssh(bv, Path{&p, "ssh"});
      } else if (b.key == "ulimits" && bv.is_map()) {
        const Path ulimits{&p, "ulimits"};
        for (MapEntry& u : bv.entries) Ulimits(u.value, Path{&ulimits, u.key});
      }
    }
  }

  void Ssh(Node& v, const Path& p) {
    if (v.is_map()) return;
    if (!v.is_seq()) {
      Error(v, fmt::format("{}: invalid type {} for ssh", p.str(), GoTypeName(v)));
      return;
    }
    Node m = Node::Map(v.span);
    for (Node& i : v.items) {
      if (!i.is_string()) {
        Error(i, fmt::format("invalid ssh key type {}", GoTypeName(i)));
        return;
      }
      const size_t eq = i.text.find('=');
      if (eq == std::string::npos) {
        if (i.text != "default") {
          Error(i, fmt::format("invalid ssh key \"{}\"", i.text));
          return;
        }
        m.Set(i.text, Node::Null(i.span));
        continue;
      }
      m.Set(i.text.substr(0, eq), Node::String(i.text.substr(eq + 1), i.span));
    }
    v = std::move(m);
  }

  void DependsOn(Node& v, const Path& p) {
    if (v.is_map()) {
      for (MapEntry& d : v.entries) {
        if (!d.value.is_map()) {
          Error(d.value, fmt::format("{}.{}: unsupported value", p.str(), d.key));
          return;
        }
        if (!d.value.Find("condition")) d.value.Set("condition", Node::String("service_started"));
        if (!d.value.Find("required")) d.value.Set("required", Node::Bool(true));
      }
      return;
    }
    if (!v.is_seq()) {
      Error(v, fmt::format("{}: invalid type {} for depend_on", p.str(), GoTypeName(v)));
      return;
    }
    Node m = Node::Map(v.span);
    m.entries.reserve(v.items.size());
    for (Node& i : v.items) {
      Node d = Node::Map(i.span);
      d.entries.reserve(2);
      d.Set("condition", Node::String("service_started", i.span));
      d.Set("required", Node::Bool(true, i.span));
      const std::string key = i.GoString();
      if (MapEntry* e = m.FindEntry(key)) {
        e->value = std::move(d);
      } else {
        m.entries.push_back(MapEntry{key, i.span, std::move(d)});
      }
    }
    v = std::move(m);
  }

  void EnvFile(Node& v, const Path& p) {
    auto value = [](Node& e) {
      if (e.is_string()) {
        Node m = Node::Map(e.span);
        const ir::Span span = e.span;
        m.Set("path", std::move(e));
        m.Set("required", Node::Bool(true, span));
        e = std::move(m);
      } else if (e.is_map()) {
        if (!e.Find("required")) e.Set("required", Node::Bool(true, e.span));
      } else {
        e = Node::Null(e.span);
      }
    };
    if (v.is_string()) {
      Node seq = Node::Seq(v.span);
      seq.items.push_back(std::move(v));
      v = std::move(seq);
    } else if (!v.is_seq()) {
      Error(v, fmt::format("{}: invalid type {} for env_file", p.str(), GoTypeName(v)));
      return;
    }
    for (Node& e : v.items) value(e);
  }

  void VolumeMount(Node& v, const Path& p) {
    if (v.is_map()) return;
    if (!v.is_string()) {
      Error(v, fmt::format("{}: invalid type {} for service volume mount", p.str(), GoTypeName(v)));
      return;
    }
    Node out;
    std::string error;
    if (!ShortVolume(v.text, v.span, &out, &error)) {
      if (ignore_) return;
      Error(v, error);
      return;
    }
    v = std::move(out);
  }

  void Device(Node& v, const Path& p) {
    if (v.is_map()) return;
    if (!v.is_string()) {
      Error(v, fmt::format("{}: invalid type {} for service volume mount", p.str(), GoTypeName(v)));
      return;
    }
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      const size_t colon = v.text.find(':', start);
      parts.push_back(v.text.substr(start, colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    std::string src;
    std::string dst;
    std::string permissions = "rwm";
    if (parts.size() > 3) {
      if (!ignore_) {
        Error(v, fmt::format("confusing device mapping, please use long syntax: {}", v.text));
        return;
      }
    } else {
      src = parts[0];
      if (parts.size() >= 2) dst = parts[1];
      if (parts.size() == 3) permissions = parts[2];
    }
    if (dst.empty()) dst = src;
    Node m = Node::Map(v.span);
    m.Set("source", Node::String(src, v.span));
    m.Set("target", Node::String(dst, v.span));
    m.Set("permissions", Node::String(permissions, v.span));
    v = std::move(m);
  }

  void Ports(Node& v, const Path& p) {
    if (!v.is_seq()) {
      Error(v, fmt::format("{}: invalid type {} for port", p.str(), GoTypeName(v)));
      return;
    }
    ir::ThinVector<Node> out;
    for (Node& e : v.items) {
      if (e.is_map()) {
        out.push_back(std::move(e));
        continue;
      }
      if (e.type != ScalarType::kInt && e.type != ScalarType::kString) {
        Error(e, fmt::format("{}: invalid type {} for port", p.str(), GoTypeName(e)));
        return;
      }
      std::string error;
      if (!ShortPort(e, &out, &error)) {
        if (ignore_ && e.is_string()) return;
        Error(e, error);
        return;
      }
    }
    v.items = std::move(out);
  }

  bool ignore_;
  ir::DiagnosticSink& sink_;
};

void DeviceRequestDefaults(Node& v) {
  if (!v.is_map()) return;
  if (!v.Find("count") && !v.Find("device_ids")) v.Set("count", Node::String("all", v.span));
}

}  // namespace

void Canonicalize(Node& model, bool ignore_parse_errors, ir::DiagnosticSink& sink,
                  const std::function<void(MapEntry&)>& each_service) {
  Canonicalizer(ignore_parse_errors, sink).Model(model, each_service);
}

void SetServiceDefaults(Node& svc) {
  if (!svc.is_map()) return;
  if (Node* build = svc.Find("build"); build && build->is_map() && !build->Find("context")) {
    build->Set("context", Node::String(".", build->span));
  }
  if (Node* secrets = svc.Find("secrets"); secrets && secrets->is_seq()) {
    for (Node& sec : secrets->items) {
      if (!sec.is_map() || sec.Find("target")) continue;
      const Node* source = sec.Find("source");
      sec.Set("target",
              Node::String("/run/secrets/" + (source ? source->GoString() : "<nil>"), sec.span));
    }
  }
  if (Node* ports = svc.Find("ports"); ports && ports->is_seq()) {
    for (Node& port : ports->items) {
      if (!port.is_map()) continue;
      if (!port.Find("protocol")) port.Set("protocol", Node::String("tcp", port.span));
      if (!port.Find("mode")) port.Set("mode", Node::String("ingress", port.span));
    }
  }
  if (Node* deploy = svc.Find("deploy"); deploy && deploy->is_map()) {
    if (Node* res = deploy->Find("resources"); res && res->is_map()) {
      if (Node* rsv = res->Find("reservations"); rsv && rsv->is_map()) {
        if (Node* devs = rsv->Find("devices"); devs && devs->is_seq()) {
          for (Node& d : devs->items) DeviceRequestDefaults(d);
        }
      }
    }
  }
  if (Node* gpus = svc.Find("gpus"); gpus && gpus->is_seq()) {
    for (Node& d : gpus->items) DeviceRequestDefaults(d);
  }
  if (Node* volumes = svc.Find("volumes"); volumes && volumes->is_seq()) {
    for (Node& vol : volumes->items) {
      if (!vol.is_map()) continue;
      if (Node* bind = vol.Find("bind");
          bind && bind->is_map() && !bind->Find("create_host_path")) {
        bind->Set("create_host_path", Node::Bool(true, bind->span));
      }
    }
  }
}

void SetDefaultValues(Node& model, ir::DiagnosticSink& sink) {
  (void)sink;
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return;
  for (MapEntry& s : services->entries) SetServiceDefaults(s.value);
}

}  // namespace stackc::frontend
