// Test helper: a compose text loaded, lowered and compiled for the Docker backend in one call.
//
// Example:
//   frontend::InMemoryFileSystem fs("/p");
//   auto c = test::CompileText(fs, "services: {web: {image: busybox}}\n");
//   c->Service("web")->containers[0].name  // "p-web-1"
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "backends/docker/compile.h"
#include "frontend/loader.h"
#include "frontend/lower.h"

namespace stackc::backends::docker::test {

struct Compiled {
  bool ok = false;
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  frontend::LoadedProject loaded;
  ir::Project project;
  DesiredState desired;

  const DesiredService* Service(std::string_view name) const {
    for (const DesiredService& s : desired.services) {
      if (s.name == name) return &s;
    }
    return nullptr;
  }
};

inline std::unique_ptr<Compiled> CompileText(frontend::InMemoryFileSystem& fs,
                                             const std::string& yaml, CompileOptions options = {}) {
  fs.Add("/p/compose.yaml", yaml);
  frontend::LoadRequest req;
  req.config_paths = {"/p/compose.yaml"};
  auto c = std::make_unique<Compiled>();
  c->ok = frontend::LoadProject(req, fs, {}, c->sm, c->sink, &c->loaded);
  if (!c->ok) return c;
  c->project = frontend::Lower(c->loaded);
  c->desired = Compile(c->project, options, fs, c->sink);
  c->ok = !c->sink.has_errors();
  return c;
}

}  // namespace stackc::backends::docker::test
