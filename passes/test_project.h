// Test helper: a compose text loaded and lowered to the IR in one call, for the tests of passes and
// rules.
//
// Example:
//   auto r = test::LoadText("services: {web: {image: busybox}}\n");
//   ASSERT_TRUE(r->ok);
//   r->project.services[0].name.value  // "web"
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/loader.h"
#include "frontend/lower.h"

namespace stackc::passes::test {

struct Loaded {
  bool ok = false;
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  frontend::LoadedProject loaded;
  ir::Project project;
};

// Loads `yaml` as /p/compose.yaml (project "p"); `consistency` off lets a cycle reach the passes;
// `all_resources` keeps the networks, volumes, secrets and configs no service uses (as lint does).
inline std::unique_ptr<Loaded> LoadText(const std::string& yaml, bool consistency = true,
                                        std::vector<std::string> profiles = {},
                                        bool all_resources = false) {
  frontend::InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", yaml);
  frontend::LoadRequest req;
  req.consistency = consistency;
  req.profiles = std::move(profiles);
  req.all_resources = all_resources;
  auto r = std::make_unique<Loaded>();
  r->ok = frontend::LoadProject(req, fs, {}, r->sm, r->sink, &r->loaded);
  if (r->ok) r->project = frontend::Lower(r->loaded);
  return r;
}

}  // namespace stackc::passes::test
