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
#include <utility>
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
// `all_resources` keeps the networks, volumes, secrets and configs no service uses (as lint does);
// `other_files` are more files of the project (env files: {"/p/app.env", "KEY=value\n"}).
inline std::unique_ptr<Loaded> LoadText(
    const std::string& yaml, bool consistency = true, std::vector<std::string> profiles = {},
    bool all_resources = false,
    const std::vector<std::pair<std::string, std::string>>& other_files = {}) {
  frontend::InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", yaml);
  for (const auto& [path, text] : other_files) fs.Add(path, text);
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
