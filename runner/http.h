// One HTTP exchange with an API server, and the transport that carries it.
//
// The Engine client builds requests; a transport sends them. The real transport is libcurl over
// the Engine's unix socket (curl_transport.h); tests use a scripted transport. A transport reports
// only failures to exchange bytes (no socket, connection reset, timeout); HTTP statuses, 404
// included, are answers and come back in the response.
//
// Example:
//   HttpRequest req{.method = "GET", .path = "/_ping"};
//   HttpResponse resp;
//   std::string error;
//   if (transport.Send(req, &resp, &error)) std::printf("%d %s\n", resp.status, resp.body.c_str());
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stackc::runner {

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // with the query string, e.g. "/v1.41/containers/json?all=1"
  std::string body;
  std::string content_type = "application/json";
  // Streaming: each chunk of the body goes to on_data as it arrives (and not into the response);
  // returning false ends the exchange early without an error.
  std::function<bool(std::string_view)> on_data;
  int timeout_ms = 0;  // 0: no limit (Send then fails with kTimedOut as its error)
  // When given, the exchange is given up soon after *cancel turns true (within about a second
  // while nothing arrives): Send then fails with kCancelled as its error.
  const std::atomic<bool>* cancel = nullptr;
};

// The error text of an exchange given up through HttpRequest::cancel, and of one that outlasted
// HttpRequest::timeout_ms.
inline constexpr char kCancelled[] = "interrupted";
inline constexpr char kTimedOut[] = "timed out";

struct HttpResponse {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  // The value of header `name` (lower-case), or "" when absent.
  std::string Header(std::string_view name) const;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Sends `request`; false with `error` set when no HTTP answer came back.
  virtual bool Send(const HttpRequest& request, HttpResponse* response, std::string* error) = 0;
};

}  // namespace stackc::runner
