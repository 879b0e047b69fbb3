// Tests of the .env parser.
//
// The expected results of the fixture files come from compose-go itself: tests/oracle/cmd/dotenv
// parses each file with compose-go's dotenv package against the fixed lookup below and writes one
// JSON file per fixture (values, error text, logged warnings). Regenerate the goldens after
// changing a fixture or adding one:
//
//   cd tests/oracle && go build -o /tmp/dotenv-oracle ./cmd/dotenv && cd ../..
//   S=../shared/corpus/public/compose-go
//   /tmp/dotenv-oracle -o corpus/frontend/dotenv $S/dotenv/fixtures/*.env $S/types/fixtures/*.env
//   /tmp/dotenv-oracle -o corpus/frontend/dotenv/cases corpus/frontend/dotenv/cases/*.env
#include "frontend/dotenv.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace stackc::frontend {
namespace {

namespace fs = std::filesystem;

// The oracle's fixed lookup environment (tests/oracle/cmd/dotenv/main.go).
Environment OracleLookup() {
  return Environment{{"VAR_TO_BE_LOADED_FROM_OS_ENV", "loaded-from-os"},
                     {"ORACLE_HOME", "/home/oracle"},
                     {"ORACLE_EMPTY", ""}};
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parses `env` and compares with the oracle's golden `golden`.
void CheckAgainstGolden(const fs::path& env, const fs::path& golden) {
  SCOPED_TRACE(env.string());
  ASSERT_TRUE(fs::exists(golden)) << "no golden " << golden
                                  << " (see the comment at the top of this file)";
  const nlohmann::json want = nlohmann::json::parse(ReadAll(golden));
  ir::SourceManager sm;
  const ir::FileId f = sm.Add(env.string(), ReadAll(env));
  const Environment os = OracleLookup();
  const DotenvResult r = ReadDotenv(sm, f, os.AsLookup());

  const std::string want_error = want.value("error", "");
  EXPECT_EQ(r.error.value_or(""), want_error);
  if (want_error.empty()) {
    std::map<std::string, std::string> got;
    for (const DotenvEntry& e : r.entries) {
      EXPECT_TRUE(got.emplace(e.key, e.value).second) << "duplicate entry " << e.key;
    }
    EXPECT_EQ(got, (want["values"].get<std::map<std::string, std::string>>()));
  }
  std::vector<std::string> warnings;
  for (const InterpolationWarning& w : r.warnings) warnings.push_back(w.message);
  EXPECT_EQ(warnings, want["warnings"].get<std::vector<std::string>>());
}

std::vector<fs::path> EnvFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".env") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CorpusDotenv, ComposeGoFixturesMatchOracle) {
  const fs::path shared = fs::path(STACKC_SHARED_DIR) / "corpus/public/compose-go";
  if (!fs::is_directory(shared)) GTEST_SKIP() << "no shared corpus at " << shared;
  const fs::path goldens = fs::path(STACKC_SOURCE_DIR) / "corpus/frontend/dotenv";
  size_t n = 0;
  for (const char* sub : {"dotenv/fixtures", "types/fixtures"}) {
    for (const fs::path& env : EnvFiles(shared / sub)) {
      CheckAgainstGolden(env, goldens / (env.stem().string() + ".json"));
      ++n;
    }
  }
  EXPECT_GE(n, 15u);
}

TEST(DotenvCases, EdgeCasesMatchOracle) {
  const fs::path dir = fs::path(STACKC_SOURCE_DIR) / "corpus/frontend/dotenv/cases";
  const std::vector<fs::path> files = EnvFiles(dir);
  ASSERT_GE(files.size(), 30u);
  for (const fs::path& env : files) CheckAgainstGolden(env, dir / (env.stem().string() + ".json"));
}

// ---- hand-written cases
// -----------------------------------------------------------------------------------------

struct Parsed {
  ir::SourceManager sm;
  ir::FileId file = 0;
  DotenvResult result;
};

std::unique_ptr<Parsed> Parse(std::string text, const Environment& env = {},
                              const DotenvOptions& options = {}) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sm.Add("/p/.env", std::move(text));
  p->result = ReadDotenv(p->sm, p->file, env.AsLookup(), options);
  return p;
}

TEST(Dotenv, SpansPointAtKeyAndValue) {
  auto p = Parse("export A = hello # c\nB=\"q\"\n");
  ASSERT_FALSE(p->result.error);
  ASSERT_EQ(p->result.entries.size(), 2u);
  const DotenvEntry& a = p->result.entries[0];
  EXPECT_EQ(p->sm.Text(a.key_span), "A");
  EXPECT_EQ(p->sm.Text(a.value_span), "hello");
  const DotenvEntry& b = p->result.entries[1];
  EXPECT_EQ(p->sm.Text(b.key_span), "B");
  EXPECT_EQ(p->sm.Text(b.value_span), "\"q\"");
  EXPECT_EQ(b.value, "q");
}

TEST(Dotenv, DuplicateKeysKeepFirstPositionAndLastValue) {
  auto p = Parse("A=1\nB=2\nA=3\n");
  ASSERT_EQ(p->result.entries.size(), 2u);
  EXPECT_EQ(p->result.entries[0].key, "A");
  EXPECT_EQ(p->result.entries[0].value, "3");
  EXPECT_EQ(p->sm.Text(p->result.entries[0].value_span), "3");
  EXPECT_EQ(p->sm.Position(p->result.entries[0].key_span).line, 3u);
}

TEST(Dotenv, ErrorIsLocated) {
  auto p = Parse("A=1\nB='open\nC=2\n");
  ASSERT_TRUE(p->result.error);
  EXPECT_EQ(*p->result.error, "line 4: unterminated quoted value 'open");
  EXPECT_EQ(p->sm.Text(p->result.error_span), "'open");
}

