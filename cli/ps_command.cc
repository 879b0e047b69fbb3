// stackc ps: the project's containers, as the Engine reports them.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backends/docker/state.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"

namespace stackc::cli {
namespace {

struct PsFlags {
  std::string format = "table";
  bool all = false;
};

std::string Ports(const nlohmann::json& c) {
  std::vector<std::string> out;
  for (const auto& p : c.value("Ports", nlohmann::json::array())) {
    const std::string type = p.value("Type", "tcp");
    const int priv = p.value("PrivatePort", 0);
    if (p.contains("PublicPort")) {
      out.push_back(
          fmt::format("{}:{}->{}/{}", p.value("IP", ""), p.value("PublicPort", 0), priv, type));
    } else {
      out.push_back(fmt::format("{}/{}", priv, type));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::string joined;
  for (const std::string& s : out) joined += (joined.empty() ? "" : ", ") + s;
  return joined;
}

int RunPs(const GlobalOptions& global, const PsFlags& o, CommandResult& result) {
  if (o.format != "table" && o.format != "json") {
    fmt::print(stderr, "error: unsupported format \"{}\"\n", o.format);
    return 2;
  }
  EngineSession session;
  if (!session.Load(global, {}, result)) return 2;
  if (!session.Connect()) return 2;
  const std::string filter = runner::FiltersQuery(
      {{"label", {std::string(backends::docker::kProjectLabel) + "=" + session.project.name}}});
  const runner::ApiResult r = session.engine->Call(
      "GET", fmt::format("/containers/json?all={}&filters={}", o.all ? 1 : 0, filter));
  if (!r.ok() || !r.body.is_array()) {
    fmt::print(stderr, "error: cannot list containers: {}\n", r.message);
    return 2;
  }
  struct Row {
    std::string name, service, state, status, ports, id;
    int number = 0;
  };
  std::vector<Row> rows;
  for (const nlohmann::json& c : r.body) {
    Row row;
    const auto& names = c.value("Names", nlohmann::json::array());
    row.name = names.empty() ? "" : names[0].get<std::string>();
    if (row.name.starts_with("/")) row.name.erase(0, 1);
    const auto& labels = c.value("Labels", nlohmann::json::object());
    row.service = labels.value(backends::docker::kServiceLabel, "");
    row.number = std::atoi(labels.value(backends::docker::kNumberLabel, "0").c_str());
    row.state = c.value("State", "");
    row.status = c.value("Status", "");
    row.ports = Ports(c);
    row.id = c.value("Id", "");
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.name < b.name; });
  std::string out;
  if (o.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Row& row : rows) {
      list.push_back({{"Name", row.name},
                      {"Service", row.service},
                      {"Number", row.number},
                      {"State", row.state},
                      {"Status", row.status},
                      {"Ports", row.ports},
                      {"ID", row.id}});
    }
    out = list.dump(2) + "\n";
  } else {
    size_t wn = 4, ws = 7, wt = 6;
    for (const Row& row : rows) {
      wn = std::max(wn, row.name.size());
      ws = std::max(ws, row.service.size());
      wt = std::max(wt, row.status.size());
    }
    out += fmt::format("{:<{}}   {:<{}}   {:<{}}   {}\n", "NAME", wn, "SERVICE", ws, "STATUS", wt,
                       "PORTS");
    for (const Row& row : rows) {
      out += fmt::format("{:<{}}   {:<{}}   {:<{}}   {}\n", row.name, wn, row.service, ws,
                         row.status, wt, row.ports);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddPsCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<PsFlags>();
  CLI::App* cmd = app.add_subcommand("ps", "List the project's containers");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_option("--format", o->format, "Output format: table or json");
    c.add_flag("-a,--all", o->all, "Show stopped containers too");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunPs(global, *o, *result); });
}

}  // namespace stackc::cli
