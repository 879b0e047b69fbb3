// A network of the project (`networks.*`) and a service's attachment to one
// (`services.*.networks`).
//
// Example (networks: {backend: {internal: true}} in project "shop"):
//   Network{.key = "backend", .name = "shop_backend", .driver = "", .internal = true}
#pragma once

#include <string>
#include <vector>

#include "ir/source.h"
#include "ir/value.h"

namespace stackc::ir {

struct IpamPool {
  std::string subnet;
  std::string ip_range;
  std::string gateway;
  Span span;
};

struct Network {
  std::string key;     // the name in the compose file ("default" for the implicit network)
  std::string name;    // the Engine resource name (project-prefixed unless external or `name:` set)
  std::string driver;  // empty: the Engine's default (bridge)
  std::vector<KeyValue> driver_opts;
  bool internal = false;
  bool attachable = false;
  bool external = false;
  std::optional<bool> enable_ipv4;
  std::optional<bool> enable_ipv6;
  std::string ipam_driver;
  std::vector<IpamPool> ipam_pools;
  std::vector<KeyValue> labels;
  Span span;  // the definition; invalid for a network the loader added
};

struct NetworkAttachment {
  std::string network;  // the network's key
  std::vector<Spanned<std::string>> aliases;
  std::string ipv4_address;
  std::string ipv6_address;
  std::string mac_address;
  int64_t priority = 0;
  Span span;
};

}  // namespace stackc::ir
