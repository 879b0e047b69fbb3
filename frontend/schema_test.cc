#include "frontend/schema.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace stackc::frontend {
namespace {

using Json = nlohmann::json;

// One validator for the whole suite: compiling is what a caller does once.
const SchemaValidator& Compose() {
  static const std::unique_ptr<SchemaValidator> v = [] {
    std::string error;
    auto compiled = SchemaValidator::ComposeSpec(&error);
    EXPECT_NE(compiled, nullptr) << error;
    return compiled;
  }();
  return *v;
}

struct Doc {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  Node root;
};

std::unique_ptr<Doc> Parse(std::string text) {
  auto d = std::make_unique<Doc>();
  const ir::FileId f = d->sm.Add("compose.yaml", std::move(text));
  std::vector<Node> docs = ParseYaml(d->sm, f, d->sink, {});
  EXPECT_FALSE(d->sink.has_errors());
  EXPECT_EQ(docs.size(), 1u);
  if (!docs.empty()) d->root = std::move(docs[0]);
  return d;
}

std::vector<std::string> Messages(const std::vector<SchemaError>& errors) {
  std::vector<std::string> out;
  for (const SchemaError& e : errors) out.push_back(e.message);
  return out;
}

// The first message for a YAML text, "" when valid.
std::string First(std::string text) {
  auto d = Parse(std::move(text));
  const std::vector<SchemaError> errors = Compose().Check(d->root);
  EXPECT_EQ(errors.empty(), Compose().IsValid(d->root));
  return errors.empty() ? "" : errors[0].message;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SchemaTest, TheBakedSchemaIsTheEmbeddedOneCompiled) {
  std::string error;
  const std::unique_ptr<SchemaValidator> compiled =
      SchemaValidator::Compile(ComposeSpecJson(), &error);
  ASSERT_NE(compiled, nullptr) << error;
  EXPECT_EQ(compiled->Serialize(), ComposeSpecCompiled());
  const std::unique_ptr<SchemaValidator> baked = SchemaValidator::ComposeSpec(&error);
  ASSERT_NE(baked, nullptr) << error;
  EXPECT_EQ(baked->Serialize(), ComposeSpecCompiled());
}

TEST(SchemaTest, ACompiledSchemaReadsBackAndValidatesTheSame) {
  const std::string schema = R"({
    "type": "object",
    "properties": {
      "name": {"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$", "maxLength": 8},
      "mode": {"enum": ["a", "b", 3]},
      "kind": {"const": {"x": [1, true, null]}},
      "size": {"type": "number", "minimum": 0.5, "maximum": 10},
      "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}, "uniqueItems": true,
               "minItems": 1},
      "any": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
      "env": {"patternProperties": {".+": {"type": ["string", "null"]}},
              "additionalProperties": false, "minProperties": 1}
    },
    "required": ["name"],
    "additionalProperties": {"not": {"type": "boolean"}},
    "$defs": {"tag": {"anyOf": [{"type": "string", "minLength": 2}, {"allOf": [true]}]}}
  })";
  std::string error;
  const std::unique_ptr<SchemaValidator> compiled = SchemaValidator::Compile(schema, &error);
  ASSERT_NE(compiled, nullptr) << error;
  const std::unique_ptr<SchemaValidator> read =
      SchemaValidator::Deserialize(compiled->Serialize(), &error);
  ASSERT_NE(read, nullptr) << error;
  EXPECT_EQ(read->Serialize(), compiled->Serialize());
  for (const char* doc : {
           "name: ok\nmode: 3\nkind: {x: [1, true, null]}\nsize: 0.5\ntags: [ab, cd]\n",
           "name: Not-Ok\n",
           "name: waytoolongname\n",
           "name: a\nmode: c\n",
           "name: a\nkind: {x: [1]}\n",
           "name: a\nsize: 0.25\n",
           "name: a\ntags: [ab, ab]\n",
           "name: a\ntags: []\n",
           "name: a\nany: 1.5\n",
           "name: a\nenv: {}\n",
           "name: a\nenv: {A: [1]}\n",
           "name: a\nother: true\n",
           "mode: a\n",
       }) {
    auto d = Parse(doc);
    EXPECT_EQ(Messages(read->Check(d->root)), Messages(compiled->Check(d->root))) << doc;
  }
  auto bad = Parse("name: Not-Ok\nsize: 11\nother: false\n");
  EXPECT_EQ(Messages(read->Check(bad->root)).size(), 3u);
}

