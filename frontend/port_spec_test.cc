#include "frontend/port_spec.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/oracle_vectors.h"

namespace stackc::frontend {
namespace {

// The expectations are compose-go's (types.ParsePortConfig on go-connections v0.7.0), computed by
// tests/oracle/cmd/vectors for the inputs of corpus/frontend/vectors/inputs.json and every port
// string of the public corpus.
TEST(PortSpecTest, MatchesComposeGoOnTheOracleVectors) {
  const nlohmann::json doc = test_vectors::Read("ports.json");
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/vectors/ports.json is missing or malformed";
  ASSERT_GT(doc["vectors"].size(), 100u);
  for (const nlohmann::json& v : doc["vectors"]) {
    const std::string spec = test_vectors::Text(v["in"]);
    SCOPED_TRACE(spec);
    const PortSpecResult r = ParsePortSpec(spec);
    EXPECT_EQ(r.error, v.contains("error") ? test_vectors::Text(v["error"]) : "");
    nlohmann::json got = nlohmann::json::array();
    for (const PortMapping& p : r.ports) {
      got.push_back({{"target", p.target},
                     {"published", p.published},
                     {"host_ip", p.host_ip},
                     {"protocol", p.protocol},
                     {"mode", p.mode}});
    }
    EXPECT_EQ(got, v["ports"]);
  }
}

TEST(PortSpecTest, IntegerFormsDecimal) {
  PortSpecResult r = ParsePortSpec(int64_t{8080});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.ports.size(), 1u);
  EXPECT_EQ(r.ports[0], (PortMapping{.target = 8080, .protocol = "tcp"}));

  r = ParsePortSpec(int64_t{-1});
  EXPECT_EQ(r.error, "invalid containerPort: -1");
  EXPECT_TRUE(r.ports.empty());
}

TEST(PortSpecTest, AppendKeepsExistingEntriesAndLeavesOutputAloneOnError) {
  std::vector<PortMapping> out;
  std::string error;
  ASSERT_TRUE(AppendPortSpec("80", &out, &error));
  ASSERT_TRUE(AppendPortSpec("19-20:9-10/udp", &out, &error));
  EXPECT_TRUE(error.empty());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].target, 80u);
  EXPECT_EQ(out[1].target, 10u);  // "10/udp" sorts before "9/udp"
  EXPECT_EQ(out[1].published, "20");
  EXPECT_EQ(out[1].protocol, "udp");
  EXPECT_EQ(out[2].target, 9u);
  EXPECT_EQ(out[2].published, "19");

  EXPECT_FALSE(AppendPortSpec("80/xyz", &out, &error));
  EXPECT_EQ(error, "invalid proto: xyz");
  EXPECT_EQ(out.size(), 3u);
}

TEST(PortSpecTest, FullRangeSortsByDecimalText) {
  const PortSpecResult r = ParsePortSpec("1-65535");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.ports.size(), 65535u);
  EXPECT_EQ(r.ports.front().target, 1u);
  EXPECT_EQ(r.ports[1].target, 10u);
  EXPECT_EQ(r.ports[2].target, 100u);
  EXPECT_EQ(r.ports.back().target, 9999u);
}

TEST(PortSpecTest, GoIPAddress) {
  for (const char* ok : {"0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::68",
                         "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "ABCD::ef"}) {
    EXPECT_TRUE(IsGoIPAddress(ok)) << ok;
  }
  for (const char* bad : {"",         "1.2.3",     "1.2.3.4.",          ".1.2.3",    "1..2.3",
                          "1.2.3.04", "256.1.1.1", "1.2.3.a",           "localhost", ":",
                          ":::",      "1:2",       "1:2:3:4:5:6:7:8:9", "::1::",     "fe80::1%eth0",
                          "%eth0",    "12345::",   "1:2:3:4:5:6:7:8::", "::1.2.3",   "1:",
                          "[::1]"}) {
    EXPECT_FALSE(IsGoIPAddress(bad)) << bad;
  }
}

}  // namespace
}  // namespace stackc::frontend
