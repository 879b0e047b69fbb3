// A published or declared container port, in Compose's long form: one entry per container port.
//
// The short form "127.0.0.1:8080-8081:80-81/udp" becomes two Ports (target 80 and 81, published
// "8080" and "8081"); `published` stays a string because Compose allows ranges and leaves it empty
// for an ephemeral host port.
//
// Example (services.web.ports: ["127.0.0.1:8080:80"]):
//   Port{.target = 80, .published = "8080", .host_ip = "127.0.0.1", .protocol = "tcp",
//        .mode = "ingress"}
#pragma once

#include <cstdint>
#include <string>

#include "ir/source.h"

namespace stackc::ir {

struct Port {
  uint32_t target = 0;       // the container port
  std::string published;     // host port or range; empty: an ephemeral port (when published)
  std::string host_ip;       // empty: every address (0.0.0.0 and ::)
  std::string protocol;      // "tcp" (default), "udp", "sctp"
  std::string mode;          // "ingress" (default) or "host"
  std::string name;          // optional
  std::string app_protocol;  // optional
  Span span;

  // Whether the port binds on every host address (no host_ip, 0.0.0.0 or ::).
  bool OnAllAddresses() const { return host_ip.empty() || host_ip == "0.0.0.0" || host_ip == "::"; }
};

}  // namespace stackc::ir