TEST(SchemaTest, MalformedCompiledBytesAreRefused) {
  std::string error;
  const std::unique_ptr<SchemaValidator> compiled = SchemaValidator::Compile(
      R"({"properties": {"a": {"$ref": "#/$defs/b"}}, "$defs": {"b": {"enum": [1]}}})", &error);
  ASSERT_NE(compiled, nullptr) << error;
  const std::string bytes = compiled->Serialize();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    error.clear();
    EXPECT_EQ(SchemaValidator::Deserialize(std::string_view(bytes).substr(0, cut), &error), nullptr)
        << cut;
    EXPECT_EQ(error, "the compiled schema is malformed");
  }
  EXPECT_EQ(SchemaValidator::Deserialize(bytes + "x", &error), nullptr);
  std::string wrong_magic = bytes;
  wrong_magic[4] ^= 1;
  EXPECT_EQ(SchemaValidator::Deserialize(wrong_magic, &error), nullptr);
  // An `enum` that is valid JSON but not an array.
  std::string not_array = bytes;
  const size_t at = not_array.find("[1]");
  ASSERT_NE(at, std::string::npos);
  not_array.replace(at, 3, "\"x\"");
  EXPECT_EQ(SchemaValidator::Deserialize(not_array, &error), nullptr);
  // Every byte changed in turn, three ways: refused or read, and what is read validates without
  // a crash (ASan and UBSan watch the reads).
  for (const int mask : {0x40, 0x80, 0xff}) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ mask);
      if (auto v = SchemaValidator::Deserialize(flipped, &error)) {
        for (const char* doc : {"a: 1\n", "a: x\n", "a: [1]\n", "{}\n"}) {
          auto d = Parse(doc);
          v->Check(d->root);
        }
      }
    }
  }
}

