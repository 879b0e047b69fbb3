// Shell words: how compose-go splits a string `command:` or `entrypoint:` into argv, with
// github.com/mattn/go-shellwords v1.0.14 `Parse` in its default configuration (no variable
// expansion, no backtick or $(...) execution, no comments).
//
//   SplitShellWords(R"(sh -c 'echo "$HOME"' x\ y)")  -> {"sh", "-c", "echo \"$HOME\"", "x y"}
//   SplitShellWords(R"(a "" b)")                      -> {"a", "", "b"}
//   SplitShellWords("echo hi; rm -rf /")               -> {"echo", "hi"}   (stops at ; & | < >)
//   SplitShellWords("echo 'oops")                      -> error "invalid command line string"
//
// Quotes group and are removed; a backslash escapes the next character outside single quotes
// (`\t` and `\n` become a tab and a newline); `$(...)` and backticks are kept verbatim as part
// of a word; a bare `(` or `)` is an error. An unquoted `;`, `&`, `|`, `<` or `>` silently ends
// the command (with `N>`, the digits are dropped too), as go-shellwords does.
#ifndef STACKC_FRONTEND_SHELL_WORDS_H_
#define STACKC_FRONTEND_SHELL_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace stackc::frontend {

struct ShellWordsResult {
  std::vector<std::string> words;
  std::string error;  // "invalid command line string" or ""

  bool ok() const { return error.empty(); }
};

// Splits `line` into words. "" and blank lines give no words (an explicitly empty command).
// Invalid UTF-8 bytes become U+FFFD, as in Go.
ShellWordsResult SplitShellWords(std::string_view line);

}  // namespace stackc::frontend

#endif  // STACKC_FRONTEND_SHELL_WORDS_H_
