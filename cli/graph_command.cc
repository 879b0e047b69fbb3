// stackc graph: the reachability graph of a project (who reaches whom, over which networks; who
// reaches the internet; what each service publishes on the host) as JSON, Graphviz dot or Mermaid.
// The JSON is what the Engine truth test compares with what containers can really do.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "cli/output.h"
#include "passes/egress.h"
#include "passes/exposure.h"
#include "passes/reachability.h"

namespace stackc::cli {
namespace {

struct GraphFlags {
  std::string format = "json";
  std::string output;
  std::string chains_from;  // --chains-from SERVICE: the shortest chain to each service it reaches
};

// The shortest chain of connections from `from` to every service it reaches, directly or through
// others (lateral movement), in service order.
std::vector<std::vector<const passes::ReachEdge*>> Chains(const ir::Project& p,
                                                          const passes::Reachability& r,
                                                          const std::string& from) {
  std::vector<std::vector<const passes::ReachEdge*>> out;
  for (const ir::Service& s : p.services) {
    if (s.name.value == from) continue;
    std::vector<const passes::ReachEdge*> path = r.Path(from, s.name.value);
    if (!path.empty()) out.push_back(std::move(path));
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

// How each service the host exposes is exposed, for a node's label: "publishes 0.0.0.0:8080->80,
// 127.0.0.1:9000->*" ("*": an ephemeral host port), only the ports the Engine maps (not those of a
// service in network_mode host, none, service: or container:, or on internal networks only), or "in
// the host's network".
std::map<const ir::Service*, std::string> ExposureLabels(const passes::Exposure& exposure) {
  std::map<const ir::Service*, std::vector<std::string>> ports;
  for (const passes::PublishedPort& port : exposure.ports) {
    if (port.fate != passes::PortFate::kPublished) continue;
    ports[port.service].push_back(fmt::format(
        "{}:{}->{}",
        port.scope == passes::HostScope::kAllInterfaces ? std::string_view("0.0.0.0")
                                                        : std::string_view(port.address),
        port.published.empty() ? "*" : port.published, port.target));
  }
  std::map<const ir::Service*, std::string> out;
  for (const auto& [service, published] : ports)
    out[service] = "publishes " + Join(published, ", ");
  for (const passes::HostNetworkService& h : exposure.host_network) {
    out[h.service] = "in the host's network";
  }
  return out;
}

std::string Json(const ir::Project& p, const passes::Reachability& r,
                 const std::vector<passes::EgressRoute>& egress, const passes::Exposure& exposure,
                 const std::string& chains_from) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["project"] = p.name;
  j["services"] = nlohmann::ordered_json::array();
  for (const ir::Service& s : p.services) j["services"].push_back(s.name.value);
  j["edges"] = nlohmann::ordered_json::array();
  for (const passes::ReachEdge& e : r.edges) {
    j["edges"].push_back({{"from", e.from},
                          {"to", e.to},
                          {"networks", e.networks},
                          {"names", e.names},
                          {"ports", e.ports}});
  }
  j["egress"] = nlohmann::ordered_json::array();
  for (const passes::EgressRoute& e : egress) {
    j["egress"].push_back(
        {{"service", e.service}, {"networks", e.networks}, {"unknown", e.unknown}});
  }
  j["unknown_peers"] = r.unknown_peers;
  // What the host exposes: the ports the Engine publishes, and the services in its network.
  j["published"] = nlohmann::ordered_json::array();
  for (const passes::PublishedPort& port : exposure.ports) {
    if (port.fate != passes::PortFate::kPublished) continue;
    j["published"].push_back({{"service", port.service->name.value},
                              {"address", port.address},
                              // every address (0.0.0.0 and ::), loopback or one address
                              {"scope", port.scope == passes::HostScope::kAllInterfaces ? "all"
                                        : port.scope == passes::HostScope::kLoopback    ? "loopback"
                                                                                     : "address"},
                              {"published", port.published},
                              {"target", port.target},
                              {"protocol", port.protocol}});
  }
  j["host_network"] = nlohmann::ordered_json::array();
  for (const passes::HostNetworkService& h : exposure.host_network) {
    j["host_network"].push_back(h.service->name.value);
  }
  j["dependencies"] = nlohmann::ordered_json::array();
  for (const ir::Service& s : p.services) {
    for (const ir::Dependency& d : s.depends_on) {
      j["dependencies"].push_back({{"from", s.name.value},
                                   {"to", d.service},
                                   {"condition", ir::ConditionName(d.condition)},
                                   {"required", d.required}});
    }
  }
  if (!chains_from.empty()) {
    j["chains"] = nlohmann::ordered_json::array();
    for (const auto& chain : Chains(p, r, chains_from)) {
      j["chains"].push_back({{"to", chain.back()->to}, {"path", passes::RenderPath(chain)}});
    }
  }
  return j.dump(2) + "\n";
}

std::string Dot(const ir::Project& p, const passes::Reachability& r,
                const std::vector<passes::EgressRoute>& egress, const passes::Exposure& exposure) {
  std::string out = fmt::format("digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box];\n", p.name);
  const std::map<const ir::Service*, std::string> exposed = ExposureLabels(exposure);
  for (const ir::Service& s : p.services) {
    const auto it = exposed.find(&s);
    out += fmt::format("  \"{}\"{};\n", s.name.value,
                       it == exposed.end() ? ""
                                           : fmt::format(" [label=\"{}\\n{}\", style=bold]",
                                                         s.name.value, it->second));
  }
  if (!egress.empty()) out += "  \"internet\" [shape=ellipse, style=dashed];\n";
  for (const passes::ReachEdge& e : r.edges) {
    out += fmt::format("  \"{}\" -> \"{}\" [label=\"{}\"];\n", e.from, e.to, Join(e.networks, ","));
  }
  for (const passes::EgressRoute& e : egress) {
    out += fmt::format("  \"{}\" -> \"internet\" [label=\"{}\", style=dashed];\n", e.service,
                       Join(e.networks, ","));
  }
  for (const ir::Service& s : p.services) {
    for (const ir::Dependency& d : s.depends_on) {
      out += fmt::format(
          "  \"{}\" -> \"{}\" [label=\"depends on ({})\", style=dotted, color=gray40, "
          "fontcolor=gray40];\n",
          s.name.value, d.service, ir::ConditionName(d.condition));
    }
  }
  return out + "}\n";
}

std::string Mermaid(const ir::Project& p, const passes::Reachability& r,
                    const std::vector<passes::EgressRoute>& egress,
                    const passes::Exposure& exposure) {
  std::string out = "graph LR\n";
  const std::map<const ir::Service*, std::string> exposed = ExposureLabels(exposure);
  for (const ir::Service& s : p.services) {  // in the services' order
    if (const auto it = exposed.find(&s); it != exposed.end()) {
      out += fmt::format("  {}[\"{}<br/>{}\"]\n", s.name.value, s.name.value, it->second);
    }
  }
  for (const passes::ReachEdge& e : r.edges) {
    out += fmt::format("  {} -->|{}| {}\n", e.from, Join(e.networks, ","), e.to);
  }
  for (const passes::EgressRoute& e : egress) {
    out += fmt::format("  {} -.->|{}| internet((internet))\n", e.service, Join(e.networks, ","));
  }
  for (const ir::Service& s : p.services) {
    for (const ir::Dependency& d : s.depends_on) {
      out += fmt::format("  {} -. \"depends on ({})\" .-> {}\n", s.name.value,
                         ir::ConditionName(d.condition), d.service);
    }
  }
  return out;
}

int RunGraph(const GlobalOptions& global, const GraphFlags& o, CommandResult& result) {
  if (o.format != "json" && o.format != "dot" && o.format != "mermaid" && o.format != "text") {
    fmt::print(stderr, "error: unsupported format \"{}\" (json, dot, mermaid, text)\n", o.format);
    return 2;
  }
  EngineSession session;
  if (!session.Load(global, {}, result)) return 2;
  if (!o.chains_from.empty() && session.project.FindService(o.chains_from) == nullptr) {
    fmt::print(stderr, "error: no service '{}' in the project\n", o.chains_from);
    return 2;
  }
  const passes::Reachability r = passes::ComputeReachability(session.project);
  const std::vector<passes::EgressRoute> egress = passes::ComputeEgress(session.project);
  std::string text;
  const passes::Exposure exposure = passes::ComputeExposure(session.project);
  if (o.format == "json") {
    text = Json(session.project, r, egress, exposure, o.chains_from);
  } else if (o.format == "dot") {
    text = Dot(session.project, r, egress, exposure);
  } else if (o.format == "mermaid") {
    text = Mermaid(session.project, r, egress, exposure);
  } else {  // text: one line per edge, or per chain with --chains-from
    if (!o.chains_from.empty()) {
      for (const auto& chain : Chains(session.project, r, o.chains_from)) {
        text += passes::RenderPath(chain) + "\n";
      }
    } else {
      for (const passes::ReachEdge& e : r.edges) text += passes::RenderPath({&e}) + "\n";
      for (const passes::EgressRoute& e : egress) {
        text += fmt::format("{} -[{}]-> internet\n", e.service, Join(e.networks, ","));
      }
    }
  }
  return WriteOutput(o.output, text) ? 0 : 2;
}

}  // namespace

void AddGraphCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<GraphFlags>();
  CLI::App* cmd = app.add_subcommand(
      "graph", "Draw who reaches whom (networks on the edges) and who reaches the internet");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_option("--format", o->format, "json (default), dot, mermaid or text");
    c.add_option("--chains-from", o->chains_from,
                 "The shortest chain of connections from this service to each service it reaches "
                 "(lateral movement): text and json");
    c.add_option("-o,--output", o->output, "Write to this file");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunGraph(global, *o, *result); });
}

}  // namespace stackc::cli
