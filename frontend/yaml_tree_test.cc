#include "frontend/yaml_tree.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

struct Parsed {
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  std::vector<Node> docs;
  std::vector<Comment> comments;
};

std::unique_ptr<Parsed> Parse(std::string text, YamlOptions options = {}) {
  auto p = std::make_unique<Parsed>();
  ir::FileId f = p->sm.Add("test.yaml", std::move(text));
  p->docs = ParseYaml(p->sm, f, p->sink, options, &p->comments);
  return p;
}

// The first error without compose-go's "failed to parse <file>: yaml: construct errors: line 1: "
// wrapping.
std::string FirstError(const Parsed& p) {
  if (p.sink.diagnostics().empty()) return "";
  std::string m = p.sink.diagnostics().front().message;
  const std::string prefix = "failed to parse test.yaml: yaml: construct errors: line 1: ";
  return m.starts_with(prefix) ? m.substr(prefix.size()) : m;
}

TEST(YamlTreeTest, ResolvesScalarsLikeGoYaml) {
  EXPECT_EQ(ResolvePlain(""), ScalarType::kNull);
  EXPECT_EQ(ResolvePlain("~"), ScalarType::kNull);
  EXPECT_EQ(ResolvePlain("null"), ScalarType::kNull);
  EXPECT_EQ(ResolvePlain("true"), ScalarType::kBool);
  EXPECT_EQ(ResolvePlain("FALSE"), ScalarType::kBool);
  EXPECT_EQ(ResolvePlain("yes"), ScalarType::kString);
  EXPECT_EQ(ResolvePlain("on"), ScalarType::kString);
  EXPECT_EQ(ResolvePlain("0440"), ScalarType::kInt);
  EXPECT_EQ(ResolvePlain("0o440"), ScalarType::kInt);
  EXPECT_EQ(ResolvePlain("0x1F"), ScalarType::kInt);
  EXPECT_EQ(ResolvePlain("1_000"), ScalarType::kInt);
  EXPECT_EQ(ResolvePlain("-12"), ScalarType::kInt);
  EXPECT_EQ(ResolvePlain("1.0"), ScalarType::kFloat);
  EXPECT_EQ(ResolvePlain("1e3"), ScalarType::kFloat);
  EXPECT_EQ(ResolvePlain(".5"), ScalarType::kFloat);
  EXPECT_EQ(ResolvePlain("089"), ScalarType::kFloat);  // not octal, but a YAML float
  EXPECT_EQ(ResolvePlain("22:22"), ScalarType::kString);
  EXPECT_EQ(ResolvePlain("8080:80"), ScalarType::kString);
  EXPECT_EQ(ResolvePlain("1.2.3"), ScalarType::kString);
  EXPECT_EQ(ResolvePlain("-"), ScalarType::kString);
}

TEST(YamlTreeTest, GoStringMatchesFmtSprint) {
  auto p = Parse("a: 0440\nb: 1.0\nc: 1e3\nd: true\ne: \"0440\"\nf: 1.5\ng: 1e21\nh: 0.00001\n");
  ASSERT_EQ(p->docs.size(), 1u);
  const Node& d = p->docs[0];
  EXPECT_EQ(d.Find("a")->GoString(), "288");
  EXPECT_EQ(d.Find("b")->GoString(), "1");
  EXPECT_EQ(d.Find("c")->GoString(), "1000");
  EXPECT_EQ(d.Find("d")->GoString(), "true");
  EXPECT_EQ(d.Find("e")->GoString(), "0440");
  EXPECT_EQ(d.Find("e")->type, ScalarType::kString);
  EXPECT_EQ(d.Find("f")->GoString(), "1.5");
  EXPECT_EQ(d.Find("g")->GoString(), "1e+21");
  EXPECT_EQ(d.Find("h")->GoString(), "1e-05");
}

// fmt.Sprint's %v takes the exponent from 1e6 on; go-yaml decodes a plain date into a time.Time,
// which prints in Go's String() form; quoted, tagged or made strings stay text.
TEST(YamlTreeTest, GoStringPrintsLargeFloatsAndTimestampsAsGo) {
  auto p = Parse(
      "a: 1000000.0\nb: 1234567.0\nc: 100000.0\nd: 2024-01-05\ne: \"2024-01-05\"\n"
      "f: !!str 2024-01-05\ng: 2024-02-30\n");
  ASSERT_EQ(p->docs.size(), 1u);
  const Node& d = p->docs[0];
  EXPECT_EQ(d.Find("a")->GoString(), "1e+06");
  EXPECT_EQ(d.Find("b")->GoString(), "1.234567e+06");
  EXPECT_EQ(d.Find("c")->GoString(), "100000");
  EXPECT_TRUE(d.Find("d")->IsTimestamp());
  EXPECT_EQ(d.Find("d")->SprintValue(), "2024-01-05 00:00:00 +0000 UTC");
  EXPECT_EQ(d.Find("d")->GoString(), "2024-01-05");  // a string field keeps the text
  EXPECT_EQ(d.Find("e")->SprintValue(), "2024-01-05");
  EXPECT_EQ(d.Find("f")->SprintValue(), "2024-01-05");
  EXPECT_EQ(d.Find("g")->SprintValue(), "2024-02-30");
  EXPECT_FALSE(Node::String("2024-01-05").IsTimestamp());
}

