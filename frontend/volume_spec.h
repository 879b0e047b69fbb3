// Service volume short syntax: one `volumes:` string of a service parsed into a typed mount,
// exactly as compose-go's `format.ParseVolume` does (`[SOURCE:]TARGET[:OPTIONS]`).
//
//   "./data:/var/lib/db:ro"  -> bind ./data -> /var/lib/db, read_only, bind.create_host_path
//   "db-data:/var/lib/db"    -> volume db-data -> /var/lib/db
//   "/cache"                 -> anonymous volume, target /cache
//   "C:\\src:D:\\dst:ro,z"   -> bind (Windows drive letters are not separators), selinux z
//   "/a:/b:ro:x"             -> error "invalid spec: /a:/b:ro:x: too many colons"
//
// A source starting with `.`, `/`, `~`, `\\` or a drive letter `X:` makes a bind mount, anything
// else a named volume. `${...}` sections are opaque (a colon inside does not split). Options are
// a comma list: ro/rw, nocopy, z/Z (bind.selinux), [r]shared/[r]slave/[r]private
// (bind.propagation); unknown options are ignored. Short syntax never yields tmpfs or npipe
// mounts, nor consistency: those come from the long syntax only.
#ifndef STACKC_FRONTEND_VOLUME_SPEC_H_
#define STACKC_FRONTEND_VOLUME_SPEC_H_

#include <optional>
#include <string>
#include <string_view>

namespace stackc::frontend {

// The `bind:` block of a mount; present when the source is a path or a bind option was given.
struct VolumeSpecBind {
  std::string_view propagation;  // "" or rprivate/private/rshared/shared/rslave/slave
  std::string_view selinux;      // "", "z" or "Z"
  bool create_host_path = false;

  bool operator==(const VolumeSpecBind&) const = default;
};

// The `volume:` block of a mount; present for named/anonymous volumes or with `nocopy`.
struct VolumeSpecVolume {
  bool nocopy = false;

  bool operator==(const VolumeSpecVolume&) const = default;
};

struct VolumeSpec {
  std::string_view type;  // "bind" or "volume"; points at static storage
  std::string source;     // "" for an anonymous volume
  std::string target;     // as written: apply CleanVolumeTarget for the canonical form
  bool read_only = false;
  std::optional<VolumeSpecBind> bind;
  std::optional<VolumeSpecVolume> volume;

  bool operator==(const VolumeSpec&) const = default;
};

struct VolumeSpecResult {
  VolumeSpec volume;
  std::string error;  // compose-go's message; empty on success

  bool ok() const { return error.empty(); }
};

// Parses one short volume string (format.ParseVolume). Invalid UTF-8 bytes become U+FFFD in
// the source and target, as in Go.
VolumeSpecResult ParseVolumeSpec(std::string_view spec);

// The target as compose-go's transform stores it: Go's path.Clean, except that "" stays "".
// "/b/../c/./d//" -> "/c/d".
std::string CleanVolumeTarget(std::string_view target);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_VOLUME_SPEC_H_
