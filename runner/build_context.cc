#include "runner/build_context.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "runner/archive.h"

namespace stackc::runner {

struct DockerIgnore::Rule {
  bool negate = false;
  std::unique_ptr<RE2> re;
};

namespace {

// filepath.Clean of a '/'-separated relative pattern, without a leading "/".
std::string Clean(std::string_view p) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= p.size()) {
    const size_t slash = p.find('/', start);
    const std::string part(
        p.substr(start, slash == std::string_view::npos ? p.npos : slash - start));
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

// The pattern as a regular expression over the whole path, as moby/patternmatcher builds it.
std::string ToRegex(const std::string& pattern) {
  std::string re = "^";
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '*') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '*') {
        ++i;
        // "**/" matches zero or more directories; a trailing "**" everything.
        if (i + 1 < pattern.size() && pattern[i + 1] == '/') {
          ++i;
          re += "(.*/)?";
        } else {
          re += ".*";
        }
      } else {
        re += "[^/]*";
      }
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[') {
      const size_t close = pattern.find(']', i + 1);
      if (close == std::string::npos) {
        re += "\\[";
      } else {
        std::string cls = pattern.substr(i + 1, close - i - 1);
        if (!cls.empty() && cls[0] == '!') cls[0] = '^';
        re += "[" + cls + "]";
        i = close;
      }
    } else if (c == '\\' && i + 1 < pattern.size()) {
      re += RE2::QuoteMeta(std::string(1, pattern[++i]));
    } else {
      re += RE2::QuoteMeta(std::string(1, c));
    }
  }
  return re + "(/.*)?$";  // a match on a directory covers what is under it
}

}  // namespace

DockerIgnore::DockerIgnore() = default;
DockerIgnore::~DockerIgnore() = default;
DockerIgnore::DockerIgnore(DockerIgnore&&) noexcept = default;
DockerIgnore& DockerIgnore::operator=(DockerIgnore&&) noexcept = default;

DockerIgnore DockerIgnore::Parse(std::string_view text) {
  DockerIgnore out;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    size_t lead = line.find_first_not_of(" \t");
    if (lead == std::string::npos || line[lead] == '#') continue;
    line.erase(0, lead);
    auto rule = std::make_unique<Rule>();
    if (line[0] == '!') {
      rule->negate = true;
      line.erase(0, 1);
    }
    const std::string pattern = Clean(line);
    if (pattern.empty()) continue;
    RE2::Options options;
    options.set_log_errors(false);
    rule->re = std::make_unique<RE2>(ToRegex(pattern), options);
    if (!rule->re->ok()) continue;  // as the docker CLI, a malformed pattern matches nothing
    out.rules_.push_back(std::move(rule));
  }
  return out;
}

bool DockerIgnore::Excluded(std::string_view path) const {
  bool excluded = false;
  for (const auto& rule : rules_) {
    if (RE2::FullMatch(path, *rule->re)) excluded = !rule->negate;
  }
  return excluded;
}

bool BuildContextTar(const std::string& context_dir, const std::string& dockerfile,
                     std::string* tar, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(context_dir, ec)) {
    *error = "build context '" + context_dir + "' is not a directory";
    return false;
  }
  std::string ignore_text;
  if (std::ifstream in(fs::path(context_dir) / ".dockerignore"); in) {
    std::ostringstream s;
    s << in.rdbuf();
    ignore_text = s.str();
  }
  const DockerIgnore ignore = DockerIgnore::Parse(ignore_text);
  const std::string always_df = Clean(dockerfile.empty() ? "Dockerfile" : dockerfile);
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(context_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;  // directories come with their files
    const std::string rel = fs::relative(it->path(), context_dir, ec).generic_string();
    if (rel == always_df || rel == ".dockerignore" || !ignore.Excluded(rel)) paths.push_back(rel);
  }
  if (ec) {
    *error = "cannot read build context '" + context_dir + "': " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ArchiveFile> files;
  for (const std::string& rel : paths) {
    const fs::path full = fs::path(context_dir) / rel;
    std::ifstream in(full, std::ios::binary);
    if (!in) {
      *error = "cannot read '" + full.string() + "'";
      return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    ArchiveFile f;
    f.path = rel;
    f.content = s.str();
    const auto perms = fs::status(full, ec).permissions();
    f.mode = static_cast<uint32_t>(perms) & 0777;
    files.push_back(std::move(f));
  }
  return MakeTar(files, tar, error);
}

}  // namespace stackc::runner
