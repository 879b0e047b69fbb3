// Test helper: the loadable projects of ../shared/corpus/public, as the differential test lists
// them in tests/differential/entries.tsv (entries with only -f files or default discovery; those
// with profiles, env files or service arguments are left to the differential test).
//
// Example:
//   int n = ForEachCorpusProject([](const std::string& id, CorpusProject& p) { ... });
//   // n < 0: the corpus is absent (skip)
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/loader.h"
#include "frontend/lower.h"
#include "frontend/shell_words.h"
#include "ir/project.h"

namespace stackc::test_corpus {

struct CorpusProject {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  frontend::LoadedProject loaded;
  ir::Project project;
};

// Calls `visit` for each corpus project that loads; returns how many, or -1 without a corpus.
// `all_resources` keeps what no service uses, as `stackc lint` does.
inline int ForEachCorpusProject(
    const std::function<void(const std::string& id, CorpusProject& project)>& visit,
    bool all_resources = false) {
  const std::filesystem::path root = std::filesystem::path(STACKC_SHARED_DIR) / "corpus" / "public";
  if (!std::filesystem::exists(root)) return -1;
  std::ifstream entries(std::string(STACKC_SOURCE_DIR) + "/tests/differential/entries.tsv");
  frontend::RealFileSystem fs(64u << 20);
  std::string line;
  int loaded = 0;
  while (std::getline(entries, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, dir, args;
    std::getline(fields, id, '\t');
    std::getline(fields, dir, '\t');
    std::getline(fields, args);
    frontend::LoadRequest req;
    bool simple = true;
    const std::vector<std::string> words = frontend::SplitShellWords(args).words;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == "-f" && i + 1 < words.size()) {
        req.config_paths.push_back((root / dir / words[++i]).string());
      } else {
        simple = false;
      }
    }
    if (!simple) continue;
    req.project_directory = (root / dir).string();
    req.all_resources = all_resources;
    CorpusProject p;
    if (!frontend::LoadProject(req, fs, {{"HOME", "/root"}, {"USER", "root"}}, p.sm, p.sink,
                               &p.loaded)) {
      continue;
    }
    p.project = frontend::Lower(p.loaded);
    visit(id, p);
    ++loaded;
  }
  return loaded;
}

}  // namespace stackc::test_corpus
