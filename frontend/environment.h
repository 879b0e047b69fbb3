// The interpolation environment: the variables `${VAR}` in a compose file or a .env file is
// resolved against.
//
// An Environment is a plain ordered map name -> value (the OS environment merged with .env files,
// built by the loader); an EnvLookup is the function form interpolation and the .env parser take,
// so that callers can layer several sources (OS first, then keys already read) without copying
// maps. A lookup distinguishes an unset variable (nullopt) from one set to the empty string.
//
// Example:
//   Environment env({{"HOME", "/root"}, {"EMPTY", ""}});
//   env.Find("HOME");            // "/root"
//   env.Find("EMPTY");           // "" (set, empty)
//   env.Find("NOPE");            // nullopt
//   EnvLookup lookup = env.AsLookup();   // refers to `env`, which must outlive it
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace stackc::frontend {

// Resolves one variable name; nullopt when the variable is not set.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

class Environment {
 public:
  using Map = std::map<std::string, std::string, std::less<>>;

  Environment() = default;
  explicit Environment(Map values) : values_(std::move(values)) {}
  Environment(std::initializer_list<Map::value_type> values) : values_(values) {}

  // The value of `name`, or nullopt when it is not set. The view lives as long as the entry.
  std::optional<std::string_view> Find(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return std::string_view(it->second);
  }
  bool Contains(std::string_view name) const { return values_.find(name) != values_.end(); }
  // Sets `name`, replacing any value.
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
  // Sets `name` only when it is not set yet (how .env files fill the OS environment); true when
  // set.
  bool SetIfAbsent(std::string name, std::string value) {
    return values_.try_emplace(std::move(name), std::move(value)).second;
  }

  const Map& values() const { return values_; }
  size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }

  // A lookup reading this environment by reference.
  EnvLookup AsLookup() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      if (auto v = Find(name)) return std::string(*v);
      return std::nullopt;
    };
  }

 private:
  Map values_;
};

}  // namespace stackc::frontend
