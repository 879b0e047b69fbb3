#include "runner/engine_client.h"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace stackc::runner {

const char* ApiErrorName(ApiError error) {
  switch (error) {
    case ApiError::kNone:
      return "ok";
    case ApiError::kNotModified:
      return "not modified";
    case ApiError::kBadRequest:
      return "bad request";
    case ApiError::kForbidden:
      return "forbidden";
    case ApiError::kNotFound:
      return "not found";
    case ApiError::kConflict:
      return "conflict";
    case ApiError::kServer:
      return "server error";
    case ApiError::kUnavailable:
      return "unavailable";
    case ApiError::kTransport:
      return "transport";
  }
  return "unknown";
}

std::string EngineSocketPath(const char* docker_host, std::string* error) {
  if (docker_host == nullptr || *docker_host == '\0') return "/var/run/docker.sock";
  std::string_view host = docker_host;
  if (host.starts_with("unix://")) {
    std::string path(host.substr(7));
    if (path.empty()) path = "/var/run/docker.sock";
    return path;
  }
  *error = fmt::format(
      "DOCKER_HOST '{}' is not supported: stackc talks to the Engine over a unix "
      "socket (unix:///path)",
      host);
  return "";
}

std::string FiltersQuery(const std::map<std::string, std::vector<std::string>>& filters) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, values] : filters) j[key] = values;
  return UrlEncode(j.dump());
}

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

bool EngineClient::Connect(std::string* error) {
  HttpRequest req;
  req.path = "/_ping";
  req.timeout_ms = 10000;
  HttpResponse resp;
  std::string why;
  if (!transport_.Send(req, &resp, &why)) {
    *error = fmt::format("cannot connect to the Docker daemon: {}", why);
    return false;
  }
  if (resp.status != 200) {
    *error = fmt::format("the Docker daemon answered /_ping with status {}", resp.status);
    return false;
  }
  const std::string version = resp.Header("api-version");
  int minor = kMinMinor;
  if (version.starts_with("1.")) minor = std::atoi(version.c_str() + 2);
  if (!version.starts_with("1.") || minor < kMinMinor) {
    *error = fmt::format(
        "the Docker daemon speaks API {}, stackc needs 1.{} or later (Docker Engine 20.10)",
        version.empty() ? "(unknown)" : version, kMinMinor);
    return false;
  }
  minor_ = minor < kMaxMinor ? minor : kMaxMinor;
  return true;
}

ApiResult EngineClient::Call(std::string_view method, std::string_view path,
                             const nlohmann::json* body, int timeout_ms) {
  return CallRaw(method, path, body != nullptr ? body->dump() : std::string(), "application/json",
                 timeout_ms);
}

ApiResult EngineClient::Stream(std::string_view path,
                               std::function<bool(std::string_view)> on_data) {
  HttpRequest req;
  req.path = fmt::format("/v1.{}{}", minor_, path);
  req.on_data = std::move(on_data);
  HttpResponse resp;
  std::string why;
  const bool sent = transport_.Send(req, &resp, &why);
  return Finish(sent, resp, why);
}

ApiResult EngineClient::CallRaw(std::string_view method, std::string_view path, std::string body,
                                std::string content_type, int timeout_ms,
                                const std::atomic<bool>* cancel) {
  HttpRequest req;
  req.method = std::string(method);
  req.path = fmt::format("/v1.{}{}", minor_, path);
  req.body = std::move(body);
  req.content_type = std::move(content_type);
  req.timeout_ms = timeout_ms;
  req.cancel = cancel;
  HttpResponse resp;
  std::string why;
  const bool sent = transport_.Send(req, &resp, &why);
  return Finish(sent, resp, why);
}

ApiResult EngineClient::Finish(bool sent, const HttpResponse& resp, const std::string& why) {
  ApiResult r;
  if (!sent) {
    r.error = ApiError::kTransport;
    r.message = why;
    return r;
  }
  r.status = resp.status;
  r.raw = resp.body;
  if (!resp.body.empty()) {
    r.body = nlohmann::json::parse(resp.body, nullptr, /*allow_exceptions=*/false);
    if (r.body.is_discarded()) r.body = nullptr;
  }
  if (resp.status < 300) return r;
  switch (resp.status) {
    case 304:
      r.error = ApiError::kNotModified;
      break;
    case 400:
      r.error = ApiError::kBadRequest;
      break;
    case 403:
      r.error = ApiError::kForbidden;
      break;
    case 404:
      r.error = ApiError::kNotFound;
      break;
    case 409:
      r.error = ApiError::kConflict;
      break;
    case 503:
      r.error = ApiError::kUnavailable;
      break;
    default:
      r.error = ApiError::kServer;
  }
  if (r.body.is_object() && r.body.contains("message") && r.body["message"].is_string()) {
    r.message = r.body["message"].get<std::string>();
  } else if (resp.status == 304) {
    r.message = "not modified";
  } else {
    r.message = fmt::format("status {}", resp.status);
  }
  return r;
}

}  // namespace stackc::runner
