#include "frontend/shell_words.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

struct Case {
  const char* line;
  const char* error;  // "" when valid
  std::vector<std::string> words;
};

// Expectations are those of go-shellwords v1.0.14 `Parse` (default parser, as compose-go's
// ShellCommand uses it).
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"a b", "", {"a", "b"}},
      {"", "", {}},
      {"  ", "", {}},
      {"echo hello world", "", {"echo", "hello", "world"}},
      {"\"a b\" c", "", {"a b", "c"}},
      {"'a b' c", "", {"a b", "c"}},
      {"a\\ b", "", {"a b"}},
      {"\"a\\\"b\"", "", {"a\"b"}},
      {"'a\\b'", "", {"a\\b"}},
      {"\"a'b\"", "", {"a'b"}},
      {"'a\"b'", "", {"a\"b"}},
      {"\"\"", "", {""}},
      {"''", "", {""}},
      {"a\"\"b", "", {"ab"}},
      {"a''", "", {"a"}},
      {"\"\" x", "", {"", "x"}},
      {"x '' y", "", {"x", "", "y"}},
      {"echo \"", "invalid command line string", {}},
      {"echo '", "invalid command line string", {}},
      {"echo \\", "invalid command line string", {}},
      {"a\\tb", "", {"a\011b"}},
      {"a\\nb", "", {"a\012b"}},
      {"a\\\\b", "", {"a\\b"}},
      {"\\\\", "", {"\\"}},
      {"echo hi; rm -rf /", "", {"echo", "hi"}},
      {"a|b", "", {"a"}},
      {"a&&b", "", {"a"}},
      {"a > out", "", {"a"}},
      {"a 2>out", "", {"a"}},
      {"a 2>&1", "", {"a"}},
      {"12>x", "", {}},
      {"a12>x", "", {"a12"}},
      {"a<b", "", {"a"}},
      {"echo $(date)", "", {"echo", "$(date)"}},
      {"echo $(date", "invalid command line string", {}},
      {"echo (x)", "invalid command line string", {}},
      {"echo )", "invalid command line string", {}},
      {"echo `date`", "", {"echo", "`date`"}},
      {"echo `date", "invalid command line string", {}},
      {"echo \"$(x)\"", "", {"echo", "$(x)"}},
      {"$((1+2))", "invalid command line string", {}},
      {"echo \\$(x)", "", {"echo", "$(x)"}},
      {"echo a$(b c)d e", "", {"echo", "a$(b c)d", "e"}},
      {"echo $(a (b))", "invalid command line string", {}},
      {"echo $(a 'b c' \"d\")", "", {"echo", "$(a 'b c' \"d\")"}},
      {"echo `a 'b' \"c\" $(d)`", "", {"echo", "`a 'b' \"c\" $(d)`"}},
      {"echo `a\\`b`", "", {"echo", "`a\\`b`"}},
      {"echo $(a\\)b)", "", {"echo", "$(a\\)b)"}},
      {"echo `(`", "", {"echo", "`(`"}},
      {"a#b", "", {"a#b"}},
      {"#comment", "", {"#comment"}},
      {"a\011b\012c\015d", "", {"a", "b", "c", "d"}},
      {"\"a\\nb\"", "", {"a\012b"}},
      {"'don'\"'\"'t'", "", {"don't"}},
      {"sh -c 'echo $HOME'", "", {"sh", "-c", "echo $HOME"}},
      {"h\303\251llo w\303\266rld", "", {"h\303\251llo", "w\303\266rld"}},
      {"\"a b", "invalid command line string", {}},
      {"a \"b c\" d", "", {"a", "b c", "d"}},
      {"--opt=\"x y\"", "", {"--opt=x y"}},
      {"'$(x)'", "", {"$(x)"}},
      {"\"$(x\"", "", {"$(x"}},
      {"'('", "", {"("}},
      {"\"(\"", "", {"("}},
      {"\\(", "", {"("}},
      {"\\)", "", {")"}},
      {"a\\", "invalid command line string", {}},
      {"\\ ", "", {" "}},
      {"x\\\012y", "", {"x\012y"}},
      {"\"\\\"\"", "", {"\""}},
      {"'\\''", "invalid command line string", {}},
      {"\"a\"'b'c", "", {"abc"}},
      {"a;", "", {"a"}},
      {";a", "", {}},
      {"a\"b;c\"d", "", {"ab;cd"}},
      {"\377\376ab c", "", {"\357\277\275\357\277\275ab", "c"}},
      {"a\302\240b", "", {"a\302\240b"}},
      {"'a\011b'", "", {"a\011b"}},
      {"\"$HOME\" $PATH ${X}", "", {"$HOME", "$PATH", "${X}"}},
      {"a`b c`d", "", {"a`b c`d"}},
      {"x $( y", "invalid command line string", {}},
      {"2>x", "", {}},
      {"a 2>", "", {"a"}},
      {"\"\">x", "", {""}},
      {"a b|", "", {"a", "b"}},
  };
  return cases;
}

TEST(ShellWordsTest, MatchesGoShellwords) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.line);
    const ShellWordsResult r = SplitShellWords(c.line);
    EXPECT_EQ(r.error, c.error);
    EXPECT_EQ(r.ok(), std::string(c.error).empty());
    EXPECT_EQ(r.words, c.words);
  }
}

TEST(ShellWordsTest, ErrorDiscardsWordsSeenSoFar) {
  const ShellWordsResult r = SplitShellWords("a b 'c");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.words.empty());
}

}  // namespace
}  // namespace stackc::frontend
