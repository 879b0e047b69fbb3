#include "frontend/file_system.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace stackc::frontend {

bool RealFileSystem::Read(const std::string& path, std::string* text, std::string* error) const {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = "is a directory";
    return false;
  }
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes_) {
    *error = "file too large";
    return false;
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = std::strerror(errno);
    return false;
  }
  text->clear();
  if (S_ISREG(st.st_mode)) text->reserve(static_cast<size_t>(st.st_size));  // grows once
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text->append(buf, n);
    if (text->size() > max_bytes_) {
      std::fclose(f);
      *error = "file too large";
      return false;
    }
  }
  std::fclose(f);
  return true;
}

bool RealFileSystem::IsFile(const std::string& path) const {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
}

bool RealFileSystem::IsDir(const std::string& path) const {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string RealFileSystem::Cwd() const {
  // As Go's os.Getwd: $PWD when it names the current directory (it keeps the symlinks the user went
  // through), else the physical path.
  if (const char* pwd = std::getenv("PWD"); pwd && pwd[0] == '/') {
    struct stat a;
    struct stat b;
    if (stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
      return pwd;
    }
  }
  std::vector<char> buf(4096);
  if (getcwd(buf.data(), buf.size()) == nullptr) return "/";
  return buf.data();
}

std::string RealFileSystem::ResolveSymbolicLink(const std::string& path) const {
  std::string current = IsAbsPath(path) ? "/" : "";
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) {
      current = JoinPath(current, std::string_view(path).substr(i, j - i));
      struct stat st;
      if (lstat(current.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        char* resolved = realpath(current.c_str(), nullptr);
        if (resolved == nullptr) return path;
        std::string target = resolved;
        std::free(resolved);
        std::string out = path;
        out.replace(out.find(current), current.size(), target);
        return out;
      }
    }
    i = j + 1;
  }
  return path;
}

bool InMemoryFileSystem::Read(const std::string& path, std::string* text,
                              std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    *error = IsDir(path) ? "is a directory" : "no such file or directory";
    return false;
  }
  *text = it->second;
  return true;
}

bool InMemoryFileSystem::IsDir(const std::string& path) const {
  const std::string prefix = path == "/" ? "/" : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.starts_with(prefix);
}

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part == ".") {
      // skip
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.empty()) return ".";
  return out;
}

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty()) return b.empty() ? "" : CleanPath(b);
  if (b.empty()) return CleanPath(a);
  std::string joined(a);
  joined += '/';
  joined += b;
  return CleanPath(joined);
}

std::string DirName(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return CleanPath(path.substr(0, slash + 1));
}

std::string BaseName(std::string_view path) {
  if (path.empty()) return ".";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  if (slash != std::string_view::npos && path.size() > 1) path = path.substr(slash + 1);
  return std::string(path);
}

bool IsAbsPath(std::string_view path) { return !path.empty() && path[0] == '/'; }

std::string AbsPath(std::string_view path, std::string_view cwd) {
  if (IsAbsPath(path)) return CleanPath(path);
  return JoinPath(cwd, path);
}

}  // namespace stackc::frontend
