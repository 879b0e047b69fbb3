// Exposure: what is reachable from outside the host, on which address and port.
//
// There are three ways in:
//   - A published port (`ports:`), on the host address written or, with none, on every address
//     (0.0.0.0 and ::). Whether the Engine really opens it depends on the service's network, so
//     every written port is listed with its fate: in `network_mode: host` ports are discarded,
//     `none` has no network to publish from, `service:x` and `container:x` make the Engine refuse
//     the container, and a service whose networks are all `internal: true` gets no host port
//     (the Engine maps ports only through an endpoint with a gateway, and an internal network
//     gives none).
//   - `network_mode: host`, directly or through the `service:x` namespace of a service in it:
//     everything the service listens on is on the host's addresses.
//   - `network_mode: service:x` (followed to the namespace's owner): the owner's published ports
//     forward to the namespace, so they reach whatever the service listens on there.
// `container:x` namespaces are not the project's: nothing is assumed of them.
//
// Example (web: {ports: ["127.0.0.1:8080:80", "443:443"]}, agent: {network_mode: host}):
//   const Exposure e = ComputeExposure(project);
//   e.ports[0]  // {web, address "127.0.0.1", kLoopback, "8080", target 80, "tcp", kPublished}
//   e.ports[1]  // {web, address "0.0.0.0", kAllInterfaces, "443", target 443, ...}
//   e.host_network[0].service->name.value  // "agent"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/port.h"
#include "ir/project.h"
#include "ir/source.h"

namespace stackc::passes {

// What the Engine does with a port written under `ports:`.
enum class PortFate : uint8_t {
  kPublished,    // maps it on the host
  kInternal,     // nothing: every network of the service is internal (no gateway endpoint)
  kHostNetwork,  // discards it: in `network_mode: host` the service listens on the host itself
  kNoNetwork,    // nothing: `network_mode: none`
  kJoined,       // refuses the container: `network_mode: service:x` or `container:x`
};

// Which host addresses a port is published on.
enum class HostScope : uint8_t {
  kAllInterfaces,  // no address, 0.0.0.0 or ::
  kLoopback,       // 127.0.0.0/8 or ::1
  kAddress,        // one specific address
};

// How the host port is chosen.
enum class HostPortKind : uint8_t {
  kFixed,    // "8080"
  kRange,    // "9000-9010": the Engine takes the first free one
  kDynamic,  // none written: an ephemeral port
};

struct PublishedPort {
  const ir::Service* service = nullptr;
  const ir::Port* port = nullptr;  // as the IR has it (mode, name, app_protocol)
  std::string address;             // as written, without brackets; "0.0.0.0" when none is
  HostScope scope = HostScope::kAllInterfaces;
  HostPortKind kind = HostPortKind::kDynamic;
  std::string published;  // "8080", "9000-9010", "" when dynamic
  uint32_t target = 0;    // the container port
  std::string protocol;   // "tcp" when none is written
  PortFate fate = PortFate::kPublished;
  ir::Span span;  // the `ports:` entry

  // The host port as findings name it: "8080", "9000-9010" or "an ephemeral port".
  std::string_view PublishedName() const {
    return published.empty() ? std::string_view("an ephemeral port") : published;
  }
};

// A service in the host's network namespace: every port it listens on is a port of the host.
struct HostNetworkService {
  const ir::Service* service = nullptr;
  const ir::Service* through = nullptr;  // the `service:x` owner in host mode; null: its own mode
  ir::Span span;                         // its `network_mode`
};

// A service in another service's namespace (`service:x`, followed to the owner, which has a
// network of its own and writes ports): the owner's ports reach what the service listens on.
struct SharedNamespace {
  const ir::Service* service = nullptr;
  const ir::Service* owner = nullptr;
  std::vector<PublishedPort> ports;  // the owner's, as in Exposure::ports
  ir::Span span;                     // the service's `network_mode`
};

struct Exposure {
  std::vector<PublishedPort> ports;  // every written port: by service name, then as written
  std::vector<HostNetworkService> host_network;  // by service name
  std::vector<SharedNamespace> shared;           // by service name
};

// The exposure of the project's enabled services.
Exposure ComputeExposure(const ir::Project& project);

// What the Engine does with the ports `s` writes, from its network mode or its networks (the fate
// of each of its entries in Exposure::ports).
PortFate PortsFate(const ir::Project& project, const ir::Service& s);

// An IP address as 16 bytes, an IPv4 one as ::ffff:a.b.c.d.
using IpAddress = std::array<uint8_t, 16>;
// The bytes of a host address, in brackets or not, in any spelling (`::`, `0:0::0`, `[::0]`,
// `::ffff:127.0.0.1`); nullopt when it is not an IP address.
std::optional<IpAddress> ParseIpAddress(std::string_view address);
// Whether an address is an IPv4 one (::ffff:a.b.c.d).
bool IsIpv4(const IpAddress& ip);
// Whether a host address means every address: 0.0.0.0 or :: in any spelling (`[::0]`,
// `0:0:0:0:0:0:0:0`, `::ffff:0.0.0.0`). A port published there is on every interface.
bool IsUnspecified(std::string_view address);
// Whether a host address is a loopback one (127.0.0.0/8, ::1, in any spelling, in brackets or not).
bool IsLoopback(std::string_view address);

}  // namespace stackc::passes
