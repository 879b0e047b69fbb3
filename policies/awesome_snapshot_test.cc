// The reviewed snapshot of what `stackc lint` finds in the awesome-compose projects
// (corpus/lint/awesome-compose.tsv): every finding, marked TP (true positive) or FP (false
// positive) with a note saying why. The test fails when the findings drift from the snapshot, so a
// rule change that adds or removes findings on real projects is reviewed with it; with
// STACKC_UPDATE_SNAPSHOT=1 it rewrites the file, keeping the verdicts of unchanged findings and
// marking new ones `?` (which fails until someone reviews them).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "policies/lint.h"
#include "tests/corpus_projects.h"

namespace stackc::policies {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string key;  // project, location, code, message: what the linter decides
  std::string verdict;
  std::string note;
};

std::string SnapshotPath() {
  return std::string(STACKC_SOURCE_DIR) + "/corpus/lint/awesome-compose.tsv";
}

std::vector<Row> ReadSnapshot() {
  std::vector<Row> rows;
  std::ifstream in(SnapshotPath());
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    f.resize(6);
    rows.push_back({f[0] + '\t' + f[1] + '\t' + f[2] + '\t' + f[3], f[4], f[5]});
  }
  return rows;
}

TEST(AwesomeComposeSnapshot, FindingsAreReviewedAndUnchanged) {
  const fs::path root = (fs::path(STACKC_SHARED_DIR) / "corpus" / "public").lexically_normal();
  std::vector<std::string> found;
  const int checked = test_corpus::ForEachCorpusProject(
      [&](const std::string& id, test_corpus::CorpusProject& c) {
        if (!id.starts_with("awesome-compose/")) return;
        const std::string project = id.substr(0, id.rfind('/'));
        for (const ir::Diagnostic& d : Lint(c.project, c.sm, {})) {
          const ir::LineCol at = c.sm.Position(d.span);
          const std::string file = fs::path(c.sm.path(d.span.file))
                                       .lexically_normal()
                                       .lexically_relative(root / project)
                                       .string();
          // Host paths in messages are made independent of where the corpus is checked out.
          std::string message = d.message;
          const std::string prefix = root.string();
          for (size_t i = message.find(prefix); i != std::string::npos;
               i = message.find(prefix, i)) {
            message.replace(i, prefix.size(), "$CORPUS");
          }
          found.push_back(fmt::format("{}\t{}:{}:{}\t{}\t{}", project, file, at.line, at.column,
                                      d.code, message));
        }
      },
      /*all_resources=*/true);
  if (checked < 0) GTEST_SKIP() << "../shared/corpus is absent";
  std::sort(found.begin(), found.end());
  const std::vector<Row> snapshot = ReadSnapshot();
  std::map<std::string, const Row*> reviewed;
  for (const Row& r : snapshot) reviewed[r.key] = &r;
  if (std::getenv("STACKC_UPDATE_SNAPSHOT") != nullptr) {
    std::ofstream out(SnapshotPath());
    out << "# project\tlocation\tcode\tmessage\tverdict (TP/FP)\tnote (why; required for FP)\n";
    for (const std::string& key : found) {
      const auto it = reviewed.find(key);
      out << key << '\t' << (it == reviewed.end() ? "?" : it->second->verdict) << '\t'
          << (it == reviewed.end() ? "" : it->second->note) << '\n';
    }
  }
  std::vector<std::string> expected;
  for (const Row& r : snapshot) expected.push_back(r.key);
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(found, expected) << "the findings changed: review them (STACKC_UPDATE_SNAPSHOT=1)";
  int tp = 0, fp = 0;
  for (const Row& r : snapshot) {
    EXPECT_TRUE(r.verdict == "TP" || r.verdict == "FP") << "not reviewed: " << r.key;
    if (r.verdict == "FP") {
      EXPECT_FALSE(r.note.empty()) << "a false positive needs a note: " << r.key;
    }
    (r.verdict == "TP" ? tp : fp) += 1;
  }
  std::printf("awesome-compose: %zu findings, %d true positives, %d false positives\n",
              snapshot.size(), tp, fp);
}

}  // namespace
}  // namespace stackc::policies
