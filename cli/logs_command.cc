// stackc logs: the output of the project's containers, prefixed with their names; -f follows
// every container at once (one Engine connection each).
#include <algorithm>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backends/docker/state.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "runner/curl_transport.h"
#include "runner/log_stream.h"

namespace stackc::cli {
namespace {

struct LogsFlags {
  std::vector<std::string> services;
  bool follow = false;
  std::string tail = "all";
  bool timestamps = false;
  bool no_prefix = false;
};

struct Target {
  std::string name;
  std::string id;
  bool tty = false;
};

// Streams one container's log through `engine`; lines go out whole, under `mu`.
bool StreamLogs(runner::EngineClient& engine, const Target& t, const LogsFlags& o, size_t width,
                std::mutex& mu) {
  const std::string prefix = o.no_prefix ? "" : fmt::format("{:<{}} | ", t.name, width);
  runner::LogStream stream(t.tty, [&](int fd, std::string_view line) {
    const std::lock_guard<std::mutex> lock(mu);
    std::FILE* out = fd == 2 ? stderr : stdout;
    fmt::print(out, "{}{}\n", prefix, line);
    std::fflush(out);
  });
  const std::string path =
      fmt::format("/containers/{}/logs?stdout=1&stderr=1&follow={}&timestamps={}&tail={}", t.id,
                  o.follow ? 1 : 0, o.timestamps ? 1 : 0, o.tail);
  const runner::ApiResult r = engine.Stream(path, [&](std::string_view data) {
    stream.Feed(data);
    return true;
  });
  stream.Finish();
  if (!r.ok()) {
    const std::lock_guard<std::mutex> lock(mu);
    fmt::print(stderr, "error: cannot read the logs of {}: {}\n", t.name, r.message);
    return false;
  }
  return true;
}

int RunLogs(const GlobalOptions& global, const LogsFlags& o, CommandResult& result) {
  if (o.tail != "all" && o.tail.find_first_not_of("0123456789") != std::string::npos) {
    fmt::print(stderr, "error: invalid --tail value '{}': a number or \"all\"\n", o.tail);
    return 2;
  }
  EngineSession session;
  if (!session.Load(global, {}, result)) return 2;
  for (const std::string& s : o.services) {
    if (!session.project.FindService(s)) {
      fmt::print(stderr, "error: no such service: {}\n", s);
      return 2;
    }
  }
  if (!session.Connect()) return 2;
  const std::string filter = runner::FiltersQuery(
      {{"label", {std::string(backends::docker::kProjectLabel) + "=" + session.project.name}}});
  const runner::ApiResult list =
      session.engine->Call("GET", "/containers/json?all=1&filters=" + filter);
  if (!list.ok() || !list.body.is_array()) {
    fmt::print(stderr, "error: cannot list containers: {}\n", list.message);
    return 2;
  }
  std::vector<Target> targets;
  for (const nlohmann::json& c : list.body) {
    const auto& labels = c.value("Labels", nlohmann::json::object());
    const std::string service = labels.value(backends::docker::kServiceLabel, "");
    if (!o.services.empty() &&
        std::find(o.services.begin(), o.services.end(), service) == o.services.end()) {
      continue;
    }
    Target t;
    t.id = c.value("Id", "");
    const auto& names = c.value("Names", nlohmann::json::array());
    t.name = names.empty() ? t.id : names[0].get<std::string>();
    if (t.name.starts_with("/")) t.name.erase(0, 1);
    const runner::ApiResult inspect = session.engine->Call("GET", "/containers/" + t.id + "/json");
    if (inspect.ok() && inspect.body.contains("Config")) {
      t.tty = inspect.body["Config"].value("Tty", false);
    }
    targets.push_back(std::move(t));
  }
  std::sort(targets.begin(), targets.end(),
            [](const Target& a, const Target& b) { return a.name < b.name; });
  size_t width = 0;
  for (const Target& t : targets) width = std::max(width, t.name.size());
  std::mutex mu;
  bool ok = true;
  if (!o.follow) {
    for (const Target& t : targets) ok &= StreamLogs(*session.engine, t, o, width, mu);
    return ok ? 0 : 1;
  }
  // Following: one connection and thread per container.
  std::string error;
  const std::string socket = runner::EngineSocketPath(std::getenv("DOCKER_HOST"), &error);
  std::vector<std::thread> threads;
  std::vector<char> results(targets.size(), 1);
  for (size_t i = 0; i < targets.size(); ++i) {
    threads.emplace_back([&, i] {
      std::string why;
      std::unique_ptr<runner::HttpTransport> t = runner::OpenUnixSocketTransport(socket, &why);
      if (!t) {
        results[i] = 0;
        return;
      }
      runner::EngineClient engine(*t);
      engine.AdoptVersion(session.engine->minor());
      results[i] = StreamLogs(engine, targets[i], o, width, mu) ? 1 : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  return std::all_of(results.begin(), results.end(), [](char r) { return r != 0; }) ? 0 : 1;
}

}  // namespace

void AddLogsCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<LogsFlags>();
  CLI::App* cmd = app.add_subcommand("logs", "Print the output of the project's containers");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_flag("-f,--follow", o->follow, "Keep printing as the containers write");
    c.add_option("-n,--tail", o->tail, "Lines from the end of each log, or \"all\"");
    c.add_flag("-t,--timestamps", o->timestamps, "Show the Engine's timestamps");
    c.add_flag("--no-log-prefix", o->no_prefix, "Do not prefix lines with the container name");
    c.add_option("services", o->services, "Only these services");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunLogs(global, *o, *result); });
}

}  // namespace stackc::cli
