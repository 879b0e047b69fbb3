// The typed, frozen IR of a loaded Compose project: what every pass, rule and backend reads.
//
// frontend::Lower builds it from the canonical model the loader produced; nothing in it refers to
// YAML or any third-party type. Services, networks, volumes, secrets and configs are sorted by key,
// and each keeps its Span, so findings point at the user's file.
//
// Example:
//   ir::Project p = frontend::Lower(loaded);
//   for (const ir::Service& s : p.services) ...
//   const ir::Service* db = p.FindService("db");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/network.h"
#include "ir/secret.h"
#include "ir/service.h"
#include "ir/value.h"
#include "ir/volume.h"

namespace stackc::ir {

struct Project {
  std::string name;
  std::string working_dir;
  std::vector<std::string> config_files;
  std::vector<Service> services;           // sorted by name
  std::vector<Service> disabled_services;  // set aside by profiles or selection, sorted by name
  std::vector<Network> networks;           // sorted by key
  std::vector<Volume> volumes;             // sorted by key
  std::vector<FileObject> secrets;         // sorted by key
  std::vector<FileObject> configs;         // sorted by key
  ThinVector<ValueEntry> extensions;       // top-level x-* keys, sorted
  std::vector<Span> version_entries;       // obsolete `version:` entries (key to value), per file

  // Binary searches by key; nullptr when absent.
  const Service* FindService(std::string_view name) const;
  const Service* FindDisabledService(std::string_view name) const;
  const Network* FindNetwork(std::string_view key) const;
  const Volume* FindVolume(std::string_view key) const;
  const FileObject* FindSecret(std::string_view key) const;
  const FileObject* FindConfig(std::string_view key) const;
};

}  // namespace stackc::ir
