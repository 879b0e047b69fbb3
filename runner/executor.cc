#include "runner/executor.h"

#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "runner/archive.h"
#include "runner/build_context.h"

namespace stackc::runner {
namespace {

using backends::docker::Step;
using backends::docker::StepKind;
using nlohmann::json;

StepOutcome Failure(const Step& step, const ApiResult& r) {
  std::string what = StepKindName(step.kind);
  const size_t space = what.find(' ');
  // "create network" -> "cannot create network 'x': <the Engine's message>"
  StepOutcome out;
  out.ok = false;
  out.message = fmt::format("cannot {} '{}'", what, step.resource);
  if (!step.service.empty() && space != std::string::npos) {
    out.message = fmt::format("service '{}': {}", step.service, out.message);
  }
  out.message += ": " + (r.message.empty() ? std::string(ApiErrorName(r.error)) : r.message);
  return out;
}

std::string Ref(const Step& step) { return step.id_ref.empty() ? step.resource : step.id_ref; }

}  // namespace

StepOutcome EngineExecutor::Run(const Step& step) {
  ApiResult r;
  switch (step.kind) {
    case StepKind::kCreateNetwork:
      r = engine_.Call("POST", "/networks/create", &step.body);
      break;
    case StepKind::kRemoveNetwork:
      r = engine_.Call("DELETE", "/networks/" + Ref(step));
      if (r.error == ApiError::kNotFound) return {};
      break;
    case StepKind::kCreateVolume:
      r = engine_.Call("POST", "/volumes/create", &step.body);
      break;
    case StepKind::kRemoveVolume:
      r = engine_.Call("DELETE", "/volumes/" + step.resource);
      if (r.error == ApiError::kNotFound) return {};
      break;
    case StepKind::kCreateContainer:
      r = engine_.Call("POST", "/containers/create?name=" + step.resource, &step.body);
      break;
    case StepKind::kConnectNetwork: {
      const json body = {{"Container", step.resource}, {"EndpointConfig", step.body}};
      r = engine_.Call("POST", "/networks/" + step.network + "/connect", &body);
      break;
    }
    case StepKind::kCopyFiles: {
      std::vector<ArchiveFile> files;
      for (const json& f : step.body) {
        ArchiveFile a;
        a.path = f.value("path", "");
        while (a.path.starts_with("/")) a.path.erase(0, 1);
        a.content = f.value("content", "");
        a.mode = f.value("mode", 0444u);
        a.uid = f.value("uid", int64_t{0});
        a.gid = f.value("gid", int64_t{0});
        files.push_back(std::move(a));
      }
      std::string tar, error;
      if (!MakeTar(files, &tar, &error)) return {false, error};
      r = engine_.CallRaw("PUT", "/containers/" + step.resource + "/archive?path=/", std::move(tar),
                          "application/x-tar");
      break;
    }
    case StepKind::kBuildImage:
      return Build(step);
    case StepKind::kStartContainer:
      r = engine_.Call("POST", "/containers/" + Ref(step) + "/start");
      if (r.error == ApiError::kNotModified) return {};
      break;
    case StepKind::kStopContainer:
      r = engine_.Call("POST", fmt::format("/containers/{}/stop?t={}", Ref(step), step.timeout_s));
      if (r.error == ApiError::kNotModified || r.error == ApiError::kNotFound) return {};
      break;
    case StepKind::kRemoveContainer:
      r = engine_.Call("DELETE", "/containers/" + Ref(step) + "?force=1");
      if (r.error == ApiError::kNotFound) return {};
      break;
    case StepKind::kWaitHealthy:
    case StepKind::kWaitCompleted:
    case StepKind::kWaitRunning:
      return Look(step);
    case StepKind::kRunHook:
      return Hook(step);
  }
  if (r.ok()) return {};
  return Failure(step, r);
}

StepOutcome EngineExecutor::Build(const Step& step) {
  const json& b = step.body;
  std::string tar, error;
  const std::string dockerfile = b.value("dockerfile", "Dockerfile");
  if (!BuildContextTar(b.value("context", ""), dockerfile, &tar, &error)) {
    return {false, fmt::format("service '{}': cannot build image '{}': {}", step.service,
                               step.resource, error)};
  }
  std::string query = "/build?rm=1&forcerm=1&t=" + UrlEncode(step.resource) +
                      "&dockerfile=" + UrlEncode(dockerfile);
  if (b.contains("args") && !b["args"].empty())
    query += "&buildargs=" + UrlEncode(b["args"].dump());
  if (!b.value("target", "").empty()) query += "&target=" + UrlEncode(b.value("target", ""));
  const ApiResult r =
      engine_.CallRaw("POST", query, std::move(tar), "application/x-tar", 0, interrupted_);
  std::string message = r.message;
  if (r.ok()) {
    // The answer is a stream of JSON lines; a failed step says so in an "error" line.
    size_t start = 0;
    while (start < r.raw.size()) {
      const size_t nl = r.raw.find('\n', start);
      const json line = json::parse(r.raw.substr(start, nl - start), nullptr, false);
      if (line.is_object() && line.contains("error") && line["error"].is_string()) {
        message = line["error"].get<std::string>();
        break;
      }
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    if (message.empty()) return {};
  }
  return {false, fmt::format("service '{}': cannot build image '{}': {}", step.service,
                             step.resource, message)};
}

StepOutcome EngineExecutor::Hook(const Step& step) {
  // exec create, exec start (attached: the answer ends when the command does), exec inspect for
  // the exit code. The output is not kept: a hook's environment may hold secrets.
  json create = step.body;
  create["AttachStdout"] = true;
  create["AttachStderr"] = true;
  ApiResult r = engine_.Call("POST", "/containers/" + Ref(step) + "/exec", &create);
  if (!r.ok()) return Failure(step, r);
  const std::string id = r.body.value("Id", "");
  // The attached start answers when the command exits. Its limit, in milliseconds, fits an int
  // (a larger --wait-timeout means no limit); 0 or less leaves the hook unlimited.
  const int64_t limit_ms = int64_t{hook_timeout_s_} * 1000;
  const int timeout_ms =
      limit_ms > 0 && limit_ms <= std::numeric_limits<int>::max() ? static_cast<int>(limit_ms) : 0;
  const ApiResult started =
      engine_.CallRaw("POST", "/exec/" + id + "/start", R"({"Detach":false,"Tty":false})",
                      "application/json", timeout_ms, interrupted_);
  if (started.ok()) {
    r = engine_.Call("GET", "/exec/" + id + "/json", nullptr, 10000);
    if (!r.ok()) return Failure(step, r);
  } else {
    if (started.message == kCancelled) return Failure(step, started);
    r = engine_.Call("GET", "/exec/" + id + "/json", nullptr, 10000);
    if (!r.ok()) return Failure(step, started);
    if (r.body.value("Running", false)) {
      // Still running: the start gave up waiting (the hook timeout) or lost its connection.
      if (started.message == kTimedOut) {
        return {false,
                fmt::format("service '{}': the {} in container '{}' did not exit within {} s "
                            "(--wait-timeout)",
                            step.service, step.reason, step.resource, hook_timeout_s_)};
      }
      return Failure(step, started);
    }
  }
  // Exited, even if the start's answer was lost: its exit code decides.
  const int exit_code = r.body.contains("ExitCode") && r.body["ExitCode"].is_number()
                            ? r.body["ExitCode"].get<int>()
                            : -1;
  if (exit_code == 0) return {};
  return {false, fmt::format("service '{}': the {} in container '{}' exited with {}", step.service,
                             step.reason, step.resource, exit_code)};
}

StepOutcome EngineExecutor::Look(const Step& step) {
  const ApiResult r = engine_.Call("GET", "/containers/" + step.resource + "/json");
  if (!r.ok()) return Failure(step, r);
  const json& state = r.body.value("State", json::object());
  const std::string status = state.value("Status", "");
  const int exit_code = state.value("ExitCode", 0);
  const bool exited = status == "exited" || status == "dead";
  StepOutcome fail;
  fail.ok = false;
  switch (step.kind) {
    case StepKind::kWaitHealthy: {
      if (!state.contains("Health") || !state["Health"].is_object()) {
        fail.message = fmt::format("container {} has no healthcheck configured", step.resource);
        return fail;
      }
      const std::string health = state["Health"].value("Status", "");
      if (health == "healthy") return {};
      if (health == "unhealthy") {
        fail.message = fmt::format("container {} is unhealthy", step.resource);
        return fail;
      }
      if (exited) {
        fail.message = fmt::format("container {} exited ({})", step.resource, exit_code);
        return fail;
      }
      break;
    }
    case StepKind::kWaitCompleted:
      if (exited) {
        if (exit_code == 0) return {};
        fail.message = fmt::format("service \"{}\" didn't complete successfully: exit {}",
                                   step.service, exit_code);
        return fail;
      }
      break;
    default:  // kWaitRunning
      if (status == "running") return {};
      if (exited) {
        fail.message = fmt::format("container {} exited ({})", step.resource, exit_code);
        return fail;
      }
  }
  StepOutcome pending;
  pending.pending = true;
  return pending;
}

}  // namespace stackc::runner
