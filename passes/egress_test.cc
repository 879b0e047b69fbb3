#include "passes/egress.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"

namespace stackc::passes {
namespace {

using Strings = std::vector<std::string>;

TEST(EgressTest, EveryNetworkWithAGatewayIsARouteOut) {
  auto r = test::LoadText(
      "networks:\n  front: {}\n  back: {internal: true}\n  ext: {external: true}\n"
      "services:\n"
      "  web: {image: x, networks: [front, back]}\n"
      "  db: {image: x, networks: [back]}\n"
      "  side: {image: x, network_mode: 'service:web'}\n"
      "  h: {image: x, network_mode: host}\n"
      "  n: {image: x, network_mode: none}\n"
      "  e: {image: x, networks: [ext]}\n"
      "  d: {image: x}\n");
  ASSERT_TRUE(r->ok);
  const std::vector<EgressRoute> routes = ComputeEgress(r->project);
  Strings services;
  for (const EgressRoute& e : routes) services.push_back(e.service);
  EXPECT_EQ(services, (Strings{"d", "e", "h", "side", "web"}));  // not db (internal), not n
  EXPECT_EQ(routes[0].networks, Strings{"default"});
  EXPECT_TRUE(routes[1].unknown);
  EXPECT_EQ(routes[2].networks, Strings{"host"});
  EXPECT_EQ(routes[3].networks, Strings{"front"});  // web's
  EXPECT_EQ(routes[4].networks, Strings{"front"});
  EXPECT_TRUE(routes[4].span.valid());
  EXPECT_EQ(r->sm.Position(routes[4].span).line, 6u);
}

}  // namespace
}  // namespace stackc::passes
