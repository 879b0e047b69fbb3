// CTR003 docker-socket: a container runtime's socket mounted into a service.
#include <array>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDockerSocketDoc = R"(## What it does
Flags bind mounts of a container runtime's socket: Docker's, containerd's, Podman's, CRI-O's.

## Why is this bad
Whoever can talk to the socket can start a privileged container that mounts the host's root: the
mount is root on the host, whatever `read_only` says (a read-only bind of a socket still connects).

## Example
```yaml
services:
  ci:
    image: example/ci-runner:5
    volumes: [/var/run/docker.sock:/var/run/docker.sock]
```

## Use instead
A socket proxy that allows only the API calls the service needs, or a rootless daemon of its own.

## Fix safety
No automatic fix.
)";

void CheckDockerSocket(const RuleContext& ctx, Reporter& out) {
  static constexpr std::array<std::string_view, 6> kSockets = {
      "/var/run/docker.sock",
      "/run/docker.sock",
      "/run/containerd/containerd.sock",
      "/var/run/containerd/containerd.sock",
      "/run/podman/podman.sock",
      "/var/run/crio/crio.sock"};
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Mount& m : s.volumes) {
      if (m.type != ir::MountType::kBind) continue;
      for (std::string_view socket : kSockets) {
        if (m.source == socket) {
          out.Report(m.span, fmt::format("service '{}' mounts the container runtime socket '{}'",
                                         s.name.value, m.source));
        }
      }
    }
  }
}

}  // namespace stackc::policies