// A compiled schema's regexes are compiled when a value first meets them (LazyRegexTest); one
// that is no regex (only a damaged compiled schema can hold one) matches nothing instead of
// failing the read, while compiling the JSON still refuses it.
TEST(SchemaTest, ACompiledPatternThatIsNoRegexMatchesNothing) {
  std::string error;
  const std::unique_ptr<SchemaValidator> compiled = SchemaValidator::Compile(
      R"({"properties": {"x": {"type": "string", "pattern": "^a(b)c$"}}})", &error);
  ASSERT_NE(compiled, nullptr) << error;
  EXPECT_EQ(SchemaValidator::Compile(R"({"properties": {"x": {"pattern": "^a(b(c$"}}})", &error),
            nullptr);
  EXPECT_NE(error.find("invalid pattern '^a(b(c$'"), std::string::npos) << error;
  std::string bytes = compiled->Serialize();
  const std::unique_ptr<SchemaValidator> read = SchemaValidator::Deserialize(bytes, &error);
  ASSERT_NE(read, nullptr) << error;
  auto ok = Parse("x: abc\n");
  auto bad = Parse("x: abd\n");
  EXPECT_TRUE(read->Check(ok->root).empty());
  EXPECT_EQ(Messages(read->Check(bad->root)), Messages(compiled->Check(bad->root)));
  EXPECT_EQ(Messages(read->Check(bad->root)).size(), 1u);
  const size_t at = bytes.find("^a(b)c$");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 4] = '(';
  const std::unique_ptr<SchemaValidator> damaged = SchemaValidator::Deserialize(bytes, &error);
  ASSERT_NE(damaged, nullptr) << error;
  EXPECT_EQ(Messages(damaged->Check(ok->root)).size(), 1u);
}

TEST(SchemaTest, EmbedsComposeGosSchema) {
  const Json j = Json::parse(ComposeSpecJson(), nullptr, false);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_TRUE(j["$defs"].contains("service"));
  // compose-go's own copy, not the spec repository's: it has `pre_start`.
  EXPECT_TRUE(j["$defs"]["service"]["properties"].contains("pre_start"));
}

// compose-go schema/schema_test.go, case by case.
TEST(SchemaTest, ComposeGoVectors) {
  Node config = Node::Map();
  config.Set("services", Node::Map()).Set("foo", Node::Map()).Set("image", Node::String("busybox"));
  EXPECT_TRUE(Compose().Check(config).empty());  // TestValidate

  Node helicopters = Node::Map();
  helicopters.Set("helicopters", Node::Map())
      .Set("foo", Node::Map())
      .Set("image", Node::String("busybox"));
  std::vector<SchemaError> errors = Compose().Check(helicopters);
  ASSERT_EQ(errors.size(), 1u);  // TestValidateUndefinedTopLevelOption
  EXPECT_EQ(errors[0].message, " additional properties 'helicopters' not allowed");
  EXPECT_TRUE(errors[0].unknown_key);
  EXPECT_EQ(errors[0].path, "");

  Node x = Node::Map();
  x.Set("x-extra-stuff", Node::Map());
  EXPECT_TRUE(Compose().Check(x).empty());  // TestValidateAllowsXTopLevelFields

  // TestValidateAllowsXFields
  EXPECT_EQ(First(R"(
services:
  bar:
    x-extra-stuff: {}
  foo:
    depends_on:
      x-dependency:
        condition: service_started
volumes:
  bar:
    x-extra-stuff: {}
networks:
  bar:
    x-extra-stuff: {}
configs:
  bar:
    x-extra-stuff: {}
secrets:
  bar:
    x-extra-stuff: {}
)"),
            "");
  // TestValidateSecretConfigNames
  EXPECT_EQ(First("configs:\n  bar:\n    name: foobar\nsecrets:\n  baz:\n    name: foobaz\n"), "");
  // TestValidatePlacement
  EXPECT_EQ(First(R"(
services:
  foo:
    image: busybox
    deploy:
      placement:
        preferences:
          - spread: node.labels.az
)"),
            "");
  // TestValidateIsolation
  EXPECT_EQ(First("services:\n  foo:\n    image: busybox\n    isolation: some-isolation-value\n"),
            "");
  // TestValidateRollbackConfig, ...WithOrder, ...WithUpdateConfig, ...WithUpdateConfigFull
  EXPECT_EQ(First(R"(
services:
  foo:
    image: busybox
    deploy:
      rollback_config:
        parallelism: 1
)"),
            "");
  EXPECT_EQ(First(R"(
services:
  foo:
    image: busybox
    deploy:
      update_config:
        parallelism: 1
        order: start-first
        delay: 10s
        failure_action: pause
        monitor: 10s
      rollback_config:
        parallelism: 1
        order: start-first
        delay: 10s
        failure_action: pause
        monitor: 10s
)"),
            "");
}

// TestValidateVariables: every variable left uninterpolated is still a string the schema accepts.
TEST(SchemaTest, ComposeGoUsingVariables) {
  const std::filesystem::path p = std::filesystem::path(STACKC_SHARED_DIR) /
                                  "corpus/public/compose-go/schema/using-variables.yaml";
  if (!std::filesystem::exists(p)) GTEST_SKIP() << p << " is absent";
  EXPECT_EQ(First(ReadFile(p)), "");
}

// Each expected text is what compose-go v2.14.0's schema.Validate returned for the same YAML.
TEST(SchemaTest, MessagesMatchComposeGo) {
  const std::pair<const char*, const char*> cases[] = {
      {"services: []\n", "services must be a mapping"},
      {"services: 1\n", "services must be a mapping"},
      {"services:\n  foo:\n    image: 1\n", "services.foo.image must be a string"},
      {"services:\n  foo:\n    attach: 1\n", "services.foo.attach must be a boolean or string"},
      {"services:\n  foo:\n    deploy:\n      resources:\n        limits:\n          cpus: true\n",
       "services.foo.deploy.resources.limits.cpus must be a number or string"},
      {"services:\n  foo:\n    environment: foo\n", "services.foo.environment must be a mapping"},
      {"services:\n  foo:\n    environment:\n      A: [1]\n",
       "services.foo.environment.A must be a boolean, null, number or string"},
      {"services:\n  foo:\n    environment:\n      - A=1\n      - A=1\n",
       "services.foo.environment must be a mapping"},
      {"services:\n  foo:\n    build:\n      contxt: .\n",
       "services.foo.build additional properties 'contxt' not allowed"},
      {"services:\n  foo:\n    build: 1\n", "services.foo.build must be a string"},
      {"services:\n  foo:\n    ports: \"80\"\n", "services.foo.ports must be a array"},
      {"services:\n  foo:\n    ports:\n      - target: 80\n        published: true\n",
       "services.foo.ports.0.published must be a integer or string"},
      {"services:\n  foo:\n    depends_on:\n      db:\n        condition: healthy\n",
       "services.foo.depends_on.db.condition value must be one of 'service_started', "
       "'service_healthy', 'service_completed_successfully'"},
      {"services:\n  foo:\n    depends_on:\n      db:\n        restart: true\n",
       "services.foo.depends_on.db missing property 'condition'"},
      {"services:\n  foo:\n    container_name: \"a\"\n",
       "services.foo.container_name 'a' does not match pattern '[a-zA-Z0-9][a-zA-Z0-9_.-]+'"},
      {"services:\n  foo:\n    container_name: \"\xc3\xa9\\t\\\"x'\"\n",
       "services.foo.container_name '\xc3\xa9\\t\"x\\'' does not match pattern "
       "'[a-zA-Z0-9][a-zA-Z0-9_.-]+'"},
      {"services:\n  foo:\n    pull_policy: sometimes\n",
       "services.foo.pull_policy 'sometimes' does not match pattern "
       "'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'"},
      {"services:\n  foo:\n    oom_score_adj: 2000\n",
       "services.foo.oom_score_adj must be a string"},
      {"services:\n  foo:\n    oom_score_adj: -1001\n",
       "services.foo.oom_score_adj must be a string"},
      {"services:\n  foo:\n    cpu_count: 2.5\n", "services.foo.cpu_count must be a string"},
      {"services:\n  foo:\n    security_opt: [a, a]\n",
       "services.foo.security_opt items at 0 and 1 are equal"},
      {"services:\n  foo:\n    volumes:\n      - target: /x\n",
       "services.foo.volumes.0 must be a string"},
      {"services:\n  foo:\n    volumes:\n      - type: foo\n        target: /x\n",
       "services.foo.volumes.0.type value must be one of 'bind', 'volume', 'tmpfs', 'cluster', "
       "'npipe', "
       "'image'"},
      {"services:\n  foo:\n    volumes:\n      - type: bind\n        source: ./a\n        target: "
       "/a\n"
       "        bind:\n          selinux: q\n",
       "services.foo.volumes.0.bind.selinux value must be one of 'z', 'Z'"},
      {"services:\n  \"foo bar\":\n    image: x\n",
       "services additional properties 'foo bar' not allowed"},
      {"services:\n  foo:\n    ulimits:\n      nofile:\n        soft: 1\n",
       "services.foo.ulimits.nofile must be a integer or string"},
      {"services:\n  foo:\n    networks:\n      default:\n        priority: x\n",
       "services.foo.networks.default.priority must be a number"},
      {"services:\n  foo:\n    healthcheck:\n      test: [CMD, x]\n      interval: 5\n",
       "services.foo.healthcheck.interval must be a string"},
      {"services:\n  foo:\n    deploy:\n      mode: 1\n      resources:\n        reservations:\n"
       "          devices:\n            - capabilities: 1\n",
       "services.foo.deploy.resources.reservations.devices.0.capabilities must be a array"},
      {"networks:\n  n:\n    ipam:\n      config:\n        - subnet: 1\n",
       "networks.n.ipam.config.0.subnet must be a string"},
      {"services:\n  foo:\n    image: null\n    command: []\n",
       "services.foo.image must be a string"},
      {"services:\n  foo:\n    command: 1\n", "services.foo.command must be a null"},
      {"include:\n  - path: 1\n", "include.0.path must be a string"},
      {"services:\n  foo:\n    gpus: some\n", "services.foo.gpus value must be 'all'"},
      {"helicopters: {}\n", " additional properties 'helicopters' not allowed"},
      // The deepest error wins over an earlier, shallower one.
      {"name: 1\nservices:\n  foo:\n    image: 1\n", "services.foo.image must be a string"},
  };
  for (const auto& [yaml, want] : cases) EXPECT_EQ(First(yaml), want) << yaml;
}

TEST(SchemaTest, AcceptsWhatComposeGoAccepts) {
  const char* cases[] = {
      "services:\n  foo:\n    cpu_shares: 1.5\n",
      "services:\n  foo:\n    cpu_count: 2.0\n    oom_score_adj: -1000.0\n",  // integral floats are
                                                                              // integers
      "x-foo: 1\nservices:\n  foo:\n    x-bar: [1]\n    image: a\n",
      "services:\n  foo:\n    secrets:\n      - source: a\n        mode: \"0440\"\n",
      "services:\n  foo:\n    secrets:\n      - source: a\n        mode: 0440\n",
      "services:\n  foo:\n    pull_policy: every_12h\n    container_name: \"-ab\"\n",  // unanchored
      "services:\n  foo:\n    gpus: all\n",
      "services:\n  foo:\n    command: []\n    entrypoint: \"\"\n",
      "services:\n  foo:\n    environment:\n      A: 1\n      B: null\n      C: true\n",
      "services:\n  foo:\n    ports: [80, \"8080:80\", {target: 90}]\n",
      "services:\n  foo:\n    depends_on: [db]\n  db:\n    image: x\n",
      "volumes:\n  v:\nnetworks:\n  n:\n",  // null definitions
  };
  for (const char* yaml : cases) EXPECT_EQ(First(yaml), "") << yaml;
}

TEST(SchemaTest, ReportsIndependentErrorsAfterComposeGosOne) {
  auto d = Parse(
      "name: 1\n"
      "services:\n"
      "  web:\n"
      "    imgae: nginx\n"
      "    ports: 80\n"
      "  db:\n"
      "    image: 5\n"
      "    restart: [always]\n"
      "volumes:\n"
      "  data:\n"
      "    drivr: local\n");
  std::vector<SchemaError> errors = Compose().Check(d->root);
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{
                // the first of the deepest, as compose-go would (its map order aside)
                "services.web.ports must be a array",
                "name must be a string",
                "services.web additional properties 'imgae' not allowed",
                "services.db.image must be a string",
                "services.db.restart must be a string",
                "volumes.data additional properties 'drivr' not allowed",
            }));
  EXPECT_EQ(Compose().Check(d->root, 2).size(), 2u);
  EXPECT_FALSE(Compose().IsValid(d->root));
}

