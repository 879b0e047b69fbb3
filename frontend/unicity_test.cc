#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "frontend/merge.h"

namespace stackc::frontend {
namespace {

Node Yaml(std::string text) {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  ir::FileId f = sm.Add("test.yaml", std::move(text));
  std::vector<Node> docs = ParseYaml(sm, f, sink, {});
  EXPECT_FALSE(sink.has_errors());
  return docs.empty() ? Node::Null() : std::move(docs[0]);
}

// Maps in document order, sequences in order with each item as Go's %v prints it.
std::string Show(const Node& n) {
  if (n.is_map()) {
    std::string out = "{";
    for (const MapEntry& e : n.entries) out += e.key + ": " + Show(e.value) + ", ";
    return out + "}";
  }
  if (n.is_seq()) {
    std::string out = "[";
    for (const Node& item : n.items) out += GoFormat(item, 'v') + ", ";
    return out + "]";
  }
  return GoFormat(n, 'v');
}

std::string Unique(const std::string& yaml) {
  Node model = Yaml(yaml);
  MergeStatus st = EnforceUnicity(model);
  EXPECT_TRUE(st.ok()) << st.error;
  return Show(model);
}

std::string UniqueError(const std::string& yaml) {
  Node model = Yaml(yaml);
  return EnforceUnicity(model).error;
}

TEST(UnicityTest, LaterKeyValueReplacesInEarlierSlot) {
  EXPECT_EQ(Unique("services: {web: {environment: [A=1, B=2, A=3, A], cap_add: [X, Y, X]}}"),
            "{services: {web: {environment: [A, B=2, ], cap_add: [X, Y, ], }, }, }");
}

TEST(UnicityTest, UnlistedSequencesAreKept) {
  EXPECT_EQ(Unique("services: {web: {command: [a, a], x-l: [A=1, A=2]}}"),
            "{services: {web: {command: [a, a, ], x-l: [A=1, A=2, ], }, }, }");
  EXPECT_EQ(Unique("x-services: {web: {environment: [A=1, A=2]}}"),
            "{x-services: {web: {environment: [A=1, A=2, ], }, }, }");
}

TEST(UnicityTest, VolumesByTarget) {
  EXPECT_EQ(Unique("services: {web: {volumes: [\"./a:/data\", /cache, {type: volume, source: v, "
                   "target: /data},"
                   " \"vol:/cache:ro\"]}}"),
            "{services: {web: {volumes: [map[source:v target:/data type:volume], vol:/cache:ro, ], "
            "}, }, }");
  EXPECT_EQ(UniqueError("services: {web: {volumes: [/a, {type: tmpfs}]}}"),
            "service volume services.web.volumes.[1] is missing a mount target");
  EXPECT_EQ(UniqueError("services: {web: {volumes: [\"/a:/b:ro:x\"]}}"),
            "invalid spec: /a:/b:ro:x: too many colons");
}

TEST(UnicityTest, DevicesByTarget) {
  EXPECT_EQ(Unique("services: {web: {devices: [\"/dev/a:/dev/x\", /dev/x, \"/dev/b:/dev/y:rwm\","
                   " {source: /dev/c, target: /dev/y}]}}"),
            "{services: {web: {devices: [/dev/x, map[source:/dev/c target:/dev/y], ], }, }, }");
  EXPECT_EQ(UniqueError("services: {web: {devices: [{source: /dev/c}]}}"),
            "service device services.web.devices.[0] is missing a mount target");
}

TEST(UnicityTest, SecretsAndConfigsByTarget) {
  EXPECT_EQ(Unique("services: {web: {secrets: [foo, bar, {source: zot, target: /run/secrets/foo}, "
                   "{source: bar}]}}"),
            "{services: {web: {secrets: [map[source:zot target:/run/secrets/foo], map[source:bar], "
            "], }, }, }");
  EXPECT_EQ(Unique("services: {web: {configs: [foo, {source: x, target: /foo}, {source: foo, "
                   "target: /run/foo}]}}"),
            "{services: {web: {configs: [map[source:x target:/foo], map[source:foo "
            "target:/run/foo], ], }, }, }");
  EXPECT_EQ(UniqueError("services: {web: {secrets: [1]}}"),
            "services.web.secrets.[0]: unsupported expose value %!s(int=1)");
}

TEST(UnicityTest, PortsByStringOrLongKey) {
  EXPECT_EQ(Unique("services: {web: {ports: [80, \"80\", \"8080:80\", \"8080:80\", {target: 80, "
                   "published: \"8080\"},"
                   " {target: 80, published: \"8080\", protocol: tcp, host_ip: 0.0.0.0}, {target: "
                   "80, published: 8080}]}}"),
            "{services: {web: {ports: [80, 8080:80, map[host_ip:0.0.0.0 protocol:tcp "
            "published:8080 target:80], "
            "map[published:8080 target:80], ], }, }, }");
  EXPECT_EQ(UniqueError("services: {web: {ports: [{published: 1}]}}"),
            "service ports services.web.ports.[0] is missing a target port");
}

TEST(UnicityTest, ExposeEnvFileAndErrors) {
  EXPECT_EQ(Unique("services: {web: {expose: [80, \"80\", 81], env_file: [a.env, {path: a.env, "
                   "required: false}]}}"),
            "{services: {web: {expose: [80, 81, ], env_file: [map[path:a.env required:false], ], "
            "}, }, }");
  EXPECT_EQ(UniqueError("services: {web: {expose: [1.5]}}"),
            "services.web.expose.[0]: unsupported expose value %!s(float64=1.5)");
  EXPECT_EQ(UniqueError("services: {web: {env_file: [{required: true}]}}"),
            "environment path attribute services.web.env_file.[0] is missing");
  EXPECT_EQ(UniqueError("services: {web: {dns: [8]}}"),
            "services.web.dns.[0]: unexpected type int");
}

TEST(UnicityTest, NestedAndTopLevelPaths) {
  EXPECT_EQ(Unique("networks: {n: {labels: [a=1, a=2], ipam: {options: [o=1, o=2]}}}\n"
                   "services: {web: {networks: {n: {aliases: [x, y, x]}}, build: {args: [A=1, "
                   "A=2], tags: [t, t]}}}"),
            "{networks: {n: {labels: [a=2, ], ipam: {options: [o=2, ], }, }, }, "
            "services: {web: {networks: {n: {aliases: [x, y, ], }, }, build: {args: [A=2, ], tags: "
            "[t, ], }, }, }, }");
}

// ServiceUnicity, service by service and then the rest, does what EnforceUnicity does at once: the
// same lists, and the same first error whether it lies in a service or in a network, before or
// after `services`.
TEST(UnicityTest, ServiceUnicityDoesWhatEnforceUnicityDoes) {
  struct Case {
    const char* yaml;
    const char* error;  // EnforceUnicity's
  };
  for (const Case& c : std::vector<Case>{
           {"services: {a: {environment: [A=1, B=2, A=3]}, b: {ports: ['80', '80']}}\n"
            "networks: {n: {labels: [x=1, x=2]}}\n",
            ""},
           {"services: {a: {volumes: [{source: s}]}, b: {volumes: [{type: bind}]}}\n",
            "service volume services.a.volumes.[0] is missing a mount target"},
           {"services: {a: {dns: [1]}}\nnetworks: {n: {labels: [{x: 1}]}}\n",
            "services.a.dns.[0]: unexpected type int"},
           {"networks: {n: {labels: [{x: 1}]}}\nservices: {a: {dns: [1]}}\n",
            "networks.n.labels.[0]: unexpected type map[string]interface {}"},
           {"networks: {n: {labels: [x=1]}}\nservices: {a: {expose: [{}]}}\n",
            "services.a.expose.[0]: unsupported expose value map[]"},
           {"services: {a: {cap_add: [X, X]}, b: {secrets: [{}], labels: [[]]}}\n",
            "services.b.labels.[0]: unexpected type []interface {}"},
           {"services: [a]\nnetworks: {n: {ipam: {options: [a=1, a=2]}}}\n", ""},
           {"services: {a: null, b: {environment: {A: 1}}}\n", ""},
       }) {
    Node whole = Yaml(c.yaml);
    Node split = Yaml(c.yaml);
    const MergeStatus expected = EnforceUnicity(whole);
    EXPECT_EQ(expected.error, c.error) << c.yaml;
    ServiceUnicity unicity;
    if (Node* services = split.Find("services"); services && services->is_map()) {
      for (MapEntry& s : services->entries) unicity.Service(s);
    }
    const MergeStatus got = unicity.Finish(split);
    EXPECT_EQ(got.error, expected.error) << c.yaml;
    EXPECT_EQ(got.span.begin, expected.span.begin) << c.yaml;
    if (expected.ok()) {
      EXPECT_EQ(Show(split), Show(whole)) << c.yaml;  // on error the model is discarded
    }
  }
}

}  // namespace
}  // namespace stackc::frontend
