// PORT003 duplicate-host-port: two published ports bind the same host address, port and protocol.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "passes/exposure.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDuplicateHostPortDoc = R"(## What it does
Flags a published port that another published port (of the same service or of another one)
already binds: same protocol, overlapping host ports, and host addresses that collide (the same
address, or one of them is every interface: no address, `0.0.0.0` or `::`). The later one, in
service then port order, is reported. Also flags a service with several replicas (`scale` or
`deploy.replicas`) that publishes a fixed host port, or a range with fewer ports than replicas:
every replica binds it. Ephemeral ports (no host port) are skipped, and so are ports the Engine
does not publish: those of a service in `network_mode: host`, `none`, `service:` or `container:`,
or on internal networks only (PORT005, PORT007 report those).

## Why is this bad
Only one container can bind a host address and port. Compose creates the second one and the
Engine fails to start it ("port is already allocated", "address already in use"): the stack comes
up half started, and which service wins depends on start order.

## Example
```yaml
services:
  api:
    image: example/api:1.2
    ports: ["8080:8080"]
  admin:
    image: example/admin:1.2
    ports: ["8080:80"]
```

## Use instead
One host port per service (or distinct host addresses):
```yaml
  admin:
    image: example/admin:1.2
    ports: ["8081:80"]
```

## Fix safety
No automatic fix: which service keeps the port, and where clients find the other, is the
project's decision.
)";

namespace {

struct PublishedPort {
  const ir::Service* service;
  const ir::Port* port;
  uint32_t lo;
  uint32_t hi;
  std::string ip;        // without brackets
  std::string protocol;  // lower case, "tcp" when empty
  size_t order = 0;      // in the order seen: the first one that collides is named
};

std::optional<uint32_t> DuplicatePortNumber(std::string_view text) {
  uint32_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// Whether binding both addresses on one port conflicts. No address means 0.0.0.0 and ::; `::`
// is dual-stack on Linux, so it takes every address too; 0.0.0.0 takes every IPv4 address.
bool AddressesCollide(std::string_view a, std::string_view b) {
  if (a == b || a.empty() || b.empty()) return true;
  const std::optional<passes::IpAddress> x = passes::ParseIpAddress(a);
  const std::optional<passes::IpAddress> y = passes::ParseIpAddress(b);
  if (!x || !y) return false;
  if (*x == *y) return true;  // one address, spelt two ways
  // :: takes every address, IPv4 ones too; 0.0.0.0 every IPv4 address.
  const bool x_all = passes::IsUnspecified(a), y_all = passes::IsUnspecified(b);
  if ((x_all && !passes::IsIpv4(*x)) || (y_all && !passes::IsIpv4(*y))) return true;
  if (x_all) return passes::IsIpv4(*y);
  if (y_all) return passes::IsIpv4(*x);
  return false;
}

std::string Describe(const PublishedPort& p) {
  std::string text;
  if (!p.ip.empty()) {
    text = p.ip.find(':') != std::string::npos ? "[" + p.ip + "]:" : p.ip + ":";
  }
  return text + p.port->published + "/" + p.protocol;
}

}  // namespace

void CheckDuplicateHostPort(const RuleContext& ctx, Reporter& out) {
  // The ports seen so far, indexed by protocol and port number (a range by each of its numbers, up
  // to kIndexed of them; wider ranges are few and checked one by one), so a project of thousands
  // of services is not compared pair by pair.
  constexpr uint32_t kIndexed = 1024;
  std::deque<PublishedPort> seen;
  std::map<std::pair<std::string, uint32_t>, std::vector<const PublishedPort*>> by_port;
  std::vector<const PublishedPort*> wide;
  std::set<std::pair<ir::FileId, uint32_t>> reported;  // one finding of each kind per port entry
  std::set<std::pair<ir::FileId, uint32_t>> reported_replicas;
  auto once = [](std::set<std::pair<ir::FileId, uint32_t>>& spans, const ir::Span& span) {
    return spans.insert({span.file, span.begin}).second;
  };
  for (const ir::Service& s : ctx.project.services) {
    // Only what the Engine publishes binds a host port.
    if (passes::PortsFate(ctx.project, s) != passes::PortFate::kPublished) continue;
    const int64_t replicas = s.Replicas();
    if (replicas < 1) continue;  // no container binds anything
    for (const ir::Port& p : s.ports) {
      if (p.published.empty() || !p.span.valid()) continue;  // ephemeral
      const std::string_view published = p.published;
      const size_t dash = published.find('-');
      const auto lo = DuplicatePortNumber(published.substr(0, dash));
      const auto hi =
          dash == std::string_view::npos ? lo : DuplicatePortNumber(published.substr(dash + 1));
      if (!lo || !hi || *lo > *hi) continue;
      PublishedPort cur{&s, &p, *lo, *hi, p.host_ip, p.protocol.empty() ? "tcp" : p.protocol};
      if (cur.ip.size() > 2 && cur.ip.front() == '[' && cur.ip.back() == ']') {
        cur.ip = cur.ip.substr(1, cur.ip.size() - 2);
      }
      std::transform(cur.protocol.begin(), cur.protocol.end(), cur.protocol.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      // The earlier ports that may overlap: those on the same numbers, and the wide ranges.
      std::vector<const PublishedPort*> candidates = wide;
      if (cur.hi - cur.lo < kIndexed) {
        for (uint32_t n = cur.lo; n <= cur.hi; ++n) {
          const auto it = by_port.find({cur.protocol, n});
          if (it != by_port.end())
            candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
      } else {
        for (const PublishedPort& prev : seen) candidates.push_back(&prev);
      }
      std::sort(candidates.begin(), candidates.end(),
                [](const PublishedPort* a, const PublishedPort* b) { return a->order < b->order; });
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (const PublishedPort* prev : candidates) {
        if (prev->port->span == p.span) continue;  // one short-form entry expanded into several
        if (prev->protocol != cur.protocol || prev->hi < cur.lo || cur.hi < prev->lo) continue;
        if (!AddressesCollide(prev->ip, cur.ip)) continue;
        if (!once(reported, p.span)) break;
        out.Report(p.span,
                   fmt::format("service '{}' publishes {}, already published by service '{}'",
                               s.name.value, Describe(cur), prev->service->name.value));
        break;
      }
      const uint64_t size = static_cast<uint64_t>(cur.hi) - cur.lo + 1;
      if (replicas > 1 && size < static_cast<uint64_t>(replicas) &&
          once(reported_replicas, p.span)) {
        if (size == 1) {
          out.Report(p.span,
                     fmt::format("service '{}' has {} replicas but publishes the fixed port {}",
                                 s.name.value, replicas, p.published));
        } else {
          out.Report(
              p.span,
              fmt::format("service '{}' has {} replicas but publishes the range {} of {} ports",
                          s.name.value, replicas, p.published, size));
        }
      }
      cur.order = seen.size();
      seen.push_back(std::move(cur));
      const PublishedPort* added = &seen.back();
      if (added->hi - added->lo < kIndexed) {
        for (uint32_t n = added->lo; n <= added->hi; ++n)
          by_port[{added->protocol, n}].push_back(added);
      } else {
        wide.push_back(added);
      }
    }
  }
}

}  // namespace stackc::policies
