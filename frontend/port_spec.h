// Port short syntax: one `ports:` string (or integer) of a service, expanded into long-form
// entries, one per container port, exactly as compose-go's `types.ParsePortConfig` does on top of
// go-connections v0.7.0 `nat.ParsePortSpec` (the versions docker compose v5.5.0 ships).
//
// The grammar is `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]`, split on the *last two* colons, so
// an unbracketed IPv6 host address works (`::1:6000:6000`). Either port may be a range:
//
//   "8080:80"            -> {target 80, published "8080", protocol tcp}
//   "127.0.0.1::80/udp"  -> {target 80, published "", host_ip "127.0.0.1", protocol udp}
//   "9090-9091:80-81"    -> {target 80, published "9090"}, {target 81, published "9091"}
//   "8000-9000:80"       -> {target 80, published "8000-9000"}   (a dynamic host range)
//   "8000-8001:80-82"    -> error "invalid ranges specified for container and host Ports: ..."
//
// Entries come out in the order compose-go sorts its port keys: by the decimal text of the
// target, so "9-10" yields 10 before 9.
#ifndef STACKC_FRONTEND_PORT_SPEC_H_
#define STACKC_FRONTEND_PORT_SPEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stackc::frontend {

// One long-form port entry, as the short syntax produces it.
struct PortMapping {
  uint32_t target = 0;
  std::string published;              // "", "8080" or a dynamic range "8000-9000"
  std::string host_ip;                // "" or an IP address, IPv6 without brackets
  std::string_view protocol;          // "tcp", "udp" or "sctp"; points at static storage
  std::string_view mode = "ingress";  // always "ingress" for short syntax

  bool operator==(const PortMapping&) const = default;
};

struct PortSpecResult {
  std::vector<PortMapping> ports;
  std::string error;  // compose-go's message; empty on success

  bool ok() const { return error.empty(); }
};

// Parses one short port string. On failure `ports` is empty and `error` holds the message.
PortSpecResult ParsePortSpec(std::string_view spec);

// Same as above, for a YAML integer (`- 80`), which compose-go formats in decimal first.
PortSpecResult ParsePortSpec(int64_t port);

// Allocation-light form: appends the entries to `*out` and returns true, or leaves `*out`
// unchanged, sets `*error` and returns false.
bool AppendPortSpec(std::string_view spec, std::vector<PortMapping>* out, std::string* error);

// Whether Go's `net.ParseIP` accepts `text`: dotted IPv4 (no leading zeros) or IPv6 (embedded
// IPv4 allowed, no zone). Used for `host_ip` checks.
bool IsGoIPAddress(std::string_view text);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_PORT_SPEC_H_
