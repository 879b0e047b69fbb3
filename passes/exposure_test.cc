#include "passes/exposure.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"

namespace stackc::passes {
namespace {

using Strings = std::vector<std::string>;

TEST(ExposureTest, EachPortWithItsAddressHostPortAndTarget) {
  auto r = test::LoadText(
      "services:\n"
      "  web:\n"
      "    image: x\n"
      "    ports:\n"
      "      - '80:8080'\n"
      "      - '127.0.0.1:8443:443'\n"
      "      - '[::1]:9000-9001:9000/udp'\n"
      "      - '10.0.0.5::53/udp'\n"
      "      - '[::]:81:81'\n"
      "      - {target: 82, host_ip: 0.0.0.0, published: '82'}\n");
  ASSERT_TRUE(r->ok);
  const Exposure e = ComputeExposure(r->project);
  ASSERT_EQ(e.ports.size(), 6u);
  const PublishedPort& all = e.ports[0];
  EXPECT_EQ(all.service->name.value, "web");
  EXPECT_EQ(all.address, "0.0.0.0");
  EXPECT_EQ(all.scope, HostScope::kAllInterfaces);
  EXPECT_EQ(all.kind, HostPortKind::kFixed);
  EXPECT_EQ(all.published, "80");
  EXPECT_EQ(all.target, 8080u);
  EXPECT_EQ(all.protocol, "tcp");
  EXPECT_EQ(all.fate, PortFate::kPublished);
  EXPECT_EQ(r->sm.Position(all.span).line, 5u);
  EXPECT_EQ(e.ports[1].address, "127.0.0.1");
  EXPECT_EQ(e.ports[1].scope, HostScope::kLoopback);
  EXPECT_EQ(e.ports[2].address, "::1");
  EXPECT_EQ(e.ports[2].scope, HostScope::kLoopback);
  EXPECT_EQ(e.ports[2].kind, HostPortKind::kRange);
  EXPECT_EQ(e.ports[2].PublishedName(), "9000-9001");
  EXPECT_EQ(e.ports[2].protocol, "udp");
  EXPECT_EQ(e.ports[3].scope, HostScope::kAddress);
  EXPECT_EQ(e.ports[3].kind, HostPortKind::kDynamic);
  EXPECT_EQ(e.ports[3].PublishedName(), "an ephemeral port");
  EXPECT_EQ(e.ports[4].address, "::");
  EXPECT_EQ(e.ports[4].scope, HostScope::kAllInterfaces);
  EXPECT_EQ(e.ports[5].address, "0.0.0.0");
  EXPECT_EQ(e.ports[5].scope, HostScope::kAllInterfaces);
  EXPECT_TRUE(e.host_network.empty());
  EXPECT_TRUE(e.shared.empty());
}

TEST(ExposureTest, WhatTheEngineDoesWithThePortsDependsOnTheNetwork) {
  auto r = test::LoadText(
      "networks:\n"
      "  back: {internal: true}\n"
      "  vault: {internal: true}\n"
      "  front: {}\n"
      "  partner: {external: true}\n"
      "services:\n"
      "  a_internal: {image: x, networks: [back, vault], ports: ['1:1']}\n"
      "  b_mixed: {image: x, networks: [back, front], ports: ['2:2']}\n"
      "  c_external: {image: x, networks: [partner], ports: ['3:3']}\n"
      "  d_host: {image: x, network_mode: host, ports: ['4:4']}\n"
      "  e_none: {image: x, network_mode: none, ports: ['5:5']}\n"
      "  f_joined: {image: x, network_mode: 'service:b_mixed', ports: ['6:6']}\n"
      "  g_container: {image: x, network_mode: 'container:abc', ports: ['7:7']}\n"
      "  h_bridge: {image: x, network_mode: bridge, ports: ['8:8']}\n"
      "  i_default: {image: x, ports: ['9:9']}\n");
  ASSERT_TRUE(r->ok);
  const Exposure e = ComputeExposure(r->project);
  Strings published;
  std::vector<PortFate> fates;
  for (const PublishedPort& p : e.ports) {
    published.push_back(p.published);
    fates.push_back(p.fate);
  }
  EXPECT_EQ(published, (Strings{"1", "2", "3", "4", "5", "6", "7", "8", "9"}));  // by service
  EXPECT_EQ(fates,
            (std::vector<PortFate>{PortFate::kInternal, PortFate::kPublished, PortFate::kPublished,
                                   PortFate::kHostNetwork, PortFate::kNoNetwork, PortFate::kJoined,
                                   PortFate::kJoined, PortFate::kPublished, PortFate::kPublished}));
  ASSERT_EQ(e.host_network.size(), 1u);
  EXPECT_EQ(e.host_network[0].service->name.value, "d_host");
  EXPECT_EQ(e.host_network[0].through, nullptr);
  EXPECT_EQ(r->sm.Text(e.host_network[0].span), "host");
}

TEST(ExposureTest, ANamespaceSharedWithAServiceThatPublishesOrIsInTheHostNetwork) {
  auto r = test::LoadText(
      "services:\n"
      "  vpn: {image: x, ports: ['8080:8080', '127.0.0.1::9090']}\n"
      "  torrent: {image: x, network_mode: 'service:vpn'}\n"
      "  indexer: {image: x, network_mode: 'service:torrent'}\n"
      "  agent: {image: x, network_mode: host}\n"
      "  probe: {image: x, network_mode: 'service:agent'}\n"
      "  quiet: {image: x}\n"
      "  sidecar: {image: x, network_mode: 'service:quiet'}\n"
      "  boxed: {image: x, network_mode: none, ports: ['1:1']}\n"
      "  boxed_side: {image: x, network_mode: 'service:boxed'}\n"
      "  outside: {image: x, network_mode: 'container:abc'}\n",
      /*consistency=*/false);
  ASSERT_TRUE(r->ok);
  const Exposure e = ComputeExposure(r->project);
  Strings host;
  for (const HostNetworkService& h : e.host_network) host.push_back(h.service->name.value);
  EXPECT_EQ(host, (Strings{"agent", "probe"}));
  EXPECT_EQ(e.host_network[1].through->name.value, "agent");
  Strings shared;
  for (const SharedNamespace& s : e.shared) {
    shared.push_back(s.service->name.value + " in " + s.owner->name.value);
  }
  // Not sidecar (quiet publishes nothing), boxed_side (none) or outside (not the project's).
  EXPECT_EQ(shared, (Strings{"indexer in vpn", "torrent in vpn"}));
  ASSERT_EQ(e.shared[1].ports.size(), 2u);
  EXPECT_EQ(e.shared[1].ports[0].published, "8080");
  EXPECT_EQ(e.shared[1].ports[1].scope, HostScope::kLoopback);
  EXPECT_EQ(r->sm.Text(e.shared[1].span), "'service:vpn'");
}

TEST(ExposureTest, ACycleOfNamespacesExposesNothing) {
  auto r = test::LoadText(
      "services:\n"
      "  a: {image: x, network_mode: 'service:b', ports: ['1:1']}\n"
      "  b: {image: x, network_mode: 'service:a', ports: ['2:2']}\n",
      /*consistency=*/false);
  ASSERT_TRUE(r->ok);
  const Exposure e = ComputeExposure(r->project);
  EXPECT_TRUE(e.shared.empty());
  EXPECT_TRUE(e.host_network.empty());
  ASSERT_EQ(e.ports.size(), 2u);
  EXPECT_EQ(e.ports[0].fate, PortFate::kJoined);
}

TEST(ExposureTest, Loopback) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.1.2.3"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_TRUE(IsLoopback("[::1]"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("10.0.0.1"));
  EXPECT_FALSE(IsLoopback("::"));
  EXPECT_FALSE(IsLoopback("1270.0.0.1"));
  // Other spellings of the same addresses (compose-go accepts every form Go's net.ParseIP does).
  EXPECT_TRUE(IsLoopback("0:0:0:0:0:0:0:1"));
  EXPECT_TRUE(IsLoopback("[0::1]"));
  EXPECT_TRUE(IsLoopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(IsLoopback("::0:1:0"));
  EXPECT_FALSE(IsLoopback("localhost"));
  for (const char* every : {"0.0.0.0", "::", "[::]", "::0", "[::0]", "0::", "0:0:0:0:0:0:0:0",
                            "0000::0000", "::ffff:0.0.0.0"}) {
    EXPECT_TRUE(IsUnspecified(every)) << every;
  }
  for (const char* one : {"", "::1", "::0:1", "127.0.0.1", "0.0.0.1", "::ffff:0.0.0.1", "x"}) {
    EXPECT_FALSE(IsUnspecified(one)) << one;
  }
}

}  // namespace
}  // namespace stackc::passes
