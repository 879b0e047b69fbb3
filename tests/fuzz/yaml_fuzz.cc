// libFuzzer target: the YAML node tree and the loader's per-file pipeline must never crash, hang or
// leak on any input; every failure is a diagnostic.
#include <cstddef>
#include <cstdint>
#include <string>

#include "frontend/file_system.h"
#include "frontend/loader.h"
#include "frontend/model_printer.h"
#include "frontend/yaml_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace stackc;
  std::string text(reinterpret_cast<const char*>(data), size);
  {
    ir::SourceManager sm;
    ir::DiagnosticSink sink;
    const ir::FileId f = sm.Add("fuzz.yaml", text);
    frontend::YamlOptions options;
    options.max_alias_nodes = 10'000;
    options.max_depth = 200;
    frontend::ParseYaml(sm, f, sink, options);
  }
  frontend::InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", std::move(text));
  frontend::LoadRequest req;
  req.config_paths = {"/p/compose.yaml"};
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  frontend::LoadedProject project;
  if (frontend::LoadProject(req, fs, {{"HOME", "/home"}}, sm, sink, &project)) {
    const frontend::ModelPrinter printer;
    (void)printer.Yaml(project.model);
    (void)printer.Json(project.model);
  }
  return 0;
}
