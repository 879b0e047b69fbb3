// CTR010 host-device: a host device mapped into a service.
#include <array>
#include <string>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHostDeviceDoc = R"(## What it does
Flags each `devices` entry: a device of the host made available inside the container. The
message calls out the devices that amount to the whole host: `/dev/mem`, `/dev/kmem`,
`/dev/port` and block devices (`/dev/sda`, `/dev/nvme0n1`, `/dev/mapper/...`).

## Why is this bad
A mapped device bypasses the container's isolation for whatever sits behind it: a serial port or
a GPU is usually intended, but `/dev/mem` reads and writes the host's physical memory and a disk's
block device lets the container read or rewrite the file systems the host runs from. The device
also ties the stack to one machine's hardware.

## Example
```yaml
services:
  backup:
    image: example/backup:1
    devices: ["/dev/sda:/dev/sda"]
```

## Use instead
Map only the device the service needs, read-only when it only reads (`:r`), or share data through
a volume instead of a raw disk:
```yaml
    devices: ["/dev/ttyUSB0:/dev/ttyUSB0:rw"]
```

## Fix safety
No automatic fix: the service may need the device to work.
)";

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Why a host device is worth calling out, or empty.
std::string_view Danger(std::string_view path) {
  if (path == "/dev/mem" || path == "/dev/kmem") return "raw access to the host's memory";
  if (path == "/dev/port") return "raw access to the host's I/O ports";
  if (!path.starts_with("/dev/")) return {};
  const std::string_view dev = path.substr(5);
  if (dev.starts_with("mapper/") || dev.starts_with("disk/")) return "a block device of the host";
  struct Prefix {
    std::string_view name;
    bool digit;  // the next character is a digit (else a lowercase letter)
  };
  static constexpr std::array<Prefix, 10> kBlock = {{
      {"sd", false},
      {"hd", false},
      {"vd", false},
      {"xvd", false},
      {"nvme", true},
      {"mmcblk", true},
      {"md", true},
      {"dm-", true},
      {"loop", true},
      {"nbd", true},
  }};
  for (const Prefix& p : kBlock) {
    if (dev.size() > p.name.size() && dev.starts_with(p.name)) {
      const char next = dev[p.name.size()];
      if (p.digit ? IsDigit(next) : IsLower(next)) return "a block device of the host";
    }
  }
  return {};
}

}  // namespace

void CheckHostDevice(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const auto& device : s.devices) {
      if (!device.span.valid()) continue;
      // "host:container[:perms]"; a CDI name ("vendor.com/class=name") has no host path.
      const std::string_view host =
          std::string_view(device.value).substr(0, std::string_view(device.value).find(':'));
      if (!host.starts_with('/') && host.find('=') != std::string_view::npos) {
        out.Report(device.span,
                   fmt::format("service '{}' requests the CDI device '{}'", s.name.value, host));
        continue;
      }
      const std::string_view danger = Danger(host);
      out.Report(device.span,
                 danger.empty()
                     ? fmt::format("service '{}' maps the host device '{}'", s.name.value, host)
                     : fmt::format("service '{}' maps the host device '{}' ({})", s.name.value,
                                   host, danger));
    }
  }
}

}  // namespace stackc::policies
