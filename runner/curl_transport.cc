#include "runner/curl_transport.h"

#include <cctype>
#include <string_view>

#include <curl/curl.h>

#include "runner/shared_library.h"

namespace stackc::runner {
namespace {

// The libcurl entry points we use, resolved from the shared library at run time.
struct CurlLibrary {
  SharedLibrary lib;
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_reset) easy_reset = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;

  bool Load(std::string* error) {
    if (!lib.Open({"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4"}, error)) return false;
    const bool ok = lib.Resolve("curl_global_init", &global_init, error) &&
                    lib.Resolve("curl_easy_init", &easy_init, error) &&
                    lib.Resolve("curl_easy_setopt", &easy_setopt, error) &&
                    lib.Resolve("curl_easy_perform", &easy_perform, error) &&
                    lib.Resolve("curl_easy_getinfo", &easy_getinfo, error) &&
                    lib.Resolve("curl_easy_reset", &easy_reset, error) &&
                    lib.Resolve("curl_easy_cleanup", &easy_cleanup, error) &&
                    lib.Resolve("curl_easy_strerror", &easy_strerror, error) &&
                    lib.Resolve("curl_slist_append", &slist_append, error) &&
                    lib.Resolve("curl_slist_free_all", &slist_free_all, error);
    if (ok && global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      *error = "cannot initialise libcurl";
      return false;
    }
    return ok;
  }
};

struct Exchange {
  const HttpRequest* request;
  HttpResponse* response;
  bool stopped = false;  // on_data asked to stop
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const size_t n = size * count;
  if (x->request->on_data) {
    if (!x->request->on_data(std::string_view(data, n))) {
      x->stopped = true;
      return 0;  // ends the transfer (CURLE_WRITE_ERROR, expected)
    }
    return n;
  }
  x->response->body.append(data, n);
  return n;
}

// libcurl's progress callback, called often during a transfer and about once a second while it
// waits: a nonzero answer aborts it.
int OnProgress(void* user, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/,
               curl_off_t /*ulnow*/) {
  const auto* x = static_cast<const Exchange*>(user);
  return x->request->cancel->load() ? 1 : 0;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    x->response->headers.emplace_back(std::move(name), std::string(value));
  }
  return n;
}

class CurlTransport final : public HttpTransport {
 public:
  CurlTransport(std::unique_ptr<CurlLibrary> lib, std::string socket_path)
      : lib_(std::move(lib)), socket_path_(std::move(socket_path)), curl_(lib_->easy_init()) {}
  ~CurlTransport() override {
    if (curl_ != nullptr) lib_->easy_cleanup(curl_);
  }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  bool Send(const HttpRequest& request, HttpResponse* response, std::string* error) override {
    if (curl_ == nullptr) {
      *error = "cannot initialise libcurl";
      return false;
    }
    const CurlLibrary& c = *lib_;
    c.easy_reset(curl_);
    *response = HttpResponse();
    Exchange x{&request, response};
    const std::string url = "http://localhost" + request.path;
    c.easy_setopt(curl_, CURLOPT_UNIX_SOCKET_PATH, socket_path_.c_str());
    c.easy_setopt(curl_, CURLOPT_URL, url.c_str());
    c.easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    c.easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &OnBody);
    c.easy_setopt(curl_, CURLOPT_WRITEDATA, &x);
    c.easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &OnHeader);
    c.easy_setopt(curl_, CURLOPT_HEADERDATA, &x);
    c.easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    if (request.timeout_ms > 0) c.easy_setopt(curl_, CURLOPT_TIMEOUT_MS, long{request.timeout_ms});
    if (request.cancel != nullptr) {
      c.easy_setopt(curl_, CURLOPT_NOPROGRESS, 0L);
      c.easy_setopt(curl_, CURLOPT_XFERINFOFUNCTION, &OnProgress);
      c.easy_setopt(curl_, CURLOPT_XFERINFODATA, &x);
    }
    curl_slist* headers = nullptr;
    headers = c.slist_append(headers, "Expect:");
    const std::string type = "Content-Type: " + request.content_type;
    if (request.method == "POST" || request.method == "PUT") {
      headers = c.slist_append(headers, type.c_str());
      c.easy_setopt(curl_, CURLOPT_POSTFIELDS, request.body.data());
      c.easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE,
                    static_cast<curl_off_t>(request.body.size()));
    } else if (request.method == "HEAD") {
      c.easy_setopt(curl_, CURLOPT_NOBODY, 1L);
    }
    c.easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    const CURLcode rc = c.easy_perform(curl_);
    c.easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    c.slist_free_all(headers);
    long status = 0;
    c.easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    response->status = static_cast<int>(status);
    if (rc == CURLE_ABORTED_BY_CALLBACK || rc == CURLE_OPERATION_TIMEDOUT) {
      *error = rc == CURLE_ABORTED_BY_CALLBACK ? kCancelled : kTimedOut;
      return false;
    }
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && x.stopped)) {
      *error = c.easy_strerror(rc);
      return false;
    }
    return true;
  }

 private:
  std::unique_ptr<CurlLibrary> lib_;
  std::string socket_path_;
  CURL* curl_;
};

}  // namespace

std::unique_ptr<HttpTransport> OpenUnixSocketTransport(const std::string& socket_path,
                                                       std::string* error) {
  auto lib = std::make_unique<CurlLibrary>();
  if (!lib->Load(error)) return nullptr;
  return std::make_unique<CurlTransport>(std::move(lib), socket_path);
}

}  // namespace stackc::runner