TEST(Dotenv, LookupWinsOverKeysAlreadyRead) {
  const Environment os{{"A", "os"}};
  auto p = Parse("A=file\nB=$A\n", os);
  ASSERT_EQ(p->result.entries.size(), 2u);
  EXPECT_EQ(p->result.entries[0].value, "file");
  EXPECT_EQ(p->result.entries[1].value, "os");
}

TEST(Dotenv, FallbackIsConsultedAfterKeysRead) {
  const Environment prior{{"P", "prior"}, {"A", "prior-a"}};
  DotenvOptions options;
  options.fallback = prior.AsLookup();
  auto p = Parse("A=mine\nB=${A}-${P}\nP\n", {}, options);
  ASSERT_FALSE(p->result.error);
  ASSERT_EQ(p->result.entries.size(), 2u);  // the bare P does not see the fallback by default
  EXPECT_EQ(p->result.entries[1].value, "mine-prior");

  options.bare_keys_see_read_values = true;
  auto q = Parse("A=mine\nP\nA\n", {}, options);
  ASSERT_EQ(q->result.entries.size(), 2u);
  EXPECT_EQ(q->result.entries[0].value, "mine");
  EXPECT_EQ(q->result.entries[1].key, "P");
  EXPECT_EQ(q->result.entries[1].value, "prior");
}

TEST(Dotenv, ParseDotenvWrapsTheErrorWithThePath) {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  const ir::FileId f = sm.Add("/p/.env", "A B=1\n");
  std::vector<DotenvEntry> entries{{"stale", "x", {}, {}}};
  EXPECT_FALSE(ParseDotenv(sm, f, Environment{}.AsLookup(), false, &entries, sink));
  EXPECT_TRUE(entries.empty());
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].code, kDotenvErrorCode);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "failed to read /p/.env: line 1: key cannot contain a space");
  EXPECT_EQ(sm.Text(sink.diagnostics()[0].span), "A B");
}

TEST(Dotenv, UnsetWarningsGoToTheSinkOnce) {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  const ir::FileId f = sm.Add("/p/.env", "A=$NOPE\nB=${NOPE}\n");
  std::vector<DotenvEntry> entries;
  EXPECT_TRUE(ParseDotenv(sm, f, Environment{}.AsLookup(), false, &entries, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].severity, ir::Severity::kWarning);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "The \"NOPE\" variable is not set. Defaulting to a blank string.");
  EXPECT_EQ(sm.Text(sink.diagnostics()[0].span), "$NOPE");

  InterpolationWarnings collected;
  DotenvOptions options;
  options.warnings = &collected;
  ir::DiagnosticSink quiet;
  EXPECT_TRUE(ParseDotenv(sm, f, Environment{}.AsLookup(), options, &entries, quiet));
  EXPECT_TRUE(quiet.diagnostics().empty());
  EXPECT_EQ(collected.items().size(), 1u);
}

TEST(Dotenv, EscapesInDoubleQuotes) {
  auto p = Parse(R"(A="\0101\0102 \c \$X \\n")"
                 "\n");
  ASSERT_EQ(p->result.entries.size(), 1u);
  EXPECT_EQ(p->result.entries[0].value, "AB \\c $X \\n");
}

// ---- format: raw (docker/cli kvfile)
// ------------------------------------------------------------------------------

TEST(DotenvRaw, ValuesAreVerbatim) {
  const Environment os{{"FROM_OS", "os value"}};
  DotenvOptions raw;
  raw.raw = true;
  auto p = Parse(
      "\xEF\xBB\xBF# comment\n  A=\"quoted\" # not a comment "
      "\r\nB=$HOME\n\nFROM_OS\nMISSING\nC=x=y",
      os, raw);
  ASSERT_FALSE(p->result.error) << *p->result.error;
  std::vector<std::pair<std::string, std::string>> got;
  for (const DotenvEntry& e : p->result.entries) got.emplace_back(e.key, e.value);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"A", "\"quoted\" # not a comment "}, {"B", "$HOME"}, {"FROM_OS", "os value"}, {"C", "x=y"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(p->sm.Text(p->result.entries[0].key_span), "A");
  EXPECT_EQ(p->sm.Text(p->result.entries[0].value_span), "\"quoted\" # not a comment ");
}

TEST(DotenvRaw, Errors) {
  DotenvOptions raw;
  raw.raw = true;
  EXPECT_EQ(Parse("A=1\n=2\n", {}, raw)->result.error.value_or(""),
            "no variable name on line '=2'");
  EXPECT_EQ(Parse("A B=1\n", {}, raw)->result.error.value_or(""),
            "variable 'A B' contains whitespaces");
  EXPECT_EQ(Parse("A\t=1\n", {}, raw)->result.error.value_or(""),
            "variable 'A\t' contains whitespaces");
  EXPECT_EQ(Parse("A=1\nB=a\xff\n", {}, raw)->result.error.value_or(""),
            "invalid utf8 bytes at line 2: [66 61 97 255]");
  EXPECT_EQ(Parse("A=" + std::string(70000, 'x'), {}, raw)->result.error.value_or(""),
            "bufio.Scanner: token too long");

  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  const ir::FileId f = sm.Add("/p/raw.env", "A B=1\n");
  std::vector<DotenvEntry> entries;
  EXPECT_FALSE(ParseDotenv(sm, f, Environment{}.AsLookup(), true, &entries, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "failed to parse env_file /p/raw.env: variable 'A B' contains whitespaces");
}

}  // namespace
}  // namespace stackc::frontend
