// The build context of a service, as the tar the Engine's /build endpoint takes: every file under
// the context directory except those .dockerignore excludes, with Docker's pattern rules.
//
// .dockerignore: one pattern per line, `#` comments, `!` re-includes; `*` and `?` stay within one
// path element, `**` spans any number of them, `[...]` is a class; a pattern that matches a
// directory excludes everything under it; the last matching pattern decides. The Dockerfile and
// .dockerignore are always sent, as the docker CLI does. Patterns become RE2 expressions.
//
// Example:
//   DockerIgnore ignore = DockerIgnore::Parse("*.log\n!keep.log\nnode_modules\n");
//   ignore.Excluded("a.log") == true; ignore.Excluded("keep.log") == false;
//   ignore.Excluded("node_modules/x/y.js") == true
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stackc::runner {

class DockerIgnore {
 public:
  static DockerIgnore Parse(std::string_view text);
  DockerIgnore();
  ~DockerIgnore();
  DockerIgnore(DockerIgnore&&) noexcept;
  DockerIgnore& operator=(DockerIgnore&&) noexcept;

  // `path` is relative to the context, '/'-separated.
  bool Excluded(std::string_view path) const;

 private:
  struct Rule;
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Tars `context_dir` (sorted, deterministic) for a build with `dockerfile` (relative to it).
bool BuildContextTar(const std::string& context_dir, const std::string& dockerfile,
                     std::string* tar, std::string* error);

}  // namespace stackc::runner
