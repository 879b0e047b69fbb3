#include "frontend/type_binding.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

// One service's mapping, parsed from YAML, bound as service "web".
struct Bound {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  Node service;

  explicit Bound(std::string_view yaml) {
    const ir::FileId f = sm.Add("compose.yaml", std::string(yaml));
    std::vector<Node> docs = ParseYaml(sm, f, sink, {});
    service = std::move(docs.at(0));
    BindService(service, "web", sink);
  }
  const Node& At(std::string_view a, std::string_view b = {}) const {
    const Node* n = service.Find(a);
    if (n != nullptr && !b.empty()) n = n->Find(b);
    EXPECT_NE(n, nullptr) << a << "." << b;
    static const Node kNull = Node::Null();
    return n != nullptr ? *n : kNull;
  }
  std::string FirstError() const {
    return sink.diagnostics().empty() ? "" : sink.diagnostics().front().message;
  }
};

// The `x-` keys of a map of text become one entry whose value is the map as Go's fmt prints it:
// sorted keys, nil as <nil>, numbers and booleans as go-yaml decoded them.
TEST(TypeBindingTest, TextMapsGatherTheirExtensionKeysAsGoPrintsThem) {
  const Bound b(
      "labels: {tier: web, x-team: a, x-n: null, x-i: 0x10, x-b: true, x-z: ''}\n"
      "environment: {A: '1', x-e: v}\n"
      "build: {context: ., args: {x-a: '1'}, ssh: {default: /k, x-s: /p}}\n"
      "logging: {options: {max-size: 1m, x-o: v}}\n"
      "provider: {type: p, options: {x-o: [a, b]}}\n");
  EXPECT_TRUE(b.sink.diagnostics().empty()) << b.FirstError();
  const Node& labels = b.At("labels");
  ASSERT_EQ(labels.entries.size(), 2u);
  EXPECT_EQ(labels.entries[0].key, "tier");
  EXPECT_EQ(labels.entries[1].key, "#extensions");
  EXPECT_EQ(labels.entries[1].value.text, "map[x-b:true x-i:16 x-n:<nil> x-team:a x-z:]");
  EXPECT_EQ(b.At("environment", "#extensions").text, "map[x-e:v]");
  EXPECT_EQ(b.At("build").Find("args")->Find("#extensions")->text, "map[x-a:1]");
  EXPECT_EQ(b.At("build").Find("ssh")->Find("#extensions")->text, "map[x-s:/p]");
  EXPECT_EQ(b.At("logging", "options").Find("#extensions")->text, "map[x-o:v]");
  const Node* options = b.At("provider", "options").Find("#extensions");
  ASSERT_TRUE(options != nullptr && options->is_seq() && options->items.size() == 1u);
  EXPECT_EQ(options->items[0].text, "map[x-o:[a b]]");
}

// Every place of a service where compose-go gathers `x-` keys into text, by the path to the map.
TEST(TypeBindingTest, EachTextMapOfAServiceGathersItsExtensionKeys) {
  struct Case {
    std::string_view yaml;
    std::vector<std::string_view> path;  // keys and list indexes ("0") down to the map
  };
  const std::vector<Case> cases = {
      {"labels: {x-a: v}\n", {"labels"}},
      {"annotations: {x-a: v}\n", {"annotations"}},
      {"environment: {x-a: v}\n", {"environment"}},
      {"sysctls: {x-a: v}\n", {"sysctls"}},
      {"logging: {options: {x-a: v}}\n", {"logging", "options"}},
      {"deploy: {labels: {x-a: v}}\n", {"deploy", "labels"}},
      {"deploy: {resources: {reservations: {devices: [{capabilities: [gpu], options: {x-a: "
       "v}}]}}}\n",
       {"deploy", "resources", "reservations", "devices", "0", "options"}},
      {"gpus: [{capabilities: [gpu], options: {x-a: v}}]\n", {"gpus", "0", "options"}},
      {"build: {context: ., args: {x-a: v}}\n", {"build", "args"}},
      {"build: {context: ., labels: {x-a: v}}\n", {"build", "labels"}},
      {"build: {context: ., additional_contexts: {x-a: v}}\n", {"build", "additional_contexts"}},
      {"build: {context: ., ssh: {x-a: v}}\n", {"build", "ssh"}},
      {"networks: {front: {driver_opts: {x-a: v}}}\n", {"networks", "front", "driver_opts"}},
      {"post_start: [{command: [a], environment: {x-a: v}}]\n", {"post_start", "0", "environment"}},
      {"pre_stop: [{command: [a], environment: {x-a: v}}]\n", {"pre_stop", "0", "environment"}},
      {"develop: {watch: [{path: ., action: sync+exec, exec: {command: [a], environment: {x-a: "
       "v}}}]}\n",
       {"develop", "watch", "0", "exec", "environment"}},
      {"volumes: [{type: volume, source: d, target: /d, volume: {labels: {x-a: v}}}]\n",
       {"volumes", "0", "volume", "labels"}},
  };
  for (const Case& c : cases) {
    const Bound b(c.yaml);
    EXPECT_TRUE(b.sink.diagnostics().empty()) << c.yaml << b.FirstError();
    const Node* n = &b.service;
    for (const std::string_view step : c.path) {
      if (n->is_seq()) {
        const auto i = static_cast<size_t>(step[0] - '0');
        ASSERT_LT(i, n->items.size()) << c.yaml << step;
        n = &n->items[i];
      } else {
        n = n->Find(step);
        ASSERT_NE(n, nullptr) << c.yaml << step;
      }
    }
    ASSERT_EQ(n->entries.size(), 1u) << c.yaml;
    EXPECT_EQ(n->entries[0].key, "#extensions") << c.yaml;
    EXPECT_EQ(n->entries[0].value.text, "map[x-a:v]") << c.yaml;
  }
}

