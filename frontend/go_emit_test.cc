#include "frontend/go_emit.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace stackc::frontend {
namespace {

using nlohmann::json;

std::string DecodeBase64(const std::string& in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const size_t v = kAlphabet.find(c);
    if (v == std::string::npos) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// The tree encoding of tests/oracle/cmd/emitvectors.
Node FromJson(const json& j) {
  const std::string t = j.at("t").get<std::string>();
  if (t == "map") {
    Node m = Node::Map();
    for (const json& e : j.value("e", json::array())) {
      std::string key = e.contains("k") ? e.at("k").get<std::string>()
                                        : DecodeBase64(e.at("kb64").get<std::string>());
      m.entries.push_back(MapEntry{std::move(key), {}, FromJson(e.at("v"))});
    }
    return m;
  }
  if (t == "seq") {
    Node s = Node::Seq();
    if (j.contains("i")) {
      for (const json& item : j.at("i")) s.items.push_back(FromJson(item));
    }
    return s;
  }
  if (t == "str") {
    return Node::String(j.contains("s") ? j.at("s").get<std::string>()
                                        : DecodeBase64(j.at("b64").get<std::string>()));
  }
  if (t == "bool") return Node::Bool(j.contains("v") && j.at("v").get<bool>());
  if (t == "null") return Node::Null();
  Node n;
  n.type = t == "int" ? ScalarType::kInt : ScalarType::kFloat;
  n.text = j.at("v").get<std::string>();
  return n;
}

// encoding/json sorts map keys bytewise.
void SortKeysBytewise(Node& n) {
  if (n.is_map()) {
    std::stable_sort(n.entries.begin(), n.entries.end(),
                     [](const MapEntry& a, const MapEntry& b) { return a.key < b.key; });
    for (MapEntry& e : n.entries) SortKeysBytewise(e.value);
  } else if (n.is_seq()) {
    for (Node& item : n.items) SortKeysBytewise(item);
  }
}

json LoadVectors() {
  std::ifstream in(std::string(STACKC_SOURCE_DIR) + "/corpus/frontend/emit/vectors.json");
  if (!in) return json();
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

TEST(GoEmitTest, MatchesGoEncodersOnEveryVector) {
  const json doc = LoadVectors();
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/emit/vectors.json is missing";
  const json& vectors = doc.at("vectors");
  ASSERT_GT(vectors.size(), 500u);
  int yaml_failures = 0, json_failures = 0;
  for (const json& v : vectors) {
    const std::string name = v.at("name").get<std::string>();
    Node tree = FromJson(v.at("input"));
    const std::string want_yaml = v.at("yaml").get<std::string>();
    const std::string got_yaml = EmitGoYaml(tree);
    if (got_yaml != want_yaml && ++yaml_failures <= 20) {
      ADD_FAILURE() << "YAML " << name << "\n--- want\n"
                    << want_yaml << "--- got\n"
                    << got_yaml << "---";
    }
    SortKeysBytewise(tree);
    std::string got_json, error;
    const bool ok = EmitGoJson(tree, &got_json, &error);
    if (v.contains("json_error")) {
      if ((ok || error != v.at("json_error").get<std::string>()) && ++json_failures <= 20) {
        ADD_FAILURE() << "JSON " << name << ": want error " << v.at("json_error") << ", got "
                      << error;
      }
      continue;
    }
    const std::string want_json = v.at("json").get<std::string>();
    if ((!ok || got_json != want_json) && ++json_failures <= 20) {
      ADD_FAILURE() << "JSON " << name << "\n--- want\n"
                    << want_json << "\n--- got\n"
                    << got_json << "\n---";
    }
  }
  EXPECT_EQ(yaml_failures, 0);
  EXPECT_EQ(json_failures, 0);
}

// Writes `n` through w, opening every mapping (at any depth under mappings) piece by piece.
void Stream(const Node& n, GoWriter& w) {
  if (!n.is_map()) {
    w.Value(n);
    return;
  }
  w.BeginMapping();
  for (const MapEntry& e : n.entries) {
    w.Key(e.key);
    Stream(e.value, w);
  }
  w.EndMapping();
}

TEST(GoEmitTest, WritersStreamTheBytesOfTheWholeTree) {
  const json doc = LoadVectors();
  ASSERT_TRUE(doc.is_object()) << "corpus/frontend/emit/vectors.json is missing";
  int streamed = 0;
  for (const json& v : doc.at("vectors")) {
    Node tree = FromJson(v.at("input"));
    std::string yaml;
    std::unique_ptr<GoWriter> yw = MakeGoYamlWriter(&yaml);
    Stream(tree, *yw);
    EXPECT_TRUE(yw->Finish(nullptr));
    EXPECT_EQ(yaml, EmitGoYaml(tree)) << v.at("name");
    SortKeysBytewise(tree);
    std::string want_json, want_error, got_json = "junk", got_error;
    const bool want_ok = EmitGoJson(tree, &want_json, &want_error);
    std::unique_ptr<GoWriter> jw = MakeGoJsonWriter(&got_json);
    got_json.clear();
    Stream(tree, *jw);
    EXPECT_EQ(jw->Finish(&got_error), want_ok) << v.at("name");
    EXPECT_EQ(got_json, want_json) << v.at("name");
    EXPECT_EQ(got_error, want_error) << v.at("name");
    streamed += tree.is_map() && !tree.entries.empty();
  }
  EXPECT_GT(streamed, 100);
}

TEST(GoEmitTest, StreamedEmptyMappingsPrintAsFlow) {
  std::string yaml, json_out;
  for (auto* out : {&yaml, &json_out}) {
    std::unique_ptr<GoWriter> w = out == &yaml ? MakeGoYamlWriter(out) : MakeGoJsonWriter(out);
    w->BeginMapping();
    w->Key("a");
    w->BeginMapping();
    w->EndMapping();
    w->Key("b");
    w->BeginMapping();
    w->Key("c");
    w->Value(Node::Int(1));
    w->EndMapping();
    w->EndMapping();
    EXPECT_TRUE(w->Finish(nullptr));
  }
  EXPECT_EQ(yaml, "a: {}\nb:\n  c: 1\n");
  EXPECT_EQ(json_out, "{\n  \"a\": {},\n  \"b\": {\n    \"c\": 1\n  }\n}");
}

TEST(GoEmitTest, HeaderExample) {
  Node root = Node::Map();
  root.Set("ports", Node::Seq()).items.push_back(Node::String("8080:80"));
  root.Set("user", Node::String("1000"));
  EXPECT_EQ(EmitGoYaml(root), "ports:\n  - 8080:80\nuser: \"1000\"\n");
  EXPECT_EQ(EmitGoJson(root), "{\n  \"ports\": [\n    \"8080:80\"\n  ],\n  \"user\": \"1000\"\n}");
}

TEST(GoEmitTest, KeepsTheGivenKeyOrder) {
  Node root = Node::Map();
  root.Set("zeta", Node::Int(1));
  root.Set("alpha", Node::Map());
  root.Set("mid", Node::Null());
  EXPECT_EQ(EmitGoYaml(root), "zeta: 1\nalpha: {}\nmid: null\n");
  EXPECT_EQ(EmitGoJson(root), "{\n  \"zeta\": 1,\n  \"alpha\": {},\n  \"mid\": null\n}");
}

TEST(GoEmitTest, NormalizesNumberSpellings) {
  Node root = Node::Map();
  Node i;
  i.type = ScalarType::kInt;
  i.text = "0o17";
  root.Set("i", i);
  Node f;
  f.type = ScalarType::kFloat;
  f.text = "1000000.0";
  root.Set("f", f);
  EXPECT_EQ(EmitGoYaml(root), "i: 15\nf: 1e+06\n");
  EXPECT_EQ(EmitGoJson(root), "{\n  \"i\": 15,\n  \"f\": 1000000\n}");
}

TEST(GoEmitTest, FormatsFloatsLikeGo) {
  EXPECT_EQ(GoYamlFloat(0.5), "0.5");
  EXPECT_EQ(GoYamlFloat(1), "1");
  EXPECT_EQ(GoYamlFloat(100000), "100000");
  EXPECT_EQ(GoYamlFloat(1e6), "1e+06");
  EXPECT_EQ(GoYamlFloat(0.0001), "0.0001");
  EXPECT_EQ(GoYamlFloat(0.00001), "1e-05");
  EXPECT_EQ(GoYamlFloat(-1.5e300), "-1.5e+300");
  EXPECT_EQ(GoJsonFloat(1e6), "1000000");
  EXPECT_EQ(GoJsonFloat(1e21), "1e+21");
  EXPECT_EQ(GoJsonFloat(1e-7), "1e-7");
  EXPECT_EQ(GoJsonFloat(1.5e-10), "1.5e-10");
  EXPECT_EQ(GoJsonFloat(0.000001), "0.000001");
  EXPECT_EQ(GoJsonFloat(0), "0");
}

TEST(GoEmitTest, ResolvesLikeGoYaml) {
  for (const char* s : {"",
                        "~",
                        "null",
                        "True",
                        "8080",
                        "-1",
                        "+1",
                        "0x1F",
                        "0440",
                        "08",
                        "1e3",
                        ".5",
                        "1_000",
                        "-0",
                        "2024-01-01",
                        "2001-12-14 21:59:43.10",
                        "2001-12-14t21:59:43+05:30",
                        "18446744073709551615",
                        "99999999999999999999",
                        "-9223372036854775809",
                        "<<",
                        ".inf"}) {
    EXPECT_FALSE(GoYamlResolvesToString(s)) << s;
  }
  for (const char* s :
       {"yes", "on", "8080:80", "22:22", "1e400", "0x", "2024-02-30", "2024-01-01T10:00:00",
        "2001-12-14T21:59:43+0500", ".", "-", "1.2.3", "nginx"}) {
    EXPECT_TRUE(GoYamlResolvesToString(s)) << s;
  }
}

TEST(GoEmitTest, RefusesNonFiniteJson) {
  Node root = Node::Map();
  Node f;
  f.type = ScalarType::kFloat;
  f.text = "-.inf";
  root.Set("f", f);
  std::string out, error;
  EXPECT_FALSE(EmitGoJson(root, &out, &error));
  EXPECT_EQ(error, "json: unsupported value: -Inf");
  EXPECT_EQ(EmitGoYaml(root), "f: -.inf\n");
}

}  // namespace
}  // namespace stackc::frontend
