#include "frontend/model_printer.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "frontend/go_emit.h"
#include "frontend/loader.h"

namespace stackc::frontend {
namespace {

namespace fs = std::filesystem;

TEST(ModelPrinterTest, SortsKeysAsGoYamlDoes) {
  EXPECT_TRUE(GoYamlKeyLess("a2", "a10"));
  EXPECT_FALSE(GoYamlKeyLess("a10", "a2"));
  EXPECT_TRUE(GoYamlKeyLess("web", "web-1"));
  EXPECT_TRUE(GoYamlKeyLess("svc9", "svc10"));
  EXPECT_TRUE(GoYamlKeyLess("B", "a"));
  // Other characters sort before letters, except after a digit; runes beyond ASCII are letters.
  EXPECT_TRUE(GoYamlKeyLess("a-", "ab"));
  EXPECT_TRUE(GoYamlKeyLess("a-", "a\xC3\xA9"));
  EXPECT_TRUE(GoYamlKeyLess("1a", "1-"));
  EXPECT_TRUE(GoYamlKeyLess("z", "\xC3\xA9"));
  EXPECT_FALSE(GoYamlKeyLess("x", "x"));
}

// With a drain, a large project's YAML is handed over in pieces of at least kDrainBytes (the last
// one left in *out); put together they are the bytes of the whole print. JSON is never drained.
TEST(ModelPrinterTest, DrainHandsOverTheYamlInPieces) {
  std::string text = "services:\n";
  for (int i = 0; i < 2000; ++i) {
    text += "  svc" + std::to_string(i) + ":\n    image: app:1\n    command: echo $$HOME-" +
            std::to_string(i) + "\n    environment: [A=1, B=two words]\n";
  }
  InMemoryFileSystem files("/p");
  files.Add("/p/compose.yaml", text);
  LoadRequest req;
  req.config_paths = {"/p/compose.yaml"};
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LoadedProject project;
  ASSERT_TRUE(LoadProject(req, files, EnvMap{}, sm, sink, &project));
  const ModelPrinter printer;
  for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
    std::string whole;
    ASSERT_TRUE(printer.Print(project.model, format, &whole));
    ASSERT_GT(whole.size(), 2 * ModelPrinter::kDrainBytes);
    std::string pieces, rest;
    size_t drains = 0;
    const ModelPrinter::Drain drain = [&](std::string_view written) {
      EXPECT_GE(written.size(), ModelPrinter::kDrainBytes);
      pieces += written;
      ++drains;
    };
    ASSERT_TRUE(printer.Print(project.model, format, &rest, nullptr, drain));
    EXPECT_EQ(pieces + rest, whole);
    if (format == OutputFormat::kYaml) {
      EXPECT_GE(drains, 2u);
      EXPECT_LT(rest.size(), whole.size() / 2);
    } else {
      EXPECT_EQ(drains, 0u);
    }
  }
}

// Print streams each service as it decodes it; the bytes are those of the whole output tree.
TEST(CorpusModelPrinterTest, PrintWritesTheBytesOfTheOutputTree) {
  const fs::path root = fs::path(STACKC_SHARED_DIR) / "corpus/public";
  if (!fs::exists(root)) GTEST_SKIP() << root << " is absent";
  std::vector<fs::path> files;
  for (const char* dir : {"awesome-compose", "compose-spec", "docker-compose-e2e"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  const RealFileSystem files_on_disk(size_t{64} << 20);
  const ModelPrinter printer;
  size_t printed = 0;
  for (const fs::path& path : files) {
    LoadRequest req;
    req.config_paths = {path.string()};
    req.project_name = "demo";
    ir::SourceManager sm;
    ir::DiagnosticSink sink;
    LoadedProject project;
    if (!LoadProject(req, files_on_disk, EnvMap{}, sm, sink, &project)) continue;
    for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
      const Node tree = printer.OutputTree(project.model, format);
      const std::string want = format == OutputFormat::kYaml ? EmitGoYaml(tree) : EmitGoJson(tree);
      std::string got;
      EXPECT_TRUE(printer.Print(project.model, format, &got)) << path;
      EXPECT_EQ(got, want) << path;
    }
    ++printed;
  }
  EXPECT_GT(printed, 100u);
}

}  // namespace
}  // namespace stackc::frontend