TEST(SchemaTest, LocatesErrorsAndSuggestsNames) {
  auto d = Parse(
      "services:\n"
      "  web:\n"
      "    image: nginx\n"
      "    enviroment: {A: b}\n"
      "    helicopter: 1\n"
      "    depends_on:\n"
      "      db: {condition: service_healty}\n");
  ir::DiagnosticSink sink;
  EXPECT_FALSE(
      Compose().Validate(d->root, sink, {.message_prefix = "validating /p/compose.yaml: "}));
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  // The deeper error first (compose-go's choice), then the others in document order.
  const ir::Diagnostic& unknown = sink.diagnostics()[1];
  EXPECT_EQ(unknown.code, kSchemaUnknownKeyCode);
  EXPECT_EQ(
      unknown.message,
      "validating /p/compose.yaml: services.web additional properties 'enviroment', 'helicopter' "
      "not allowed");
  EXPECT_EQ(d->sm.Text(unknown.span), "enviroment");
  ASSERT_EQ(unknown.notes.size(), 1u);  // nothing is close to `helicopter`
  EXPECT_EQ(unknown.notes[0].message, "did you mean 'environment'");
  EXPECT_EQ(d->sm.Text(unknown.notes[0].span), "enviroment");

  const ir::Diagnostic& value = sink.diagnostics()[0];
  EXPECT_EQ(value.code, kSchemaErrorCode);
  EXPECT_EQ(value.message,
            "validating /p/compose.yaml: services.web.depends_on.db.condition value must be one of "
            "'service_started', 'service_healthy', 'service_completed_successfully'");
  EXPECT_EQ(d->sm.Text(value.span), "service_healty");
  ASSERT_EQ(value.notes.size(), 1u);
  EXPECT_EQ(value.notes[0].message, "did you mean 'service_healthy'");
}

