// A Docker Engine API client: versioned calls, JSON bodies and typed errors.
//
// Connect() pings the daemon and negotiates the API version as the Go client does: the lower of
// ours (1.47) and the daemon's, refused below 1.41 (Engine 20.10). Every later call is prefixed
// with that version. An answer of 400 or more becomes an ApiError kind with the daemon's message,
// so callers can treat "already started" (304) or "no such container" (404) as done.
//
// Example:
//   EngineClient engine(transport);
//   std::string error;
//   if (!engine.Connect(&error)) return Fail(error);   // "cannot connect to the Docker daemon ..."
//   ApiResult r = engine.Call("GET", "/containers/json?all=1");
//   if (r.ok()) for (const auto& c : r.body) ...
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "runner/http.h"

namespace stackc::runner {

enum class ApiError {
  kNone,
  kNotModified,  // 304: already in the requested state
  kBadRequest,   // 400
  kForbidden,    // 403
  kNotFound,     // 404
  kConflict,     // 409
  kServer,       // 500 and other statuses
  kUnavailable,  // 503
  kTransport,    // no answer: socket missing, connection reset, timeout
};

const char* ApiErrorName(ApiError error);

struct ApiResult {
  ApiError error = ApiError::kNone;
  int status = 0;
  nlohmann::json body;  // parsed JSON answer (null when empty or not JSON)
  std::string raw;      // the answer as received
  std::string message;  // the daemon's message, or the transport's reason

  bool ok() const { return error == ApiError::kNone; }
  // Done, or already in the requested state.
  bool ok_or_not_modified() const { return ok() || error == ApiError::kNotModified; }
};

// The unix socket named by DOCKER_HOST ("unix:///path"), else /var/run/docker.sock; "" with
// `error` set when DOCKER_HOST names something else (tcp://, ssh://).
std::string EngineSocketPath(const char* docker_host, std::string* error);

// Percent-encodes everything but unreserved characters, for a query value.
std::string UrlEncode(std::string_view text);

// URL-encodes `filters` as the Engine expects: {"label":["a=b"]} -> %7B%22label%22...
std::string FiltersQuery(const std::map<std::string, std::vector<std::string>>& filters);

class EngineClient {
 public:
  static constexpr int kMinMinor = 41;  // API 1.41, Engine 20.10
  static constexpr int kMaxMinor = 47;  // API 1.47, Engine 27.2

  explicit EngineClient(HttpTransport& transport) : transport_(transport) {}

  // Pings the daemon and negotiates the API version; false with a message when the daemon cannot
  // be reached or is too old.
  bool Connect(std::string* error);
  int minor() const { return minor_; }
  // Uses the version another client negotiated with the same daemon (one client per worker).
  void AdoptVersion(int minor) { minor_ = minor; }
  std::string version() const { return "1." + std::to_string(minor_); }

  // One call at the negotiated version; `path` starts with '/' and may hold a query.
  ApiResult Call(std::string_view method, std::string_view path,
                 const nlohmann::json* body = nullptr, int timeout_ms = 0);
  // A GET whose answer body goes to `on_data` as it arrives (logs, events); the result has the
  // status but no body. `on_data` returning false ends the stream.
  ApiResult Stream(std::string_view path, std::function<bool(std::string_view)> on_data);
  // A call with a raw body (an archive). With `cancel`, the call is given up soon after *cancel
  // turns true (a transport error whose message is kCancelled).
  ApiResult CallRaw(std::string_view method, std::string_view path, std::string body,
                    std::string content_type, int timeout_ms = 0,
                    const std::atomic<bool>* cancel = nullptr);

 private:
  ApiResult Finish(bool sent, const HttpResponse& response, const std::string& transport_error);

  HttpTransport& transport_;
  int minor_ = kMinMinor;
};

}  // namespace stackc::runner
