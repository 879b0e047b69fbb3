// A service of the project, typed and in long form.
//
// The loader has already applied Compose's semantics (merges, extends, interpolation, defaults,
// env_file folding, implicit dependencies); the IR only types the result. Lists whose order does
// not matter to the Engine (environment, labels, depends_on, networks) are sorted by key, so
// passes and backends see one order. What the IR does not type is still in `raw`, the service's
// canonical tree.
//
// Example (services.web: {image: nginx, ports: ["80:80"], depends_on: [db]}):
//   svc.name.value == "web"; svc.image->value == "nginx"; svc.ports[0].target == 80;
//   svc.depends_on[0].service == "db"; svc.depends_on[0].condition == Condition::kStarted
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ir/mount.h"
#include "ir/network.h"
#include "ir/port.h"
#include "ir/secret.h"
#include "ir/source.h"
#include "ir/value.h"

namespace stackc::ir {

struct Dependency {
  enum class Condition { kStarted, kHealthy, kCompletedSuccessfully };
  std::string service;
  Condition condition = Condition::kStarted;
  bool required = true;
  bool restart = false;
  Span span;
};

// "service_started", "service_healthy", "service_completed_successfully".
const char* ConditionName(Dependency::Condition condition);

struct Healthcheck {
  std::vector<std::string> test;  // ["CMD", ...], ["CMD-SHELL", "..."], ["NONE"]; empty: inherit
  std::optional<int64_t> interval_ns;
  std::optional<int64_t> timeout_ns;
  std::optional<int64_t> start_period_ns;
  std::optional<int64_t> start_interval_ns;
  std::optional<uint64_t> retries;
  bool disable = false;
  Span span;

  // Whether the healthcheck turns the image's check off (`disable: true` or test ["NONE"]).
  bool Disabled() const { return disable || (!test.empty() && test[0] == "NONE"); }
};

struct Build {
  std::string context;     // absolute after path resolution, or a URL
  std::string dockerfile;  // relative to the context
  std::string dockerfile_inline;
  std::string target;
  std::vector<KeyValue> args;
  std::vector<std::string> secrets;  // the `source` of each build secret
  Span span;
};

struct Resources {
  std::optional<double> cpus;
  std::optional<int64_t> memory_bytes;
  std::optional<int64_t> pids;
  // Where the memory and pids were written: deploy.resources.<limits|reservations>, or for the
  // limits the service-level key (mem_limit, pids_limit) when it is there; invalid when neither is.
  Span memory_span;
  Span pids_span;
};

struct Service {
  Spanned<std::string> name;  // span: the key
  Span span;                  // the whole definition
  std::optional<Spanned<std::string>> image;
  std::optional<Build> build;
  std::optional<Spanned<std::vector<std::string>>> command;     // nullopt: the image's
  std::optional<Spanned<std::vector<std::string>>> entrypoint;  // nullopt: the image's
  std::vector<KeyValue> environment;                            // sorted by key
  std::vector<Spanned<std::string>> env_files;  // kept only when the loader keeps them
  std::vector<Port> ports;
  std::vector<Spanned<std::string>> expose;
  std::vector<Mount> volumes;
  std::vector<Spanned<std::string>> volumes_from;
  std::vector<Spanned<std::string>> tmpfs;
  std::vector<NetworkAttachment> networks;           // sorted by network key
  std::optional<Spanned<std::string>> network_mode;  // "host", "none", "service:x", "container:x"
  std::vector<Spanned<std::string>> links;
  std::vector<Spanned<std::string>> external_links;
  std::vector<Spanned<std::string>> extra_hosts;
  std::vector<Dependency> depends_on;  // sorted by service
  std::optional<Healthcheck> healthcheck;
  std::optional<Spanned<std::string>> restart;
  std::optional<Spanned<std::string>> logging_driver;            // `logging.driver`
  std::optional<Spanned<std::string>> restart_policy_condition;  // deploy.restart_policy.condition
  std::optional<Spanned<std::string>> user;
  std::optional<Spanned<std::string>> working_dir;
  std::optional<Spanned<std::string>> hostname;
  std::optional<Spanned<std::string>> domainname;
  std::optional<Spanned<std::string>> container_name;
  std::optional<Spanned<std::string>> platform;
  std::optional<Spanned<std::string>> pull_policy;
  std::optional<Spanned<std::string>> stop_signal;
  std::optional<int64_t> stop_grace_period_ns;
  std::optional<Spanned<std::string>> ipc;
  std::optional<Spanned<std::string>> pid;
  Spanned<bool> privileged;
  Spanned<bool> read_only;
  Spanned<bool> tty;
  Spanned<bool> stdin_open;
  std::optional<bool> init;
  std::vector<Spanned<std::string>> cap_add;
  std::vector<Spanned<std::string>> cap_drop;
  std::vector<Spanned<std::string>> security_opt;
  std::vector<Spanned<std::string>> dns;
  std::vector<Spanned<std::string>> profiles;
  std::vector<Spanned<std::string>> devices;  // "host:container[:perms]" as written
  std::vector<KeyValue> labels;               // sorted by key
  std::vector<KeyValue> sysctls;              // sorted by key
  std::vector<FileReference> secrets;
  std::vector<FileReference> configs;
  std::optional<Spanned<int64_t>> scale;     // `scale:`
  std::optional<Spanned<int64_t>> replicas;  // `deploy.replicas`
  Resources limits;                          // deploy.resources.limits, with cpus/mem_limit
  Resources reservations;                    // deploy.resources.reservations
  ThinVector<ValueEntry> extensions;         // x-* keys, sorted
  Value raw;  // the whole canonical service, for keys the IR does not type (null when the
              // lowering was asked to drop it: lint reads only typed fields)

  // The number of containers: scale, else deploy.replicas, else 1.
  int64_t Replicas() const;
  const NetworkAttachment* FindNetwork(std::string_view key) const;
};

}  // namespace stackc::ir
