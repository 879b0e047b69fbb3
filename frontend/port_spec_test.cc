#include "frontend/port_spec.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

struct Entry {
  uint32_t target;
  const char* published;
  const char* host_ip;
  const char* protocol;
};

struct Case {
  const char* spec;
  const char* error;  // "" when the spec is valid
  std::vector<Entry> ports;
};

// Vectors from compose-go types_test.go / transform/ports_test.go and go-connections nat_test.go,
// plus edge cases; expectations are those of compose-go v2.14.0 with go-connections v0.7.0.
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"80", "", {{80, "", "", "tcp"}}},
      {"80:8080", "", {{8080, "80", "", "tcp"}}},
      {"80-90:8080", "", {{8080, "80-90", "", "tcp"}}},
      {"8080:80/tcp", "", {{80, "8080", "", "tcp"}}},
      {"80:8080/udp", "", {{8080, "80", "", "udp"}}},
      {"80-81:8080-8081/tcp", "", {{8080, "80", "", "tcp"}, {8081, "81", "", "tcp"}}},
      {"80-82:8080-8082/udp",
       "",
       {{8080, "80", "", "udp"}, {8081, "81", "", "udp"}, {8082, "82", "", "udp"}}},
      {"80-82:8080/udp", "", {{8080, "80-82", "", "udp"}}},
      {"80-80:8080/tcp", "", {{8080, "80", "", "tcp"}}},
      {"9999999", "invalid containerPort: 9999999", {}},
      {"80/xyz", "invalid proto: xyz", {}},
      {"tcp", "invalid containerPort: tcp", {}},
      {"udp", "invalid containerPort: udp", {}},
      {"", "no port specified: <empty>", {}},
      {"1.1.1.1:80:80", "", {{80, "80", "1.1.1.1", "tcp"}}},
      {"127.0.0.1:8080:80", "", {{80, "8080", "127.0.0.1", "tcp"}}},
      {"127.0.1:8080:80", "invalid IP address: 127.0.1", {}},
      {"3000-3005",
       "",
       {{3000, "", "", "tcp"},
        {3001, "", "", "tcp"},
        {3002, "", "", "tcp"},
        {3003, "", "", "tcp"},
        {3004, "", "", "tcp"},
        {3005, "", "", "tcp"}}},
      {"9090-9091:8080-8081", "", {{8080, "9090", "", "tcp"}, {8081, "9091", "", "tcp"}}},
      {"8000-9000:80", "", {{80, "8000-9000", "", "tcp"}}},
      {"8000-8001:80-82",
       "invalid ranges specified for container and host Ports: 80-82 and 8000-8001",
       {}},
      {"127.0.0.1::80", "", {{80, "", "127.0.0.1", "tcp"}}},
      {"[::1]:6001:6001", "", {{6001, "6001", "::1", "tcp"}}},
      {"::1:6000:6000", "", {{6000, "6000", "::1", "tcp"}}},
      {"::1:80", "invalid IP address: :", {}},
      {"0.0.0.0:1234-1235:/tcp", "no port specified: 0.0.0.0:1234-1235:/tcp<empty>", {}},
      {"0.0.0.0:1234-1235:", "no port specified: 0.0.0.0:1234-1235:<empty>", {}},
      {"0.0.0.0:1234-1235:3333-3334/tcp",
       "",
       {{3333, "1234", "0.0.0.0", "tcp"}, {3334, "1235", "0.0.0.0", "tcp"}}},
      {"192.168.1.100:-1:-1", "invalid containerPort: -1", {}},
      {"192.168.1.100::6000/sctp", "", {{6000, "", "192.168.1.100", "sctp"}}},
      {"localhost:1234:1234/tcp", "invalid IP address: localhost", {}},
      {"2001:4860:0:2001::68::333", "", {{333, "", "2001:4860:0:2001::68", "tcp"}}},
      {"[2001:4860:0:2001::68]::333", "", {{333, "", "2001:4860:0:2001::68", "tcp"}}},
      {"::::80", "", {{80, "", "::", "tcp"}}},
      {"::::6000/udp", "", {{6000, "", "::", "udp"}}},
      {"[::]::6000/udp", "", {{6000, "", "::", "udp"}}},
      {"[::1]::6000/udp", "", {{6000, "", "::1", "udp"}}},
      {"::1:8080:6000/udp", "", {{6000, "8080", "::1", "udp"}}},
      {"::6000", "", {{6000, "", "", "tcp"}}},
      {"::6000/tcp", "", {{6000, "", "", "tcp"}}},
      {":8080:6000/tcp", "", {{6000, "8080", "", "tcp"}}},
      {"1234/UDP", "", {{1234, "", "", "udp"}}},
      {"1234/", "", {{1234, "", "", "tcp"}}},
      {"80-85/",
       "",
       {{80, "", "", "tcp"},
        {81, "", "", "tcp"},
        {82, "", "", "tcp"},
        {83, "", "", "tcp"},
        {84, "", "", "tcp"},
        {85, "", "", "tcp"}}},
      {"/udp", "no port specified: /udp<empty>", {}},
      {"0", "", {{0, "", "", "tcp"}}},
      {"65535", "", {{65535, "", "", "tcp"}}},
      {"65536", "invalid containerPort: 65536", {}},
      {"-1", "invalid containerPort: -1", {}},
      {"0123", "", {{123, "", "", "tcp"}}},
      {"+80", "", {{80, "", "", "tcp"}}},
      {"+80:-0", "invalid containerPort: -0", {}},
      {"98-101:198-201",
       "",
       {{198, "98", "", "tcp"},
        {199, "99", "", "tcp"},
        {200, "100", "", "tcp"},
        {201, "101", "", "tcp"}}},
      {"9-10", "", {{10, "", "", "tcp"}, {9, "", "", "tcp"}}},
      {"[::1:80:80", "invalid IP address [::1: address [::1:: missing ']' in address", {}},
      {"[::1]x:80:80", "invalid IP address [::1]x: address [::1]x:: missing port in address", {}},
      {"[::1]:x:80:80",
       "invalid IP address [::1]:x: address [::1]:x:: too many colons in address",
       {}},
      {"[[::1]]:80:80",
       "invalid IP address [[::1]]: address [[::1]]:: missing port in address",
       {}},
      {"[::1]]:80:80", "invalid IP address [::1]]: address [::1]]:: missing port in address", {}},
      {"[1.2.3.4]:80:80", "", {{80, "80", "1.2.3.4", "tcp"}}},
      {"fe80::1%eth0:80:80", "invalid IP address: fe80::1%eth0", {}},
      {"[fe80::1%eth0]:80:80", "invalid IP address: fe80::1%eth0", {}},
      {"1.2.3.4.5:80:80", "invalid IP address: 1.2.3.4.5", {}},
      {"01.2.3.4:80:80", "invalid IP address: 01.2.3.4", {}},
      {"1.2.3.256:80:80", "invalid IP address: 1.2.3.256", {}},
      {"::ffff:1.2.3.4:80:80", "", {{80, "80", "::ffff:1.2.3.4", "tcp"}}},
      {"[::ffff:1.2.3.4]:80:80", "", {{80, "80", "::ffff:1.2.3.4", "tcp"}}},
      {"1:2:3:4:5:6:7:8:80:80", "", {{80, "80", "1:2:3:4:5:6:7:8", "tcp"}}},
      {"1:2:3:4:5:6:7:8:9:80:80", "invalid IP address: 1:2:3:4:5:6:7:8:9", {}},
      {"1:2:3:4:5:6:7::8:80:80", "invalid IP address: 1:2:3:4:5:6:7::8", {}},
      {"12345::1:80:80", "invalid IP address: 12345::1", {}},
      {"::1.2.3.4:80:80", "", {{80, "80", "::1.2.3.4", "tcp"}}},
      {"1:2:3:4:5:6:1.2.3.4:80:80", "", {{80, "80", "1:2:3:4:5:6:1.2.3.4", "tcp"}}},
      {"1:2:3:4:5:1.2.3.4:80:80", "invalid IP address: 1:2:3:4:5:1.2.3.4", {}},
      {"1::2::3:80:80", "invalid IP address: 1::2::3", {}},
      {":::80:80", "", {{80, "80", "::", "tcp"}}},
      {"80:80/tcp/udp", "invalid proto: tcp/udp", {}},
      {"80:80/TCP", "", {{80, "80", "", "tcp"}}},
      {"80:80/Sctp", "", {{80, "80", "", "sctp"}}},
      {"80/xyz/abc", "invalid proto: xyz/abc", {}},
      {"a:80:80", "invalid IP address: a", {}},
      {"80:a", "invalid containerPort: a", {}},
      {"a", "invalid containerPort: a", {}},
      {" 80", "invalid containerPort:  80", {}},
      {"80 ", "invalid containerPort: 80 ", {}},
      {"1-2-3", "invalid containerPort: 1-2-3", {}},
      {"5-3", "invalid containerPort: 5-3", {}},
      {"80-", "invalid containerPort: 80-", {}},
      {"-80", "invalid containerPort: -80", {}},
      {"80:90-91", "invalid ranges specified for container and host Ports: 90-91 and 80", {}},
      {"65535-65536", "invalid containerPort: 65535-65536", {}},
      {"1-65536", "invalid containerPort: 1-65536", {}},
      {"0:0", "", {{0, "0", "", "tcp"}}},
      {"127.0.0.1:0:0", "", {{0, "0", "127.0.0.1", "tcp"}}},
      {"8080:8080-8080", "", {{8080, "8080", "", "tcp"}}},
      {"8080-8080:8080-8081",
       "invalid ranges specified for container and host Ports: 8080-8081 and 8080-8080",
       {}},
      {"80:", "no port specified: 80:<empty>", {}},
      {":80", "", {{80, "", "", "tcp"}}},
      {"9223372036854775808", "invalid containerPort: 9223372036854775808", {}},
      {"10.0.0.1:8000-8001:80", "", {{80, "8000-8001", "10.0.0.1", "tcp"}}},
      {"[::1]:8000-8001:80/udp", "", {{80, "8000-8001", "::1", "udp"}}},
  };
  return cases;
}

TEST(PortSpecTest, MatchesComposeGo) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.spec);
    const PortSpecResult r = ParsePortSpec(c.spec);
    EXPECT_EQ(r.error, c.error);
    EXPECT_EQ(r.ok(), std::string(c.error).empty());
    ASSERT_EQ(r.ports.size(), c.ports.size());
    for (size_t i = 0; i < c.ports.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(r.ports[i].target, c.ports[i].target);
      EXPECT_EQ(r.ports[i].published, c.ports[i].published);
      EXPECT_EQ(r.ports[i].host_ip, c.ports[i].host_ip);
      EXPECT_EQ(r.ports[i].protocol, c.ports[i].protocol);
      EXPECT_EQ(r.ports[i].mode, "ingress");
    }
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