// Go assigns the gathered map to the key "#extensions": one the user wrote is replaced, not
// doubled.
TEST(TypeBindingTest, AUserKeyNamedExtensionsIsReplaced) {
  const Bound b("labels: {'#extensions': mine, x-a: v}\n");
  const Node& labels = b.At("labels");
  ASSERT_EQ(labels.entries.size(), 1u);
  EXPECT_EQ(labels.entries[0].value.text, "map[x-a:v]");
  EXPECT_EQ(b.sm.Text(labels.entries[0].key_span), "x-a");
}

// Each decoding error is reported at its own place, under the header Docker Compose's one message
// begins with.
TEST(TypeBindingTest, EachDecodingErrorIsLocated) {
  const Bound b(
      "storage_opt: {x-s: v}\nextra_hosts: {x-h: 1.2.3.4}\ngpus: [{count: two}]\n"
      "build: {context: ., ulimits: {x-u: 1}}\nulimits: {x-u: 1}\n");
  ASSERT_EQ(b.sink.error_count(), 3u);
  for (const ir::Diagnostic& d : b.sink.diagnostics()) {
    EXPECT_TRUE(
        d.message.starts_with("decoding failed due to the following error(s):\n\n'services[web]."))
        << d.message;
  }
  EXPECT_EQ(b.sm.Position(b.sink.diagnostics()[1].span).line, 2u);
  EXPECT_EQ(b.sm.Position(b.sink.diagnostics()[2].span).line, 3u);
  EXPECT_TRUE(b.At("build", "ulimits").Find("#extensions")->is_map());
  EXPECT_TRUE(b.At("ulimits", "#extensions").is_map());
}

// A list is not a mapping yet when compose-go gathers extensions: `labels: [x-a=1]` stays.
TEST(TypeBindingTest, ListFormsKeepTheirExtensionNamedEntries) {
  const Bound b("labels: [x-a=1]\nenvironment: [x-e=v]\n");
  EXPECT_EQ(b.At("labels").items.size(), 1u);
  EXPECT_EQ(b.At("environment").items.size(), 1u);
}

TEST(TypeBindingTest, MapsOfStructsGatherAnEmptyOne) {
  const Bound b(
      "networks: {front: null, x-net: {aliases: [a]}}\nulimits: {x-u: 1, nofile: 2}\n"
      "models: {x-m: null}\n");
  EXPECT_TRUE(b.sink.diagnostics().empty()) << b.FirstError();
  const Node& networks = b.At("networks");
  ASSERT_EQ(networks.entries.size(), 2u);
  EXPECT_EQ(networks.entries[1].key, "#extensions");
  EXPECT_TRUE(networks.entries[1].value.is_map() && networks.entries[1].value.entries.empty());
  EXPECT_TRUE(b.At("ulimits", "#extensions").is_map());
  EXPECT_NE(b.At("ulimits").Find("nofile"), nullptr);
  EXPECT_TRUE(b.At("models", "#extensions").is_map());
}

// Plain string maps and host lists cannot hold the gathered map: decoding fails, in
// mapstructure's words, at the first `x-` key.
TEST(TypeBindingTest, PlainStringMapsAndHostListsFailToDecode) {
  const Bound opt("storage_opt: {size: 1G, x-s: v}\n");
  EXPECT_EQ(opt.FirstError(),
            "decoding failed due to the following error(s):\n\n'services[web].storage_opt"
            "[#extensions]' expected type 'string', got unconvertible type "
            "'map[string]interface {}'");
  EXPECT_EQ(opt.sm.Position(opt.sink.diagnostics().front().span).column, 25u);
  const Bound hosts("build: {context: ., extra_hosts: {x-h: 1.2.3.4}}\n");
  EXPECT_EQ(hosts.FirstError(),
            "decoding failed due to the following error(s):\n\n'services[web].build.extra_hosts' "
            "unexpected value type map[string]interface {} for extra_hosts entry");
}

TEST(TypeBindingTest, ResourcesGatherTheirLabelsAndOptions) {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  const ir::FileId f =
      sm.Add("compose.yaml",
             "networks: {front: {labels: {x-l: v}, ipam: {config: [{aux_addresses: {x-a: "
             "10.0.0.5}}]}}}\nvolumes: {data: {driver_opts: {x-d: v}}}\n"
             "secrets: {s: {file: ./s, driver_opts: {x-d: v}}}\n");
  Node model = std::move(ParseYaml(sm, f, sink, {}).at(0));
  BindResources(model, sink);
  const Node* front = model.Find("networks")->Find("front");
  EXPECT_EQ(front->Find("labels")->Find("#extensions")->text, "map[x-l:v]");
  EXPECT_EQ(front->Find("ipam")
                ->Find("config")
                ->items[0]
                .Find("aux_addresses")
                ->Find("#extensions")
                ->text,
            "map[x-a:10.0.0.5]");
  EXPECT_EQ(model.Find("volumes")->Find("data")->Find("driver_opts")->Find("#extensions")->text,
            "map[x-d:v]");
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_EQ(sink.diagnostics().front().message,
            "decoding failed due to the following error(s):\n\n'secrets[s].driver_opts"
            "[#extensions]' expected type 'string', got unconvertible type "
            "'map[string]interface {}'");
}

}  // namespace
}  // namespace stackc::frontend
