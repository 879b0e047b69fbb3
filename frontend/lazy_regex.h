// A regular expression (RE2, Go's syntax) compiled when it is first used.
//
// Compiling is the costly part of a regex, and most of stackc's patterns meet no text in a given
// run: the schema's `container_name` and `pull_policy` patterns, the secret formats whose needles a
// project does not contain. A LazyRegex holds the source and compiles it on the first Get, once,
// even when several threads ask at the same time; afterwards it never changes.
//
// Example:
//   LazyRegex re(R"(\b(glpat-[A-Za-z0-9_\-]{20,}))");
//   if (const RE2* compiled = re.Get(); compiled && RE2::PartialMatch(text, *compiled)) { ... }
#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}  // namespace re2

namespace stackc::frontend {

class LazyRegex {
 public:
  explicit LazyRegex(std::string source);
  ~LazyRegex();
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The compiled regex, or null when the source is not a valid one.
  const re2::RE2* Get() const;
  // RE2's message when the source is not a valid regex, empty when it is (compiles it).
  const std::string& Error() const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<re2::RE2> re_;  // set once, by the first Get
};

}  // namespace stackc::frontend