TEST(SchemaTest, DoesNotSuggestAKeyThatIsAlreadyThere) {
  auto d = Parse("services:\n  web:\n    image: nginx\n    imgae: x\n");
  std::vector<SchemaError> errors = Compose().Check(d->root);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].notes.empty());
}

TEST(SchemaTest, WrongTypeSpansTheValue) {
  auto d = Parse("services:\n  web:\n    image: [a, b]\n");
  std::vector<SchemaError> errors = Compose().Check(d->root);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(d->sm.Text(errors[0].span), "[a, b]");
  EXPECT_FALSE(errors[0].unknown_key);
}

// (a) Every property the schema defines is accepted where the schema defines it: walk the schema,
// build the smallest document reaching each object with each of its properties set to a value valid
// for it.
class PropertyWalker {
 public:
  explicit PropertyWalker(const Json& root) : root_(root) {}

  using Wrap = std::function<Node(Node)>;

  void Walk(const Json& schema, const Wrap& wrap, const std::string& where, int depth = 0) {
    if (depth > 12) return;  // the schema is not recursive; this only bounds a mistake
    const Json& s = Resolve(schema);
    if (!s.is_object()) return;
    if (s.contains("oneOf")) {
      for (const Json& branch : s["oneOf"]) Walk(branch, wrap, where, depth + 1);
    }
    if (s.contains("items")) {
      Walk(
          s["items"], [&](Node leaf) { return WrapSeq(wrap, std::move(leaf)); }, where + "[]",
          depth + 1);
    }
    if (s.contains("patternProperties")) {
      for (const auto& [pattern, sub] : s["patternProperties"].items()) {
        if (pattern == "^x-") continue;
        const std::string key = SampleKey(pattern);
        Walk(
            sub, [&, key](Node leaf) { return wrap(WithKey(s, key, std::move(leaf))); },
            where + "." + key, depth + 1);
      }
    }
    if (!s.contains("properties")) return;
    for (const auto& [name, sub] : s["properties"].items()) {
      Node doc = wrap(WithKey(s, name, Minimal(sub)));
      std::vector<SchemaError> errors = validator_->Check(doc);
      ++checked_;
      seen_.insert(where + "." + name);
      defs_.insert(&sub);
      for (const SchemaError& e : errors) {
        ADD_FAILURE() << where << "." << name << ": " << e.message;
      }
      Walk(
          sub, [&, name](Node leaf) { return wrap(WithKey(s, name, std::move(leaf))); },
          where + "." + name, depth + 1);
    }
  }