// fmt.Sprint of what go-yaml decodes into an interface{}: maps with sorted keys, nil as <nil>.
TEST(YamlTreeTest, GoSprintMatchesFmtSprint) {
  auto p = Parse("{z: [1, 0x10, ''], a: null, m: {y: 1.0, b: true}}\n");
  EXPECT_EQ(GoSprint(p->docs[0]), "map[a:<nil> m:map[b:true y:1] z:[1 16 ]]");
}

TEST(YamlTreeTest, SpansAreBytes) {
  auto p = Parse("k: \"\xc3\xa9\xc3\xa9\"\nimage: nginx\n");
  ASSERT_TRUE(p->sink.diagnostics().empty()) << FirstError(*p);
  const MapEntry* e = p->docs[0].FindEntry("image");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(p->sm.Text(e->key_span), "image");
  EXPECT_EQ(p->sm.Text(e->value.span), "nginx");
  EXPECT_EQ(p->sm.Position(e->value.span).line, 2u);
  EXPECT_EQ(p->sm.Position(e->value.span).column, 8u);
}

TEST(YamlTreeTest, KeepsQuotingAndTags) {
  auto p = Parse("a: 'true'\nb: !reset []\nc: !override\n  x: 1\n");
  const Node& d = p->docs[0];
  EXPECT_EQ(d.Find("a")->type, ScalarType::kString);
  EXPECT_EQ(d.Find("a")->style, ScalarStyle::kSingleQuoted);
  EXPECT_EQ(d.Find("b")->tag, NodeTag::kReset);
  EXPECT_TRUE(d.Find("b")->is_seq());
  EXPECT_EQ(d.Find("c")->tag, NodeTag::kOverride);
}

TEST(YamlTreeTest, ExpandsAliasesAndMergeKeys) {
  auto p = Parse(
      "x-base: &base\n  image: busybox\n  environment: &env\n    A: 1\n"
      "x-more: &more\n  image: other\n  restart: always\n"
      "services:\n"
      "  a:\n    <<: *base\n    image: mine\n"
      "  b:\n    <<: [*base, *more]\n"
      "  c:\n    environment: *env\n");
  ASSERT_TRUE(p->sink.diagnostics().empty()) << FirstError(*p);
  const Node* services = p->docs[0].Find("services");
  EXPECT_EQ(services->Find("a")->Find("image")->text, "mine");  // local keys win
  EXPECT_NE(services->Find("a")->Find("environment"), nullptr);
  EXPECT_EQ(services->Find("b")->Find("image")->text, "busybox");  // first merged map wins
  EXPECT_EQ(services->Find("b")->Find("restart")->text, "always");
  EXPECT_EQ(services->Find("c")->Find("environment")->Find("A")->GoString(), "1");
  EXPECT_EQ(services->Find("a")->FindEntry("<<"), nullptr);
}

TEST(YamlTreeTest, MergeRequiresMaps) {
  auto p = Parse("a: &a [1]\nb:\n  <<: *a\n");
  EXPECT_EQ(
      FirstError(*p),
      "go-yaml load error in constructor at L1.C8: map merge requires map or sequence of maps as "
      "the value");
}

TEST(YamlTreeTest, DuplicateKeyIsAnError) {
  auto p = Parse("services:\n  web: {}\n  web: {}\n");
  EXPECT_EQ(
      p->sink.diagnostics()[0].message,
      "failed to parse test.yaml: yaml: construct errors: line 1: line 3: mapping key \"web\" "
      "already defined at line 2");
  EXPECT_EQ(p->sm.Position(p->sink.diagnostics()[0].span).line, 3u);
}

TEST(YamlTreeTest, NonStringKeyIsAnError) {
  EXPECT_EQ(FirstError(*Parse("services:\n  123: {}\n")), "non-string key in services: 123");
  EXPECT_EQ(FirstError(*Parse("true: 1\n")), "non-string key at top level: true");
  EXPECT_EQ(FirstError(*Parse("n:\n  d:\n    c:\n      - 123: x\n")),
            "non-string key in n.d.c[0]: 123");
}

