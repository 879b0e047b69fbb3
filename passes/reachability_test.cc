#include "passes/reachability.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"

namespace stackc::passes {
namespace {

using Strings = std::vector<std::string>;

constexpr char kThreeTier[] =
    "networks:\n  webapp: {driver: bridge}\n  appdb: {driver: bridge}\n"
    "services:\n"
    "  web: {image: w, networks: [webapp], ports: ['80:80']}\n"
    "  app: {image: a, networks: [webapp, appdb]}\n"
    "  db: {image: d, networks: {appdb: {aliases: [database]}}, expose: ['3306']}\n";

TEST(ReachabilityTest, TheBriefsThreeTierMatrix) {
  auto r = test::LoadText(kThreeTier);
  ASSERT_TRUE(r->ok);
  const Reachability reach = ComputeReachability(r->project);
  ASSERT_NE(reach.Find("web", "app"), nullptr);
  EXPECT_EQ(reach.Find("web", "app")->networks, Strings{"webapp"});
  EXPECT_EQ(reach.Find("web", "app")->names, (Strings{"app", "p-app-1"}));
  EXPECT_TRUE(reach.Find("web", "app")->ports.empty());  // nothing declared: any port
  ASSERT_NE(reach.Find("app", "db"), nullptr);
  EXPECT_EQ(reach.Find("app", "db")->networks, Strings{"appdb"});
  EXPECT_EQ(reach.Find("app", "db")->names, (Strings{"database", "db", "p-db-1"}));
  EXPECT_EQ(reach.Find("app", "db")->ports, Strings{"3306/tcp"});
  EXPECT_EQ(reach.Find("web", "db"), nullptr);
  EXPECT_EQ(reach.Find("db", "web"), nullptr);
  EXPECT_EQ(reach.edges.size(), 4u);  // web<->app, app<->db
  EXPECT_EQ(RenderPath(reach.Path("web", "db")), "web -[webapp]-> app -[appdb]-> db");
  EXPECT_TRUE(reach.Path("db", "db").empty());
  EXPECT_TRUE(reach.unknown_peers.empty());
}

TEST(ReachabilityTest, WebOnAppdbReachesDbDirectly) {
  std::string yaml = kThreeTier;
  yaml.replace(yaml.find("networks: [webapp], ports"), 25, "networks: [webapp, appdb], ports");
  auto r = test::LoadText(yaml);
  ASSERT_TRUE(r->ok);
  const Reachability reach = ComputeReachability(r->project);
  EXPECT_EQ(RenderPath(reach.Path("web", "db")), "web -[appdb]-> db");
}

TEST(ReachabilityTest, NamespacesHostNoneAndIcc) {
  auto r = test::LoadText(
      "networks:\n  quiet: {driver_opts: {com.docker.network.bridge.enable_icc: 'false'}}\n"
      "  inside: {internal: true}\n"
      "services:\n"
      "  a: {image: x, scale: 2}\n"
      "  side: {image: x, network_mode: 'service:a'}\n"
      "  h: {image: x, network_mode: host}\n"
      "  n: {image: x, network_mode: none}\n"
      "  q1: {image: x, networks: [quiet]}\n"
      "  q2: {image: x, networks: [quiet]}\n"
      "  q1s: {image: x, network_mode: 'service:q1'}\n"
      "  i: {image: x, networks: [inside]}\n"
      "  c: {image: x, network_mode: 'container:abc'}\n");
  ASSERT_TRUE(r->ok) << (r->sink.diagnostics().empty() ? "" : r->sink.diagnostics()[0].message);
  const Reachability reach = ComputeReachability(r->project);
  // side lives in a's namespace: reached by a's names, and reaches a on localhost and by the
  // namespace's own names, which resolve inside it too (checked on the Engine: reachability.py).
  ASSERT_NE(reach.Find("side", "a"), nullptr);
  EXPECT_EQ(reach.Find("side", "a")->names, (Strings{"a", "localhost", "p-a-1", "p-a-2"}));
  EXPECT_EQ(reach.Find("a", "side")->names, reach.Find("side", "a")->names);
  // Also on a network without inter-container traffic: nothing crosses to another container.
  ASSERT_NE(reach.Find("q1s", "q1"), nullptr);
  EXPECT_EQ(reach.Find("q1s", "q1")->names, (Strings{"localhost", "p-q1-1", "q1"}));
  EXPECT_EQ(reach.Find("h", "side")->networks, Strings{"host"});
  EXPECT_NE(reach.Find("a", "h"), nullptr);    // through the default network's gateway
  EXPECT_EQ(reach.Find("i", "h"), nullptr);    // an internal network has no gateway
  EXPECT_EQ(reach.Find("q1", "q2"), nullptr);  // no inter-container traffic on `quiet`
  EXPECT_EQ(reach.Find("n", "a"), nullptr);
  EXPECT_EQ(reach.Find("a", "n"), nullptr);
  EXPECT_EQ(reach.Find("c", "a"), nullptr);
  EXPECT_EQ(reach.unknown_peers, Strings{"c"});
  EXPECT_EQ(reach.Find("q1", "a"), nullptr);
  EXPECT_EQ(reach.Find("side", "q1"), nullptr);  // side is on a's default network, q1 is not
  EXPECT_NE(reach.Find("h", "q1"), nullptr);     // the host reaches every container address
}

}  // namespace
}  // namespace stackc::passes