  void set_validator(const SchemaValidator* v) { validator_ = v; }
  size_t checked() const { return checked_; }
  const std::set<std::string>& seen() const { return seen_; }
  const std::set<const Json*>& defs() const { return defs_; }

 private:
  static Node WrapSeq(const Wrap& wrap, Node leaf) {
    Node seq = Node::Seq();
    seq.items.push_back(std::move(leaf));
    return wrap(std::move(seq));
  }

  static std::string SampleKey(const std::string& pattern) {
    return pattern == "^[a-z]+$" ? "foo" : "foo1";
  }

  const Json& Resolve(const Json& s) const {
    if (s.is_object() && s.contains("$ref")) {
      const std::string ref = s["$ref"].get<std::string>();
      return root_.at(Json::json_pointer(ref.substr(1)));
    }
    return s;
  }

  // The object `s` with its required properties and `key` set.
  Node WithKey(const Json& s, const std::string& key, Node value) {
    Node obj = Minimal(s, /*force_object=*/true);
    obj.Set(key, std::move(value));
    return obj;
  }

  // A small value valid for `schema`.
  Node Minimal(const Json& schema, bool force_object = false) {
    const Json& s = Resolve(schema);
    if (s.is_boolean() || !s.is_object()) return Node::Null();
    if (!force_object && s.contains("oneOf")) return Minimal(s["oneOf"][0]);
    if (!force_object && s.contains("enum")) return FromJson(s["enum"][0]);
    std::vector<std::string> types;
    if (s.contains("type")) {
      if (s["type"].is_string()) {
        types.push_back(s["type"]);
      } else {
        for (const Json& t : s["type"]) types.push_back(t);
      }
    }
    auto has = [&](const char* t) {
      return std::find(types.begin(), types.end(), t) != types.end();
    };
    if (force_object || has("object") || (types.empty() && s.contains("properties"))) {
      Node obj = Node::Map();
      if (s.contains("required")) {
        for (const Json& r : s["required"]) {
          const std::string name = r;
          obj.Set(name, s.contains("properties") && s["properties"].contains(name)
                            ? Minimal(s["properties"][name])
                            : Node::String("x"));
        }
      }
      return obj;
    }
    if (has("null") || types.empty()) return Node::Null();
    if (has("string")) {
      // The two `pattern`s of the schema both accept "always".
      return Node::String(s.contains("pattern") ? "always" : "x");
    }
    if (has("boolean")) return Node::Bool(true);
    if (has("integer") || has("number")) {
      return Node::Int(s.contains("minimum") ? s["minimum"].get<int64_t>() : 0);
    }
    if (has("array")) return Node::Seq();
    return Node::Null();
  }

  static Node FromJson(const Json& j) {
    if (j.is_string()) return Node::String(j.get<std::string>());
    if (j.is_boolean()) return Node::Bool(j.get<bool>());
    if (j.is_number_integer()) return Node::Int(j.get<int64_t>());
    return Node::Null();
  }

  const Json& root_;
  const SchemaValidator* validator_ = nullptr;
  size_t checked_ = 0;
  std::set<std::string> seen_;
  std::set<const Json*> defs_;
};