TEST(YamlTreeTest, SyntaxErrorIsLocated) {
  auto p = Parse("services:\n  web:\n    image: a: b\n");
  ASSERT_TRUE(p->sink.has_errors());
  EXPECT_EQ(
      FirstError(*p),
      "go-yaml load error in scanner at L3.C13: mapping values are not allowed in this context");
  EXPECT_EQ(p->sm.Position(p->sink.diagnostics()[0].span).line, 3u);
}

TEST(YamlTreeTest, UnknownAnchor) {
  EXPECT_EQ(FirstError(*Parse("a: *nope\n")),
            "go-yaml load error in composer at L1.C4: unknown anchor 'nope' referenced");
}

TEST(YamlTreeTest, AliasBombIsStopped) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    text += fmt::format("a{}: &a{} [", i, i);
    for (int j = 0; j < 10; ++j) text += (j ? ", *a" : "*a") + (i > 1 ? std::to_string(i - 1) : "");
    text += "]\n";
  }
  auto p = Parse(text);
  EXPECT_EQ(FirstError(*p), "document contains excessive aliasing");
}

TEST(YamlTreeTest, DeepNestingIsStopped) {
  std::string text(10000, '[');
  text += std::string(10000, ']');
  auto p = Parse(text);
  EXPECT_EQ(FirstError(*p), "go-yaml load error in parser at L1.C257: exceeded max depth of 256");
}

TEST(YamlTreeTest, SeveralDocuments) {
  auto p = Parse("a: 1\n---\nb: 2\n");
  ASSERT_EQ(p->docs.size(), 2u);
  EXPECT_NE(p->docs[1].Find("b"), nullptr);
  EXPECT_TRUE(Parse("")->docs.empty());
}

TEST(YamlTreeTest, InvalidUtf8IsAnError) {
  auto p = Parse("a: \xff\xfe\n");
  EXPECT_EQ(FirstError(*p),
            "go-yaml load error in reader at <unknown position>: invalid leading UTF-8 octet "
            "(value: 255)");
}

TEST(YamlTreeTest, SyntaxErrorsCarryTheirContext) {
  EXPECT_EQ(FirstError(*Parse("services:\n  web:\n    image: \"abc\n")),
            "go-yaml load error in scanner (while scanning a quoted scalar) at L3.C12-L4.C1: found "
            "unexpected end of stream");
  EXPECT_EQ(
      FirstError(*Parse("services:\n  web: {a: 1\n")),
      "go-yaml load error in parser (while parsing a flow mapping) at L2.C8-L3.C1: did not find "
      "expected ',' or '}'");
}

TEST(YamlTreeTest, FindsComments) {
  auto p = Parse("# top\na: 'x # not' # yes\nb: c#d\n");
  ASSERT_EQ(p->comments.size(), 2u);
  EXPECT_EQ(p->sm.Text(p->comments[0].span), "# top");
  EXPECT_EQ(p->sm.Text(p->comments[1].span), "# yes");
}

// The loader skips its walks for `!reset` and `!override` when MayHaveTags says a text has no
// tag: every way of writing a tag must show in it, and a text that only looks tag-like must not
// give a node a tag.
TEST(YamlTreeTest, EveryTaggedTextMayHaveTags) {
  for (const char* text :
       {"a: !reset []\n", "a: !override {x: 1}\n", "a: !!str 1\n",
        "a: !<tag:yaml.org,2002:str> 1\n", "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
        "x: &a !!int 1\ny: *a\n", "a: !!map {b: 1}\n", "- !reset\n"}) {
    auto p = Parse(text);
    ASSERT_FALSE(p->sink.has_errors()) << text;
    ASSERT_EQ(p->docs.size(), 1u) << text;
    EXPECT_TRUE(HasTags(p->docs[0])) << text;
    EXPECT_TRUE(MayHaveTags(text)) << text;
  }
  for (const char* text : {"a: 'reset'\nb: {<<: {c: 1}}\n", "a: &x [1]\nb: *x\n", "a: \"x\"\n"}) {
    auto p = Parse(text);
    ASSERT_EQ(p->docs.size(), 1u) << text;
    EXPECT_FALSE(HasTags(p->docs[0])) << text;
    EXPECT_FALSE(MayHaveTags(text)) << text;
  }
}

TEST(YamlTreeTest, ANodeIs48BytesAndItsCopiesAreDeep) {
  EXPECT_EQ(sizeof(Node), 48u);
  EXPECT_LE(sizeof(MapEntry), 80u);
  Node map = Node::Map();
  map.Set("a", Node::String("1"));
  Node& inner = map.Set("b", Node::Seq());
  inner.items.push_back(Node::Int(2));
  Node copy = map;
  copy.Find("b")->items.push_back(Node::Int(3));
  EXPECT_EQ(map.Find("b")->items.size(), 1u);
  EXPECT_EQ(copy.Find("b")->items.size(), 2u);
}

}  // namespace
}  // namespace stackc::frontend
