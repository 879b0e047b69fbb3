// The file system as the loader sees it: an interface with a real implementation and an in-memory
// fake.
//
// Paths are absolute and '/'-separated. The loader reads compose files, .env and env files, and
// asks whether default compose files exist in a directory and its parents.
//
// Example:
//   InMemoryFileSystem fs("/work");
//   fs.Add("/work/compose.yaml", "services: {web: {image: nginx}}\n");
//   std::string text;
//   if (fs.Read("/work/compose.yaml", &text)) { ... }
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace stackc::frontend {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads a whole file. On failure returns false and sets `error` to a short reason ("no such file
  // or directory", "is a directory", "file too large").
  virtual bool Read(const std::string& path, std::string* text, std::string* error) const = 0;
  virtual bool IsFile(const std::string& path) const = 0;
  virtual bool IsDir(const std::string& path) const = 0;
  virtual std::string Cwd() const = 0;
  // compose-go's utils.ResolveSymbolicLink: the first component of `path` that is a symbolic link
  // is replaced by its resolved target. The default has no links.
  virtual std::string ResolveSymbolicLink(const std::string& path) const { return path; }
};

class RealFileSystem final : public FileSystem {
 public:
  // Files larger than `max_bytes` are refused with "file too large".
  explicit RealFileSystem(size_t max_bytes) : max_bytes_(max_bytes) {}
  bool Read(const std::string& path, std::string* text, std::string* error) const override;
  bool IsFile(const std::string& path) const override;
  bool IsDir(const std::string& path) const override;
  std::string Cwd() const override;
  std::string ResolveSymbolicLink(const std::string& path) const override;

 private:
  size_t max_bytes_;
};

// Another file system with some files' text replaced: how `lint --fix` loads what a fix would
// write before it writes it.
class OverlayFileSystem final : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& base, std::map<std::string, std::string> files)
      : base_(base), files_(std::move(files)) {}
  bool Read(const std::string& path, std::string* text, std::string* error) const override {
    if (const auto it = files_.find(path); it != files_.end()) {
      *text = it->second;
      return true;
    }
    return base_.Read(path, text, error);
  }
  bool IsFile(const std::string& path) const override {
    return files_.count(path) > 0 || base_.IsFile(path);
  }
  bool IsDir(const std::string& path) const override { return base_.IsDir(path); }
  std::string Cwd() const override { return base_.Cwd(); }
  std::string ResolveSymbolicLink(const std::string& path) const override {
    return base_.ResolveSymbolicLink(path);
  }

 private:
  const FileSystem& base_;
  std::map<std::string, std::string> files_;
};

class InMemoryFileSystem final : public FileSystem {
 public:
  explicit InMemoryFileSystem(std::string cwd) : cwd_(std::move(cwd)) {}
  void Add(const std::string& path, std::string text) { files_[path] = std::move(text); }
  bool Read(const std::string& path, std::string* text, std::string* error) const override;
  bool IsFile(const std::string& path) const override { return files_.count(path) > 0; }
  bool IsDir(const std::string& path) const override;
  std::string Cwd() const override { return cwd_; }

 private:
  std::string cwd_;
  std::map<std::string, std::string> files_;
};

// Path helpers with Go's path/filepath semantics on Unix.
std::string CleanPath(std::string_view path);                  // filepath.Clean
std::string JoinPath(std::string_view a, std::string_view b);  // filepath.Join
std::string DirName(std::string_view path);                    // filepath.Dir
std::string BaseName(std::string_view path);                   // filepath.Base
bool IsAbsPath(std::string_view path);
// filepath.Abs relative to `cwd`.
std::string AbsPath(std::string_view path, std::string_view cwd);

}  // namespace stackc::frontend