// Every value of every `properties` object in the schema document.
void AllPropertyDefs(const Json& j, std::set<const Json*>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "properties" && value.is_object()) {
        for (const auto& [name, sub] : value.items()) {
          (void)name;
          out.insert(&sub);
        }
      }
      AllPropertyDefs(value, out);
    }
  } else if (j.is_array()) {
    for (const Json& v : j) AllPropertyDefs(v, out);
  }
}

TEST(SchemaTest, RecognisesEveryPropertyTheSchemaDefines) {
  const Json root = Json::parse(ComposeSpecJson(), nullptr, false);
  ASSERT_TRUE(root.is_object());
  PropertyWalker walker(root);
  walker.set_validator(&Compose());
  walker.Walk(root, [](Node n) { return n; }, "");
  // Some names from every part of the schema, so the walk cannot silently skip one.
  for (const char* p :
       {".services", ".services.foo1.image", ".services.foo1.build.context",
        ".services.foo1.deploy.resources.limits.cpus", ".services.foo1.pre_start[].command",
        ".services.foo1.develop.watch[].action", ".services.foo1.volumes[].bind.selinux",
        ".services.foo1.depends_on.foo1.required", ".networks.foo1.ipam.config[].subnet",
        ".secrets.foo1.environment", ".configs.foo1.content", ".include[].env_file",
        ".models.foo1.model", ".volumes.foo1.external", ".services.foo1.gpus[].count"}) {
    EXPECT_TRUE(walker.seen().contains(p)) << p;
  }
  // Every property definition of the schema was reached and checked.
  std::set<const Json*> all;
  AllPropertyDefs(root, all);
  EXPECT_GT(all.size(), 300u);
  for (const Json* def : all) {
    EXPECT_TRUE(walker.defs().contains(def)) << "never reached: " << def->dump().substr(0, 120);
  }
  EXPECT_GE(walker.checked(), all.size());
}

// A schema exercising the keywords the Compose schema does not use today.
TEST(SchemaTest, OtherKeywords) {
  std::string error;
  auto v = SchemaValidator::Compile(R"({
    "type": "object",
    "properties": {
      "c": {"const": "x"},
      "n": {"type": "integer", "minimum": 2, "maximum": 5},
      "s": {"type": "string", "minLength": 2, "maxLength": 3},
      "a": {"type": "array", "minItems": 1, "maxItems": 2},
      "o": {"type": "object", "minProperties": 1, "maxProperties": 1},
      "any": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["k"]}]},
      "all": {"allOf": [{"type": "string"}, {"pattern": "^a"}]},
      "not": {"not": {"type": "string"}},
      "one": {"oneOf": [{"type": "string"}, {"pattern": "b"}]},
      "f": false,
      "u": {"type": "array", "uniqueItems": true},
      "e": {"enum": [1, "x", null]},
      "format": {"type": "string", "format": "duration"}
    },
    "additionalProperties": {"type": "integer"}
  })",
                                    &error);
  ASSERT_NE(v, nullptr) << error;
  auto check = [&](const char* yaml) {
    auto d = Parse(yaml);
    auto errors = v->Check(d->root);
    return errors.empty() ? std::string() : errors[0].message;
  };
  EXPECT_EQ(check("c: x\n"), "");
  EXPECT_EQ(check("c: y\n"), "c value must be 'x'");
  EXPECT_EQ(check("n: 1\n"), "n must be greater than or equal to 2");
  EXPECT_EQ(check("n: 6\n"), "n must be less than or equal to 5");
  EXPECT_EQ(check("n: 3.0\n"), "");
  EXPECT_EQ(check("n: 3.5\n"), "n must be a integer");
  EXPECT_EQ(check("s: \xc3\xa9\n"), "s minLength: got 1, want 2");
  EXPECT_EQ(check("s: abcd\n"), "s maxLength: got 4, want 3");
  EXPECT_EQ(check("a: []\n"), "a minItems: got 0, want 1");
  EXPECT_EQ(check("a: [1, 2, 3]\n"), "a maxItems: got 3, want 2");
  EXPECT_EQ(check("o: {}\n"), "o minProperties: got 0, want 1");
  EXPECT_EQ(check("o: {a: 1, b: 2}\n"), "o maxProperties: got 2, want 1");
  EXPECT_EQ(check("any: s\n"), "");
  // Both failures are at the same depth: the first one stands for the anyOf.
  EXPECT_EQ(check("any: {}\n"), "any must be a string");
  EXPECT_EQ(check("any: [1]\n"), "any must be a string");
  EXPECT_EQ(check("all: abc\n"), "");
  EXPECT_EQ(check("all: bc\n"), "all 'bc' does not match pattern '^a'");
  EXPECT_EQ(check("not: 1\n"), "");
  EXPECT_EQ(check("not: s\n"), "not not failed");
  EXPECT_EQ(check("one: a\n"), "");
  EXPECT_EQ(check("one: b\n"), "one oneOf failed, subschemas 0, 1 matched");
  EXPECT_EQ(check("f: 1\n"), "f false schema");
  EXPECT_EQ(check("u: [1, 2, 1.0]\n"), "u items at 0 and 2 are equal");
  EXPECT_EQ(check("u: [{a: 1, b: [x]}, {b: [x], a: 1}]\n"), "u items at 0 and 1 are equal");
  EXPECT_EQ(check("e: 1.0\n"), "");
  EXPECT_EQ(check("e: ~\n"), "");
  EXPECT_EQ(check("e: y\n"), "e value must be one of 1, 'x', <nil>");
  EXPECT_EQ(check("format: not-a-duration\n"), "");  // format is an annotation in draft 2020-12
  EXPECT_EQ(check("extra: 1\n"), "");
  EXPECT_EQ(check("extra: x\n"), "extra must be a integer");

  // uniqueItems over a long list (the hashed path) reports the same pair as the pairwise one.
  std::string long_list = "u: [";
  for (int i = 0; i < 100; ++i) long_list += fmt::format("{}, ", i);
  long_list += "s, 50, 7]\n";
  EXPECT_EQ(check(long_list.c_str()), "u items at 50 and 101 are equal");
}

