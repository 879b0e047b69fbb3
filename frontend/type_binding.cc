#include "frontend/type_binding.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "frontend/go_bytes.h"
#include "frontend/interpolation.h"

namespace stackc::frontend {
namespace {

constexpr const char* kCode = "LOAD032";
constexpr std::string_view kDecodingFailed = "decoding failed due to the following error(s):\n\n";

// What the Go type of a mapping holds, as far as its gathered `x-` keys go.
enum class Holds : uint8_t {
  kText,      // Labels, Mapping, MappingWithEquals, Options, SSH keys: the map as Go prints it
  kTextList,  // map[string][]string: a list of that one text
  kStruct,    // a map of structs: an empty one
  kString,    // a plain map[string]string: mapstructure cannot put a map in a string
  kHosts,     // HostsList: its decoder takes no map of maps
};

// mapstructure's name of a field, for its errors: `services[web].storage_opt`. Formatted only when
// there is an error to report.
struct FieldName {
  std::string_view section;  // "services", "secrets"
  std::string_view name;     // the service's or resource's name
  std::string_view field;    // "storage_opt", "build.extra_hosts"
  std::string str() const { return fmt::format("{}[{}].{}", section, name, field); }
};

// Gathers the `x-` keys of mapping `n` into its "#extensions" entry, as `holds` makes it, or
// reports the decoding error that follows.
void Bind(Node* n, Holds holds, ir::DiagnosticSink& sink, const FieldName& at = {}) {
  if (n == nullptr || !n->is_map()) return;
  const auto is_extension = [](const MapEntry& e) { return e.key.starts_with("x-"); };
  const auto first = std::find_if(n->entries.begin(), n->entries.end(), is_extension);
  if (first == n->entries.end()) return;
  switch (holds) {
    case Holds::kString:
      sink.Error(kCode, first->key_span,
                 fmt::format("{}'{}[#extensions]' expected type 'string', got unconvertible type "
                             "'map[string]interface {{}}'",
                             kDecodingFailed, at.str()));
      return;
    case Holds::kHosts:
      sink.Error(kCode, first->key_span,
                 fmt::format("{}'{}' unexpected value type map[string]interface {{}} for "
                             "extra_hosts entry",
                             kDecodingFailed, at.str()));
      return;
    default:
      break;
  }
  Node gathered = Node::Map(first->value.span);
  for (const MapEntry& e : n->entries) {
    if (is_extension(e)) gathered.entries.push_back(e);
  }
  Node value;
  if (holds == Holds::kStruct) {
    value = Node::Map(first->value.span);
  } else {
    value = Node::String(GoSprint(gathered), first->value.span);
    if (holds == Holds::kTextList) {
      Node list = Node::Seq(first->value.span);
      list.items.push_back(std::move(value));
      value = std::move(list);
    }
  }
  const ir::Span key_span = first->key_span;
  erase_if(n->entries, is_extension);
  // Go's `dict["#extensions"] = extras`: a key the user named so is replaced.
  if (MapEntry* mine = n->FindEntry("#extensions")) {
    mine->key_span = key_span;
    mine->value = std::move(value);
  } else {
    n->entries.push_back(MapEntry{"#extensions", key_span, std::move(value)});
  }
}

Node* Child(Node* n, std::string_view key) { return n != nullptr ? n->Find(key) : nullptr; }

// Each mapping item of the list at `n`.
template <typename Fn>
void EachMapItem(Node* n, Fn fn) {
  if (n == nullptr || !n->is_seq()) return;
  for (size_t i = 0; i < n->items.size(); ++i) {
    if (n->items[i].is_map()) fn(n->items[i], i);
  }
}

// Go's strings.ToLower(s) == "all" || strconv.ParseInt(s, 10, 64) succeeds.
bool IsDeviceCount(std::string_view s) {
  const bool all =
      s.size() == 3 && (s[0] | 0x20) == 'a' && (s[1] | 0x20) == 'l' && (s[2] | 0x20) == 'l';
  int64_t unused = 0;
  return all || ParseGoInt64(s, &unused);
}

// A device request's count decodes into types.DeviceCount: an integer, or a string that is "all"
// in any case or a base-10 int64. Its options are a map of text.
void BindDeviceRequests(Node& requests, std::string_view service, std::string_view field,
                        ir::DiagnosticSink& sink) {
  EachMapItem(&requests, [&](Node& request, size_t i) {
    for (MapEntry& e : request.entries) {
      if (e.key == "options") Bind(&e.value, Holds::kText, sink);
      if (e.key != "count" || !e.value.is_string() || IsDeviceCount(e.value.text)) continue;
      sink.Error(kCode, e.value.span,
                 fmt::format("{}'services[{}].{}[{}].count' invalid value {}, the only value "
                             "allowed is 'all' or a number",
                             kDecodingFailed, service, field, i, GoQuote(e.value.text)));
    }
  });
}

}  // namespace

// One pass over the service's keys, dispatched on their first letter: this runs on every service.
void BindService(Node& service, std::string_view name, ir::DiagnosticSink& sink) {
  if (!service.is_map()) return;
  for (MapEntry& e : service.entries) {
    const std::string_view key = e.key.view();
    Node& v = e.value;
    if (key.empty()) continue;
    switch (key.front()) {
      case 'a':
        if (key == "annotations") Bind(&v, Holds::kText, sink);
        break;
      case 'b':
        if (key != "build" || !v.is_map()) break;
        for (MapEntry& b : v.entries) {
          if (b.key == "args" || b.key == "labels" || b.key == "additional_contexts" ||
              b.key == "ssh") {
            Bind(&b.value, Holds::kText, sink);
          } else if (b.key == "ulimits") {
            Bind(&b.value, Holds::kStruct, sink);
          } else if (b.key == "extra_hosts") {
            Bind(&b.value, Holds::kHosts, sink, {"services", name, "build.extra_hosts"});
          }
        }
        break;
      case 'd':
        if (key == "deploy" && v.is_map()) {
          Bind(v.Find("labels"), Holds::kText, sink);
          if (Node* rsv = Child(Child(&v, "resources"), "reservations")) {
            if (Node* devices = Child(rsv, "devices")) {
              BindDeviceRequests(*devices, name, "deploy.resources.reservations.devices", sink);
            }
          }
        } else if (key == "develop") {
          EachMapItem(Child(&v, "watch"), [&](Node& watch, size_t) {
            Bind(Child(Child(&watch, "exec"), "environment"), Holds::kText, sink);
          });
        }
        break;
      case 'e':
        if (key == "environment") {
          Bind(&v, Holds::kText, sink);
        } else if (key == "extra_hosts") {
          Bind(&v, Holds::kHosts, sink, {"services", name, "extra_hosts"});
        }
        break;
      case 'g':
        if (key == "gpus") BindDeviceRequests(v, name, "gpus", sink);
        break;
      case 'l':
        if (key == "labels") {
          Bind(&v, Holds::kText, sink);
        } else if (key == "logging") {
          Bind(Child(&v, "options"), Holds::kText, sink);
        }
        break;
      case 'm':
        if (key == "models") Bind(&v, Holds::kStruct, sink);
        break;
      case 'n':
        if (key != "networks" || !v.is_map()) break;
        for (MapEntry& n : v.entries) Bind(Child(&n.value, "driver_opts"), Holds::kText, sink);
        Bind(&v, Holds::kStruct, sink);
        break;
      case 'p':
        if (key == "provider") {
          Bind(Child(&v, "options"), Holds::kTextList, sink);
        } else if (key == "post_start" || key == "pre_stop") {
          EachMapItem(
              &v, [&](Node& hook, size_t) { Bind(hook.Find("environment"), Holds::kText, sink); });
        }
        break;
      case 's':
        if (key == "sysctls") {
          Bind(&v, Holds::kText, sink);
        } else if (key == "storage_opt") {
          Bind(&v, Holds::kString, sink, {"services", name, "storage_opt"});
        }
        break;
      case 'u':
        if (key == "ulimits") Bind(&v, Holds::kStruct, sink);
        break;
      case 'v':
        if (key == "volumes") {
          EachMapItem(&v, [&](Node& mount, size_t) {
            Bind(Child(Child(&mount, "volume"), "labels"), Holds::kText, sink);
          });
        }
        break;
      default:
        break;
    }
  }
}

void BindResources(Node& model, ir::DiagnosticSink& sink) {
  if (!model.is_map()) return;
  const auto each = [&](std::string_view section, const auto& fn) {
    if (Node* s = model.Find(section); s && s->is_map()) {
      for (MapEntry& e : s->entries) {
        if (e.value.is_map()) fn(e.value, e.key.view());
      }
    }
  };
  each("networks", [&](Node& n, std::string_view) {
    Bind(n.Find("labels"), Holds::kText, sink);
    Bind(n.Find("driver_opts"), Holds::kText, sink);
    if (Node* ipam = Child(&n, "ipam")) {
      Bind(Child(ipam, "options"), Holds::kText, sink);
      EachMapItem(Child(ipam, "config"),
                  [&](Node& c, size_t) { Bind(c.Find("aux_addresses"), Holds::kText, sink); });
    }
  });
  each("volumes", [&](Node& v, std::string_view) {
    Bind(v.Find("labels"), Holds::kText, sink);
    Bind(v.Find("driver_opts"), Holds::kText, sink);
  });
  each("secrets", [&](Node& s, std::string_view name) {
    Bind(s.Find("labels"), Holds::kText, sink);
    Bind(s.Find("driver_opts"), Holds::kString, sink, {"secrets", name, "driver_opts"});
  });
  each("configs", [&](Node& c, std::string_view) { Bind(c.Find("labels"), Holds::kText, sink); });
  Bind(model.Find("models"), Holds::kStruct, sink);
}

}  // namespace stackc::frontend
