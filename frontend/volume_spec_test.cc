#include "frontend/volume_spec.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/oracle_vectors.h"

namespace stackc::frontend {
namespace {

// The expectations are compose-go's (format.ParseVolume), computed by tests/oracle/cmd/vectors for
// the inputs of corpus/frontend/vectors/inputs.json (NUL bytes, invalid UTF-8, `${...}` sections,
// Windows paths among them) and every volume string of the public corpus.
TEST(VolumeSpecTest, MatchesComposeGoOnTheOracleVectors) {
  const nlohmann::json doc = test_vectors::Read("volumes.json");
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/vectors/volumes.json is missing or malformed";
  ASSERT_GT(doc["vectors"].size(), 90u);
  for (const nlohmann::json& v : doc["vectors"]) {
    const std::string spec = test_vectors::Text(v["in"]);
    SCOPED_TRACE(spec);
    const VolumeSpecResult r = ParseVolumeSpec(spec);
    EXPECT_EQ(r.error, v.contains("error") ? test_vectors::Text(v["error"]) : "");
    if (!v.contains("volume")) continue;
    const nlohmann::json& want = v["volume"];
    EXPECT_EQ(r.volume.type, want["type"].get<std::string>());
    EXPECT_EQ(r.volume.source, test_vectors::Text(want["source"]));
    EXPECT_EQ(r.volume.target, test_vectors::Text(want["target"]));
    EXPECT_EQ(r.volume.read_only, want["read_only"].get<bool>());
    nlohmann::json bind = nullptr;
    if (r.volume.bind) {
      bind = {{"propagation", r.volume.bind->propagation},
              {"selinux", r.volume.bind->selinux},
              {"create_host_path", r.volume.bind->create_host_path}};
    }
    EXPECT_EQ(bind, want["bind"]);
    nlohmann::json volume = nullptr;
    if (r.volume.volume) volume = {{"nocopy", r.volume.volume->nocopy}};
    EXPECT_EQ(volume, want["volume"]);
  }
}

TEST(VolumeSpecTest, EmptySpec) {
  const VolumeSpecResult r = ParseVolumeSpec("");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "invalid empty volume spec");
}

TEST(VolumeSpecTest, BindWithAllOptions) {
  const VolumeSpecResult r = ParseVolumeSpec("./data:/var/lib/db:ro,Z,rslave");
  ASSERT_TRUE(r.ok());
  const VolumeSpec want{
      .type = "bind",
      .source = "./data",
      .target = "/var/lib/db",
      .read_only = true,
      .bind = VolumeSpecBind{.propagation = "rslave", .selinux = "Z", .create_host_path = true}};
  EXPECT_EQ(r.volume, want);
}

TEST(VolumeSpecTest, CleanVolumeTargetFollowsGoPathClean) {
  const std::pair<const char*, const char*> cases[] = {
      {"", ""},           {"/", "/"},         {"/a/b/", "/a/b"}, {"/b/../c/./d//", "/c/d"},
      {"/..", "/"},       {"/../a", "/a"},    {"a/..", "."},     {"a/../..", ".."},
      {"../a/..", ".."},  {".", "."},         {"./", "."},       {"//a//b", "/a/b"},
      {"a/./b/.", "a/b"}, {"C:\\x", "C:\\x"}, {"/a/b/..", "/a"}, {"../../x", "../../x"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CleanVolumeTarget(in), want) << in;
}

}  // namespace
}  // namespace stackc::frontend