TEST(SchemaTest, RejectsSchemasItCannotHonour) {
  std::string error;
  EXPECT_EQ(SchemaValidator::Compile("{", &error), nullptr);
  EXPECT_EQ(error, "the schema is not valid JSON");
  EXPECT_EQ(SchemaValidator::Compile(R"({"if": {"type": "string"}})", &error), nullptr);
  EXPECT_EQ(error, "invalid schema: #/if: keyword 'if' is not supported");
  EXPECT_EQ(SchemaValidator::Compile(R"({"$ref": "#/$defs/nope"})", &error), nullptr);
  EXPECT_EQ(error, "invalid schema: $ref '#/$defs/nope' points nowhere");
  EXPECT_EQ(SchemaValidator::Compile(R"({"pattern": "("})", &error), nullptr);
  EXPECT_NE(error.find("invalid pattern '('"), std::string::npos) << error;
  EXPECT_EQ(SchemaValidator::Compile(R"({"type": "text"})", &error), nullptr);
  EXPECT_EQ(error, "invalid schema: #/type: unknown type 'text'");
}

TEST(SchemaTest, ReferenceCyclesDoNotRecurseForever) {
  std::string error;
  auto v = SchemaValidator::Compile(
      R"({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})", &error);
  ASSERT_NE(v, nullptr) << error;
  Node n = Node::Int(1);
  EXPECT_FALSE(v->IsValid(n));
}

std::vector<std::filesystem::path> YamlFilesUnder(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// (d) The awesome-compose projects are valid (compose-go accepts every one of them as written).
TEST(CorpusSchemaTest, AwesomeComposeValidates) {
  const std::filesystem::path dir =
      std::filesystem::path(STACKC_SHARED_DIR) / "corpus/public/awesome-compose";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent";
  size_t n = 0;
  for (const auto& path : YamlFilesUnder(dir)) {
    auto d = Parse(ReadFile(path));
    for (const SchemaError& e : Compose().Check(d->root))
      ADD_FAILURE() << path << ": " << e.message;
    ++n;
  }
  EXPECT_GT(n, 30u);
}

// The 2,000-service benchmark file is valid (its speed is measured by bench/, not here).
TEST(CorpusSchemaTest, LargeFileIsValid) {
  const std::filesystem::path p =
      std::filesystem::path(STACKC_SHARED_DIR) / "bench/large-2000.yaml";
  if (!std::filesystem::exists(p)) GTEST_SKIP() << p << " is absent";
  auto d = Parse(ReadFile(p));
  ASSERT_EQ(d->root.Find("services")->entries.size(), 2000u);
  ir::DiagnosticSink sink;
  EXPECT_TRUE(Compose().Validate(d->root, sink));
}

}  // namespace
}  // namespace stackc::frontend
