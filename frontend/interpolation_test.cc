// Tests of the template engine and of tree interpolation. The template vectors (inputs in
// corpus/frontend/vectors/inputs.json, after compose-go v2.14.0's template/template_test.go,
// template/variables_test.go and interpolation/interpolation_test.go, plus edge cases and every `$`
// string of the public corpus) have their expected values computed by compose-go itself:
// tests/oracle/cmd/vectors writes corpus/frontend/vectors/interpolation.json, and the differential
// stage of scripts/test.sh fails when that file is stale.
#include "frontend/interpolation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/oracle_vectors.h"

namespace stackc::frontend {
namespace {

// The first vector group's environment (template_test.go's mapping).
const Environment& Defaults() {
  static const Environment env{{"FOO", "first"}, {"BAR", ""}, {"JSON", R"({"json":2})"}};
  return env;
}

// The environments of the oracle's vector groups (interpolation.json's "envs").
std::vector<Environment> OracleEnvironments(const nlohmann::json& doc) {
  std::vector<Environment> envs;
  for (const nlohmann::json& e : doc["envs"]) {
    Environment env;
    for (const auto& [key, value] : e.items()) env.Set(key, value.get<std::string>());
    envs.push_back(std::move(env));
  }
  return envs;
}

std::string Sub(std::string_view text, const Environment& env = Defaults(),
                std::vector<std::string>* unset = nullptr) {
  std::string out;
  TemplateError err;
  if (!Substitute(text, env.AsLookup(), &out, &err, unset)) return "ERROR: " + err.Message();
  return out;
}

// The expectations are compose-go's (template.SubstituteWithOptions with its unset-variable
// warnings, and template.ExtractVariables), computed by tests/oracle/cmd/vectors for the templates
// of corpus/frontend/vectors/inputs.json and every `$` string of the public corpus, each in its
// group's environment.
TEST(Template, MatchesComposeGoOnTheOracleVectors) {
  const nlohmann::json doc = test_vectors::Read("interpolation.json");
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/vectors/interpolation.json is missing";
  const std::vector<Environment> envs = OracleEnvironments(doc);
  ASSERT_GT(doc["vectors"].size(), 200u);
  for (const nlohmann::json& v : doc["vectors"]) {
    const std::string in = test_vectors::Text(v["in"]);
    SCOPED_TRACE(in);
    const Environment& env = envs.at(v["group"].get<size_t>());
    std::string out;
    TemplateError err;
    std::vector<std::string> unset;
    if (Substitute(in, env.AsLookup(), &out, &err, &unset)) {
      EXPECT_FALSE(v.contains("error")) << "compose-go fails: " << v["error"];
      EXPECT_EQ(out, test_vectors::Text(v["out"]));
    } else {
      EXPECT_EQ(err.Message(), v.contains("error") ? test_vectors::Text(v["error"]) : "");
    }
    EXPECT_EQ(unset, v["unset"].get<std::vector<std::string>>());

    nlohmann::json vars = nlohmann::json::object();
    for (const TemplateVariable& t : ExtractVariables(in)) {  // a later entry for a name wins
      vars[t.name] = {
          {"default", t.default_value}, {"presence", t.presence_value}, {"required", t.required}};
    }
    EXPECT_EQ(vars, v["vars"]);
  }
}

TEST(Template, ErrorCarriesItsParts) {
  std::string out = "untouched";
  TemplateError err;
  EXPECT_FALSE(Substitute("x ${MISSING:?why}", Defaults().AsLookup(), &out, &err));
  EXPECT_EQ(out, "untouched");
  EXPECT_EQ(err.kind, TemplateError::Kind::kRequired);
  EXPECT_EQ(err.variable, "MISSING");
  EXPECT_EQ(err.reason, "why");
}

TEST(Template, WarnsForUnsetVariablesOnlyWhenUsed) {
  const Environment a_set{{"A", "value"}};
  std::vector<std::string> unset;
  EXPECT_EQ(Sub("${A?${B}}", a_set, &unset), "value");
  EXPECT_TRUE(unset.empty());
  EXPECT_EQ(UnsetVariableWarning("B"),
            "The \"B\" variable is not set. Defaulting to a blank string.");
}

TEST(Template, ExtractVariablesOfATree) {
  using V = TemplateVariable;
  Node root = Node::Map();
  root.Set("foo", Node::String("${bar:-foo}"));
  Node bar = Node::Map();
  bar.Set("foo", Node::String("${fruit:-banana}"));
  bar.Set("bar", Node::String("vegetable"));
  root.Set("bar", std::move(bar));
  Node baz = Node::Seq();
  baz.items.push_back(Node::String("foo"));
  baz.items.push_back(Node::String("$docker:${project:-cli}"));
  baz.items.push_back(Node::String("$toto"));
  baz.items.push_back(Node::Int(3));
  root.Set("baz", std::move(baz));
  root.Set("${key}", Node::String("x"));  // keys are not templates
  const std::map<std::string, TemplateVariable> want = {
      {"bar", V{"bar", "foo", "", false}},    {"fruit", V{"fruit", "banana", "", false}},
      {"docker", V{"docker", "", "", false}}, {"project", V{"project", "cli", "", false}},
      {"toto", V{"toto", "", "", false}},
  };
  EXPECT_EQ(ExtractVariables(root), want);
}

TEST(Template, GoQuote) {
  EXPECT_EQ(GoQuote("plain"), "\"plain\"");
  EXPECT_EQ(GoQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(GoQuote("\n\t\x01\x7f"), "\"\\n\\t\\x01\\x7f\"");
  EXPECT_EQ(GoQuote("\xff"), "\"\\xff\"");
  EXPECT_EQ(GoQuote("\xC2\xA0\xE2\x82\xAC"), "\"\\u00a0\xE2\x82\xAC\"");
}

// ---- tree interpolation
// -----------------------------------------------------------------------------------------

// {service_key: {environment: {TESTVAR: value}}}
Node ServiceWithVar(std::string value) {
  Node env = Node::Map();
  env.Set("TESTVAR", Node::String(value));
  Node svc = Node::Map();
  svc.Set("environment", std::move(env));
  Node root = Node::Map();
  root.Set("myservice", std::move(svc));
  return root;
}

const Environment& InterpolationDefaults() {
  static const Environment env{
      {"USER", "jenny"}, {"FOO", "bar"}, {"count", "5"}, {"REQUIRED", "true"}};
  return env;
}

std::vector<std::string> Messages(const ir::DiagnosticSink& sink, ir::Severity severity) {
  std::vector<std::string> out;
  for (const ir::Diagnostic& d : sink.diagnostics()) {
    if (d.severity == severity) out.push_back(d.message);
  }
  return out;
}

TEST(Interpolate, InterpolatesStringsNotKeys) {
  Node logging = Node::Map();
  logging.Set("driver", Node::String("${FOO}"));
  Node options = Node::Map();
  options.Set("user", Node::String("$USER"));
  logging.Set("options", std::move(options));
  Node volumes = Node::Seq();
  volumes.items.push_back(Node::String("$FOO:/target"));
  Node svc = Node::Map();
  svc.Set("image", Node::String("example:${USER}"));
  svc.Set("volumes", std::move(volumes));
  svc.Set("logging", std::move(logging));
  svc.Set("$FOO", Node::String("key stays"));
  svc.Set("count", Node::Int(3));
  Node root = Node::Map();
  root.Set("servicea", std::move(svc));

  ir::DiagnosticSink sink;
  ASSERT_TRUE(InterpolateModel(root, InterpolationDefaults().AsLookup(), sink));
  EXPECT_TRUE(sink.diagnostics().empty());
  const Node* s = root.Find("servicea");
  EXPECT_EQ(s->Find("image")->text, "example:jenny");
  EXPECT_EQ(s->Find("volumes")->items[0].text, "bar:/target");
  EXPECT_EQ(s->Find("logging")->Find("driver")->text, "bar");
  EXPECT_EQ(s->Find("logging")->Find("options")->Find("user")->text, "jenny");
  EXPECT_EQ(s->Find("$FOO")->text, "key stays");
  EXPECT_EQ(s->Find("count")->type, ScalarType::kInt);
}

TEST(Interpolate, InvalidTemplateMessage) {
  Node svc = Node::Map();
  ir::SourceManager sm;
  const ir::FileId f = sm.Add("compose.yaml", "image: ${");
  svc.Set("image", Node::String("${", ir::Span{f, 7, 9}));
  Node root = Node::Map();
  root.Set("servicea", std::move(svc));
  ir::DiagnosticSink sink;
  EXPECT_FALSE(InterpolateModel(root, InterpolationDefaults().AsLookup(), sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const ir::Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ(d.code, kInterpolationErrorCode);
  EXPECT_EQ(d.message,
            "invalid interpolation format for servicea.image.\nYou may need to escape any $ with "
            "another $.\n${");
  EXPECT_EQ(sm.Text(d.span), "${");
}

// Each oracle vector as the value of an environment entry: the tree gets the same value, or the
// error wrapped with its path.
TEST(Interpolate, TreeValuesMatchTheOracleVectors) {
  const nlohmann::json doc = test_vectors::Read("interpolation.json");
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/vectors/interpolation.json is missing";
  const std::vector<Environment> envs = OracleEnvironments(doc);
  for (const nlohmann::json& v : doc["vectors"]) {
    const std::string in = test_vectors::Text(v["in"]);
    SCOPED_TRACE(in);
    Node root = ServiceWithVar(in);
    ir::DiagnosticSink sink;
    const bool ok = InterpolateModel(root, envs.at(v["group"].get<size_t>()).AsLookup(), sink);
    if (!v.contains("error")) {
      ASSERT_TRUE(ok);
      EXPECT_EQ(root.Find("myservice")->Find("environment")->Find("TESTVAR")->text,
                test_vectors::Text(v["out"]));
      continue;
    }
    EXPECT_FALSE(ok);
    const std::string error = test_vectors::Text(v["error"]);
    const std::vector<std::string> errors = Messages(sink, ir::Severity::kError);
    ASSERT_EQ(errors.size(), 1u);
    if (error.starts_with("required variable ")) {
      EXPECT_EQ(errors[0], "error while interpolating myservice.environment.TESTVAR: " + error);
    } else {  // `Invalid template: "..."`
      EXPECT_TRUE(errors[0].starts_with(
          "invalid interpolation format for myservice.environment.TESTVAR.\nYou may need to "
          "escape any $ with another $.\n"))
          << errors[0];
    }
  }
}

TEST(Interpolate, ReportsEveryErrorSortedByPath) {
  // service: {zzz: "${MISSING:?required}", volumes: [{source: "${ACME_PATH:?}"}], environment:
  // {TIMEZONE: ...},
  //           aaa: "${"}
  Node vol = Node::Map();
  vol.Set("source", Node::String("${ACME_PATH:?}"));
  Node vols = Node::Seq();
  vols.items.push_back(std::move(vol));
  Node env = Node::Map();
  env.Set("TIMEZONE", Node::String("${TIMEZONE:?}"));
  Node svc = Node::Map();
  svc.Set("zzz", Node::String("${MISSING:?required}"));
  svc.Set("volumes", std::move(vols));
  svc.Set("environment", std::move(env));
  svc.Set("aaa", Node::String("${"));
  Node root = Node::Map();
  root.Set("service", std::move(svc));
  ir::DiagnosticSink sink;
  EXPECT_FALSE(InterpolateModel(root, InterpolationDefaults().AsLookup(), sink));
  const std::vector<std::string> want = {
      "invalid interpolation format for service.aaa.\nYou may need to escape any $ with another "
      "$.\n${",
      "error while interpolating service.environment.TIMEZONE: required variable TIMEZONE is "
      "missing a value",
      "error while interpolating service.volumes.[].source: required variable ACME_PATH is missing "
      "a value",
      "error while interpolating service.zzz: required variable MISSING is missing a value: "
      "required",
  };
  EXPECT_EQ(Messages(sink, ir::Severity::kError), want);
}

TEST(Interpolate, SequenceErrorsKeepIndexOrder) {
  // Items are joined in index order, whatever the keys inside them.
  Node first = Node::Map();
  first.Set("z", Node::String("${Z:?}"));
  Node second = Node::Map();
  second.Set("a", Node::String("${A:?}"));
  Node list = Node::Seq();
  list.items.push_back(std::move(first));
  list.items.push_back(std::move(second));
  Node root = Node::Map();
  root.Set("x", std::move(list));
  ir::DiagnosticSink sink;
  EXPECT_FALSE(InterpolateModel(root, Environment{}.AsLookup(), sink));
  const std::vector<std::string> want = {
      "error while interpolating x.[].z: required variable Z is missing a value",
      "error while interpolating x.[].a: required variable A is missing a value",
  };
  EXPECT_EQ(Messages(sink, ir::Severity::kError), want);
}

TEST(Interpolate, DottedKeysPrintAsWritten) {
  Node labels = Node::Map();
  labels.Set("com.example.tag", Node::String("${TAG:?no tag}"));
  Node svc = Node::Map();
  svc.Set("labels", std::move(labels));
  Node services = Node::Map();
  services.Set("web", std::move(svc));
  Node root = Node::Map();
  root.Set("services", std::move(services));
  ir::DiagnosticSink sink;
  EXPECT_FALSE(InterpolateModel(root, Environment{}.AsLookup(), sink));
  EXPECT_EQ(Messages(sink, ir::Severity::kError),
            std::vector<std::string>{
                "error while interpolating services.web.labels.com.example.tag: required "
                "variable TAG is missing a value: no tag"});
}

TEST(Interpolate, WarningsAreDeduplicated) {
  Node svc = Node::Map();
  svc.Set("image", Node::String("${NOPE}"));
  svc.Set("command", Node::String("$NOPE ${OTHER}"));
  Node root = Node::Map();
  root.Set("x", std::move(svc));
  ir::DiagnosticSink sink;
  EXPECT_TRUE(InterpolateModel(root, Environment{}.AsLookup(), sink));
  const std::vector<std::string> want = {
      "The \"NOPE\" variable is not set. Defaulting to a blank string.",
      "The \"OTHER\" variable is not set. Defaulting to a blank string.",
  };
  EXPECT_EQ(Messages(sink, ir::Severity::kWarning), want);
  EXPECT_EQ(sink.diagnostics()[0].code, kUnsetVariableWarningCode);

  InterpolationWarnings collected;
  InterpolateOptions options;
  options.warnings = &collected;
  Node again = ServiceWithVar("${NOPE}");
  ir::DiagnosticSink quiet;
  EXPECT_TRUE(InterpolateModel(again, Environment{}.AsLookup(), quiet, options));
  Node twice = ServiceWithVar("${NOPE}");
  EXPECT_TRUE(InterpolateModel(twice, Environment{}.AsLookup(), quiet, options));
  EXPECT_TRUE(quiet.diagnostics().empty());
  ASSERT_EQ(collected.items().size(), 1u);
  EXPECT_EQ(collected.items()[0].message,
            "The \"NOPE\" variable is not set. Defaulting to a blank string.");
}

// ---- casts
// ------------------------------------------------------------------------------------------------------

TEST(Interpolate, CastTable) {
  struct Case {
    std::vector<std::string_view> path;
    CastKind want;
  };
  const Case cases[] = {
      {{"services", "web", "cpu_count"}, CastKind::kInt64},
      {{"services", "web", "cpu_percent"}, CastKind::kFloat},
      {{"services", "web", "cpus"}, CastKind::kFloat32},
      {{"services", "web", "init"}, CastKind::kBool},
      {{"services", "web", "scale"}, CastKind::kInt},
      {{"services", "web", "tty"}, CastKind::kBool},
      {{"services", "web", "pids_limit"}, CastKind::kInt64},
      {{"services", "web", "image"}, CastKind::kNone},
      {{"services", "web", "deploy", "replicas"}, CastKind::kInt},
      {{"services", "web", "healthcheck", "retries"}, CastKind::kInt},
      {{"services", "web", "healthcheck", "disable"}, CastKind::kBool},
      {{"services", "web", "ulimits", "nofile"}, CastKind::kInt},
      {{"services", "web", "ulimits", "nofile", "soft"}, CastKind::kInt},
      {{"services", "web", "ulimits", "nofile", "hard"}, CastKind::kInt},
      {{"services", "web", "depends_on", "db", "required"}, CastKind::kBool},
      {{"services", "web", "depends_on", "db", "restart"}, CastKind::kBool},
      {{"services", "web", "depends_on", "db", "condition"}, CastKind::kNone},
      {{"services", "web", "deploy", "update_config", "parallelism"}, CastKind::kInt},
      {{"services", "web", "deploy", "rollback_config", "max_failure_ratio"}, CastKind::kFloat},
      {{"services", "web", "deploy", "restart_policy", "max_attempts"}, CastKind::kInt},
      {{"services", "web", "deploy", "placement", "max_replicas_per_node"}, CastKind::kInt},
      {{"services", "web", "ports", "[]", "target"}, CastKind::kInt},
      {{"services", "web", "ports", "[]", "published"}, CastKind::kNone},
      {{"services", "web", "volumes", "[]", "read_only"}, CastKind::kBool},
      {{"services", "web", "volumes", "[]", "volume", "nocopy"}, CastKind::kBool},
      {{"networks", "n", "external"}, CastKind::kBool},
      {{"networks", "n", "internal"}, CastKind::kBool},
      {{"networks", "n", "attachable"}, CastKind::kBool},
      {{"networks", "n", "enable_ipv4"}, CastKind::kBool},
      {{"networks", "n", "enable_ipv6"}, CastKind::kBool},
      {{"volumes", "v", "external"}, CastKind::kBool},
      {{"secrets", "s", "external"}, CastKind::kBool},
      {{"configs", "c", "external"}, CastKind::kBool},
      {{"configs", "c", "internal"}, CastKind::kNone},
      {{"x-custom", "c", "external"}, CastKind::kNone},
      {{"services", "web"}, CastKind::kNone},
  };
  for (const Case& c : cases) {
    std::string joined;
    for (std::string_view p : c.path) joined += std::string(p) + ".";
    EXPECT_EQ(CastForPath(c.path), c.want) << joined;
  }
}

// Interpolates `value` at services.web.<path...> and returns the node.
struct CastResult {
  Node node;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

CastResult CastAt(const std::vector<std::string>& path, std::string value,
                  const Environment& env = {}) {
  Node leaf = Node::String(value);
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    Node parent;
    if (*it == "[]") {
      parent = Node::Seq();
      parent.items.push_back(std::move(leaf));
    } else {
      parent = Node::Map();
      parent.Set(*it, std::move(leaf));
    }
    leaf = std::move(parent);
  }
  ir::DiagnosticSink sink;
  InterpolateModel(leaf, env.AsLookup(), sink);
  const Node* n = &leaf;
  for (const std::string& p : path) n = p == "[]" ? &n->items[0] : n->Find(p);
  return {*n, Messages(sink, ir::Severity::kError), Messages(sink, ir::Severity::kWarning)};
}

TEST(Interpolate, CastsTypedPaths) {
  const Environment env{{"count", "5"}, {"REQUIRED", "true"}, {"PORT", "8080"}};
  CastResult r = CastAt({"services", "web", "deploy", "replicas"}, "$count", env);
  EXPECT_EQ(r.node.type, ScalarType::kInt);
  EXPECT_EQ(r.node.AsInt(), 5);
  EXPECT_TRUE(r.errors.empty());

  r = CastAt({"services", "web", "ports", "[]", "target"}, "${PORT}", env);
  EXPECT_EQ(r.node.type, ScalarType::kInt);
  EXPECT_EQ(r.node.text, "8080");

  r = CastAt({"services", "web", "privileged"}, "$REQUIRED", env);
  EXPECT_EQ(r.node.type, ScalarType::kBool);
  EXPECT_EQ(r.node.text, "true");

  r = CastAt({"networks", "front", "external"},
             "FALSE");  // strings are cast even without a variable
  EXPECT_EQ(r.node.type, ScalarType::kBool);
  EXPECT_EQ(r.node.text, "false");

  r = CastAt({"services", "web", "tty"}, "yes");
  EXPECT_EQ(r.node.text, "true");
  EXPECT_EQ(r.warnings, std::vector<std::string>{
                            "\"yes\" for boolean is not supported by YAML 1.2, please use `true`"});
  r = CastAt({"services", "web", "tty"}, "Off");
  EXPECT_EQ(r.node.text, "false");
  EXPECT_EQ(r.warnings,
            std::vector<std::string>{
                "\"Off\" for boolean is not supported by YAML 1.2, please use `false`"});

  r = CastAt({"services", "web", "cpus"}, "0.1");
  EXPECT_EQ(r.node.type, ScalarType::kFloat);
  EXPECT_EQ(r.node.text, "0.1");
  r = CastAt({"services", "web", "cpu_percent"}, "1_0.5e1");
  EXPECT_EQ(r.node.type, ScalarType::kFloat);
  EXPECT_EQ(r.node.AsFloat(), 105.0);
  r = CastAt({"services", "web", "cpu_percent"}, "0x1p-2");
  EXPECT_EQ(r.node.AsFloat(), 0.25);
  r = CastAt({"services", "web", "cpu_shares"}, "-12");
  EXPECT_EQ(r.node.AsInt(), -12);
  r = CastAt({"services", "web", "cpu_shares"}, "+9223372036854775807");
  EXPECT_EQ(r.node.AsInt(), INT64_MAX);

  r = CastAt({"services", "web", "image"}, "5");  // not a typed path
  EXPECT_EQ(r.node.type, ScalarType::kString);
}

TEST(Interpolate, CastFailures) {
  struct Case {
    std::vector<std::string> path;
    const char* value;
    const char* error;
  };
  const Case cases[] = {
      {{"services", "web", "deploy", "replicas"},
       "two",
       "strconv.Atoi: parsing \"two\": invalid syntax"},
      {{"services", "web", "deploy", "replicas"}, "", "strconv.Atoi: parsing \"\": invalid syntax"},
      {{"services", "web", "deploy", "replicas"},
       "1_000",
       "strconv.Atoi: parsing \"1_000\": invalid syntax"},
      {{"services", "web", "deploy", "replicas"},
       "0x10",
       "strconv.Atoi: parsing \"0x10\": invalid syntax"},
      {{"services", "web", "deploy", "replicas"},
       "99999999999999999999",
       "strconv.Atoi: parsing \"99999999999999999999\": value out of range"},
      {{"services", "web", "cpu_count"},
       "9223372036854775808",
       "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"},
      {{"services", "web", "cpu_count"},
       "1.5",
       "strconv.ParseInt: parsing \"1.5\": invalid syntax"},
      {{"services", "web", "cpu_percent"},
       "abc",
       "strconv.ParseFloat: parsing \"abc\": invalid syntax"},
      {{"services", "web", "cpu_percent"},
       "1e400",
       "strconv.ParseFloat: parsing \"1e400\": value out of range"},
      {{"services", "web", "cpu_percent"},
       "0x1",
       "strconv.ParseFloat: parsing \"0x1\": invalid syntax"},
      {{"services", "web", "cpu_percent"},
       "1__0",
       "strconv.ParseFloat: parsing \"1__0\": invalid syntax"},
      {{"services", "web", "cpu_percent"},
       "infinit",
       "strconv.ParseFloat: parsing \"infinit\": invalid syntax"},
      {{"services", "web", "cpus"},
       "1e39",
       "strconv.ParseFloat: parsing \"1e39\": value out of range"},
      {{"services", "web", "init"}, "maybe", "invalid boolean: maybe"},
  };
  for (const Case& c : cases) {
    CastResult r = CastAt(c.path, c.value);
    std::string path;
    for (const std::string& p : c.path) path += (path.empty() ? "" : ".") + p;
    EXPECT_EQ(r.errors, std::vector<std::string>{"error while interpolating " + path +
                                                 ": failed to cast to expected type: " + c.error})
        << c.value;
    EXPECT_EQ(r.node.type, ScalarType::kString);
  }
}

TEST(Interpolate, NonStringScalarsAreLeftAlone) {
  Node svc = Node::Map();
  svc.Set("replicas_null", Node::Null());
  svc.Set("tty", Node::Bool(true));
  Node services = Node::Map();
  services.Set("web", std::move(svc));
  Node root = Node::Map();
  root.Set("services", std::move(services));
  ir::DiagnosticSink sink;
  EXPECT_TRUE(InterpolateModel(root, Environment{}.AsLookup(), sink));
  EXPECT_TRUE(root.Find("services")->Find("web")->Find("replicas_null")->is_null());
  EXPECT_EQ(root.Find("services")->Find("web")->Find("tty")->type, ScalarType::kBool);
}

}  // namespace
}  // namespace stackc::frontend
