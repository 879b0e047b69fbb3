// Test helper: an HTTP transport that answers from a script and records the requests.
//
// Example:
//   ScriptedTransport t;
//   t.Push(200, "OK", {{"api-version", "1.44"}});
//   EngineClient engine(t);
//   engine.Connect(&error);  // true; t.requests[0].path == "/_ping"
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "runner/http.h"

namespace stackc::runner::test {

// Answers each request with the next scripted response and records what was asked.
class ScriptedTransport final : public HttpTransport {
 public:
  struct Answer {
    bool sent = true;
    HttpResponse response;
    std::string error;
  };
  void Push(int status, std::string body,
            std::vector<std::pair<std::string, std::string>> headers = {}) {
    Answer a;
    a.response.status = status;
    a.response.body = std::move(body);
    a.response.headers = std::move(headers);
    answers_.push_back(std::move(a));
  }
  void PushFailure(std::string error) {
    Answer a;
    a.sent = false;
    a.error = std::move(error);
    answers_.push_back(std::move(a));
  }
  bool Send(const HttpRequest& request, HttpResponse* response, std::string* error) override {
    requests.push_back(request);
    if (answers_.empty()) {
      *error = "no scripted answer";
      return false;
    }
    Answer a = std::move(answers_.front());
    answers_.pop_front();
    *response = a.response;
    *error = a.error;
    return a.sent;
  }
  std::vector<HttpRequest> requests;

 private:
  std::deque<Answer> answers_;
};

}  // namespace stackc::runner::test
