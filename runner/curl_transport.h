// The real HTTP transport: libcurl over a unix socket (the Docker Engine's).
//
// libcurl is loaded with dlopen the first time a transport is opened, so commands that never
// talk to an engine (config, lint, compile) do not pay for loading it and its dependencies at
// start-up (ARCHITECTURE.md: about 5 ms per process). Each transport owns one curl handle and so
// one kept-alive connection; use one transport per thread.
//
// Example:
//   std::string error;
//   std::unique_ptr<HttpTransport> t = OpenUnixSocketTransport("/var/run/docker.sock", &error);
//   if (!t) return Fail(error);  // "cannot load libcurl: ..."
#pragma once

#include <memory>
#include <string>

#include "runner/http.h"

namespace stackc::runner {

// A transport to `socket_path`; nullptr with `error` set when libcurl cannot be loaded. Whether
// the socket answers is known at the first Send.
std::unique_ptr<HttpTransport> OpenUnixSocketTransport(const std::string& socket_path,
                                                       std::string* error);

}  // namespace stackc::runner
