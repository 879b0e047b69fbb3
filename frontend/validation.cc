#include "frontend/validation.h"

#include <string>

#include <fmt/format.h>

#include "frontend/port_spec.h"

namespace stackc::frontend {

namespace {

constexpr const char* kCode = "LOAD040";

bool Fail(ir::DiagnosticSink& sink, ir::Span span, std::string message) {
  sink.Error(kCode, span, std::move(message));
  return false;
}

bool CheckExternal(const MapEntry& e, const std::string& path, ir::DiagnosticSink& sink) {
  const Node& v = e.value;
  if (!v.is_map()) return true;
  const Node* ext = v.Find("external");
  if (!ext || !ext->AsBool().value_or(false)) return true;
  for (const MapEntry& k : v.entries) {
    if (k.key == "name" || k.key == "external" || k.key.starts_with("x-")) continue;
    return Fail(
        sink, k.key_span,
        fmt::format("{}: conflicting parameters \"external\" and \"{}\" specified", path, k.key));
  }
  return true;
}

bool CheckFileObject(const MapEntry& e, const std::string& path,
                     std::initializer_list<const char*> keys, ir::DiagnosticSink& sink) {
  const Node& v = e.value;
  if (!v.is_map()) return true;
  int count = 0;
  std::string names;
  for (const char* k : keys) {
    if (v.Find(k)) ++count;
    names += (names.empty() ? "" : "|") + std::string(k);
  }
  if (count > 1) {
    return Fail(sink, e.key_span,
                fmt::format("{}: {} attributes are mutually exclusive", path, names));
  }
  if (count == 0 && !v.Find("driver") && !v.Find("external")) {
    return Fail(sink, e.key_span, fmt::format("{}: one of {} must be set", path, names));
  }
  return true;
}

bool CheckDeviceRequest(const Node& d, const std::string& path, ir::DiagnosticSink& sink) {
  if (d.is_map() && d.Find("count") && d.Find("device_ids")) {
    return Fail(sink, d.span,
                fmt::format("{}: \"count\" and \"device_ids\" attributes are exclusive", path));
  }
  return true;
}

}  // namespace

bool ValidateResources(const Node& model, ir::DiagnosticSink& sink) {
  if (!model.is_map()) return true;
  if (const Node* volumes = model.Find("volumes"); volumes && volumes->is_map()) {
    for (const MapEntry& e : volumes->entries) {
      if (!CheckExternal(e, "volumes." + e.key, sink)) return false;
    }
  }
  if (const Node* configs = model.Find("configs"); configs && configs->is_map()) {
    for (const MapEntry& e : configs->entries) {
      if (!CheckFileObject(e, "configs." + e.key, {"file", "environment", "content"}, sink)) {
        return false;
      }
    }
  }
  if (const Node* secrets = model.Find("secrets"); secrets && secrets->is_map()) {
    for (const MapEntry& e : secrets->entries) {
      if (!CheckFileObject(e, "secrets." + e.key, {"file", "environment"}, sink)) return false;
    }
  }
  return true;
}

bool ValidateService(const MapEntry& s, ir::DiagnosticSink& sink) {
  const Node& svc = s.value;
  if (!svc.is_map()) return true;
  // The messages' prefix, built only for a message.
  auto base = [&s] { return "services." + s.key; };
  if (const Node* ports = svc.Find("ports"); ports && ports->is_seq()) {
    for (const Node& p : ports->items) {
      const Node* ip = p.is_map() ? p.Find("host_ip") : nullptr;
      if (ip && !IsGoIPAddress(ip->GoString())) {
        return Fail(sink, ip->span,
                    fmt::format("{}.ports.[]: invalid ip address: {}", base(), ip->GoString()));
      }
    }
  }
  if (const Node* dev = svc.Find("develop"); dev && dev->is_map()) {
    if (const Node* watch = dev->Find("watch"); watch && watch->is_seq()) {
      for (const Node& w : watch->items) {
        const Node* path = w.is_map() ? w.Find("path") : nullptr;
        if (path && path->is_string() && path->text.empty()) {
          return Fail(sink, path->span,
                      fmt::format("{}.develop.watch.[].path: value can't be blank", base()));
        }
      }
    }
  }
  if (const Node* gpus = svc.Find("gpus"); gpus && gpus->is_seq()) {
    for (const Node& d : gpus->items) {
      if (!CheckDeviceRequest(d, base() + ".gpus.[]", sink)) return false;
    }
  }
  const Node* deploy = svc.Find("deploy");
  const Node* res = deploy && deploy->is_map() ? deploy->Find("resources") : nullptr;
  const Node* rsv = res && res->is_map() ? res->Find("reservations") : nullptr;
  const Node* devs = rsv && rsv->is_map() ? rsv->Find("devices") : nullptr;
  if (devs && devs->is_seq()) {
    for (const Node& d : devs->items) {
      if (!CheckDeviceRequest(d, base() + ".deploy.resources.reservations.devices.[]", sink)) {
        return false;
      }
    }
  }
  return true;
}

bool ValidateModel(const Node& model, ir::DiagnosticSink& sink) {
  if (!ValidateResources(model, sink)) return false;
  const Node* services = model.is_map() ? model.Find("services") : nullptr;
  if (!services || !services->is_map()) return true;
  for (const MapEntry& s : services->entries) {
    if (!ValidateService(s, sink)) return false;
  }
  return true;
}

}  // namespace stackc::frontend
