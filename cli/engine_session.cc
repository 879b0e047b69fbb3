#include "cli/engine_session.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "frontend/file_system.h"
#include "frontend/loader.h"
#include "frontend/lower.h"
#include "policies/lint.h"
#include "runner/curl_transport.h"
#include "runner/observe.h"

namespace stackc::cli {

bool EngineSession::Load(const GlobalOptions& global, const std::vector<std::string>& services,
                         CommandResult& result) {
  frontend::LoadRequest req = ToRequest(global);
  req.services = services;
  req.all_resources = global.all_resources;
  frontend::RealFileSystem fs(req.max_file_bytes);
  sm_ = result.Retain(std::make_shared<ir::SourceManager>()).get();
  ir::DiagnosticSink sink;
  auto loaded = result.Retain(std::make_shared<frontend::LoadedProject>());
  const bool ok = frontend::LoadProject(req, fs, ProcessEnvironment(), *sm_, sink, loaded.get());
  if (ok) {
    project = frontend::LowerTakingServices(*loaded, raw_values);
    loaded_ = loaded.get();
  }
  std::vector<ir::Diagnostic> diagnostics;
  for (const ir::Diagnostic& d : sink.diagnostics()) {
    const bool quiet =
        d.severity != ir::Severity::kError &&
        std::find(quiet_codes.begin(), quiet_codes.end(), d.code) != quiet_codes.end();
    if (!quiet) diagnostics.push_back(d);
  }
  // A warning's code frame may show a line that holds a secret (`DB_URL:
  // postgres://app:pw@${HOST}/app`): only `config` prints the user's values.
  if (ok && !diagnostics.empty()) {
    policies::MaskSecrets(*sm_, secrets(), &diagnostics);
  }
  ir::DiagnosticSink shown;
  for (const ir::Diagnostic& d : diagnostics)
    shown.Report(d.severity, d.code, d.span, d.message) = d;
  PrintDiagnostics(*sm_, shown, global);
  return ok;
}

const std::vector<ir::Diagnostic>& EngineSession::secret_findings() {
  if (!secret_findings_) secret_findings_ = policies::SecretFindings(project, *sm_);
  return *secret_findings_;
}

const std::vector<ir::Span>& EngineSession::secrets() {
  if (!secrets_) secrets_ = policies::SecretValues(secret_findings());
  return *secrets_;
}

bool EngineSession::Connect() {
  std::string error;
  const std::string socket = runner::EngineSocketPath(std::getenv("DOCKER_HOST"), &error);
  if (socket.empty()) {
    fmt::print(stderr, "error: {}\n", error);
    return false;
  }
  transport = runner::OpenUnixSocketTransport(socket, &error);
  if (!transport) {
    fmt::print(stderr, "error: {}\n", error);
    return false;
  }
  engine = std::make_unique<runner::EngineClient>(*transport);
  if (!engine->Connect(&error)) {
    fmt::print(stderr, "error: {} (is the Docker daemon running at unix://{}?)\n", error, socket);
    return false;
  }
  return true;
}

bool EngineSession::OpenWorkers(int n, int hook_timeout_s, const std::atomic<bool>* interrupted) {
  std::string error;
  const std::string socket = runner::EngineSocketPath(std::getenv("DOCKER_HOST"), &error);
  workers.push_back(std::make_unique<runner::EngineExecutor>(*engine, hook_timeout_s, interrupted));
  for (int i = 1; i < n; ++i) {
    std::unique_ptr<runner::HttpTransport> t = runner::OpenUnixSocketTransport(socket, &error);
    if (!t) {
      fmt::print(stderr, "error: {}\n", error);
      return false;
    }
    auto client = std::make_unique<runner::EngineClient>(*t);
    client->AdoptVersion(engine->minor());
    workers.push_back(
        std::make_unique<runner::EngineExecutor>(*client, hook_timeout_s, interrupted));
    worker_transports.push_back(std::move(t));
    worker_engines.push_back(std::move(client));
  }
  return true;
}

std::vector<runner::Executor*> EngineSession::executors() const {
  std::vector<runner::Executor*> out;
  for (const auto& w : workers) out.push_back(w.get());
  return out;
}

bool EngineSession::CompileAndObserve(backends::docker::CompileOptions options,
                                      const GlobalOptions& global) {
  options.api_minor = engine->minor();
  // The image IDs go into the hash, so they are read first.
  std::set<std::string> images;
  for (const ir::Service& s : project.services) {
    images.insert(backends::docker::ServiceImage(project, s));
  }
  std::string error;
  if (!runner::ObserveImages(*engine, images, &options.image_ids, &error)) {
    fmt::print(stderr, "error: {}\n", error);
    return false;
  }
  if (!CompileOffline(options, global)) return false;
  if (!runner::Observe(*engine, desired, &observed, &error)) {
    fmt::print(stderr, "error: {}\n", error);
    return false;
  }
  return true;
}

namespace {

// The values of the secrets and configs that come from the environment or inline content, by
// "secret:KEY" / "config:KEY": the backend copies them into containers and hashes them.
std::map<std::string, std::string> FileValues(const frontend::LoadedProject& loaded) {
  std::map<std::string, std::string> out;
  for (const char* kind : {"secret", "config"}) {
    const frontend::Node* section =
        loaded.model.Find(std::string_view(kind) == "secret" ? "secrets" : "configs");
    if (section == nullptr || !section->is_map()) continue;
    for (const frontend::MapEntry& e : section->entries) {
      if (!e.value.is_map()) continue;
      const std::string key = fmt::format("{}:{}", kind, e.key);
      if (const frontend::Node* content = e.value.Find("content");
          content && content->is_scalar()) {
        out[key] = content->text;
      } else if (const frontend::Node* var = e.value.Find("environment"); var && var->is_scalar()) {
        if (auto it = loaded.environment.find(var->text); it != loaded.environment.end()) {
          out[key] = it->second;
        }
      }
    }
  }
  return out;
}

}  // namespace

bool EngineSession::CompileOffline(backends::docker::CompileOptions options,
                                   const GlobalOptions& global, bool report) {
  if (loaded_ != nullptr) options.file_values = FileValues(*loaded_);
  frontend::RealFileSystem fs(frontend::LoadRequest().max_file_bytes);
  ir::DiagnosticSink sink;
  desired = backends::docker::Compile(project, options, fs, sink);
  if (report) PrintDiagnostics(*sm_, sink, global);
  return !sink.has_errors();
}

bool ParseScale(const std::vector<std::string>& values, std::map<std::string, int>* out,
                std::string* error) {
  for (const std::string& v : values) {
    const size_t eq = v.find('=');
    char* end = nullptr;
    const long n = eq == std::string::npos ? -1 : std::strtol(v.c_str() + eq + 1, &end, 10);
    if (eq == std::string::npos || eq == 0 || n < 0 || end == nullptr || *end != '\0' ||
        end == v.c_str() + eq + 1) {
      *error = fmt::format("invalid --scale value '{}': expected SERVICE=NUMBER", v);
      return false;
    }
    (*out)[v.substr(0, eq)] = static_cast<int>(n);
  }
  return true;
}

}  // namespace stackc::cli
