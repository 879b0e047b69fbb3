#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/loader_impl.h"

namespace stackc::frontend::loader_internal {

bool Loader::FoldEnvFiles(Node& model, bool fold_environment, bool fold_labels,
                          UsedResources* used) {
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  for (MapEntry& s : services->entries) {
    Node& svc = s.value;
    if (!svc.is_map()) continue;
    const bool selected =
        req_.environment_services.empty() ||
        std::find(req_.environment_services.begin(), req_.environment_services.end(), s.key) !=
            req_.environment_services.end();
    if (fold_environment && selected && !FoldServiceEnvironment(svc)) return false;
    if (fold_labels && !FoldServiceLabels(svc)) return false;
    if (used != nullptr) used->Add(svc);
  }
  return true;
}

bool Loader::FoldServiceEnvironment(Node& svc) {
  {
    // service.Environment as a map of optional values, bare keys resolved from the project
    // environment.
    std::map<std::string, std::optional<std::string>> environment;
    // Where each variable was set (its key, its list item, or the env_file entry it came from) and
    // where its value was written, so the folded environment still points into the user's files.
    std::map<std::string, std::pair<ir::Span, ir::Span>> spans;
    if (const Node* env = svc.Find("environment")) {
      if (env->is_map()) {
        for (const MapEntry& e : env->entries) {
          if (e.value.is_null()) {
            environment[e.key] = std::nullopt;
          } else {
            environment[e.key] = e.value.SprintValue();
          }
          spans[e.key] = {e.key_span, e.value.span};
        }
      } else if (env->is_seq()) {
        for (const Node& e : env->items) {
          const std::string t = e.GoString();
          const size_t eq = t.find('=');
          if (eq == std::string::npos) {
            environment[t] = std::nullopt;
            spans[t] = {e.span, e.span};
          } else {
            environment[t.substr(0, eq)] = t.substr(eq + 1);
            spans[t.substr(0, eq)] = {e.span, e.span};
          }
        }
      }
    }
    for (auto& [k, v] : environment) {
      if (!v) v = Lookup(k);
    }
    const Node* env_files = svc.Find("env_file");
    if (env_files && env_files->is_seq()) {
      EnvMap values;
      EnvSpans written;  // where the env files write each value (a later file wins, as values do)
      for (auto& [k, v] : environment) {
        if (v) values[k] = *v;
      }
      for (const Node& ef : env_files->items) {
        if (!ef.is_map()) continue;
        const Node* path = ef.Find("path");
        if (!path) continue;
        const Node* required = ef.Find("required");
        const bool req = !required || required->AsBool().value_or(true);
        const Node* format = ef.Find("format");
        if (!fs_.IsFile(path->text) && !fs_.IsDir(path->text)) {
          if (req) {
            Error(path->span,
                  fmt::format("env file {} not found: stat {}: no such file or directory",
                              path->text, path->text));
            return false;
          }
          continue;
        }
        EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
          if (auto v = Lookup(k)) return v;
          auto it = environment.find(std::string(k));
          if (it != environment.end() && it->second) return it->second;
          return std::nullopt;
        };
        if (!ReadEnvFile(path->text, lookup, &values, format && format->text == "raw", false,
                         &written)) {
          return false;
        }
      }
      for (auto& [k, v] : values) {
        auto it = environment.find(k);
        if (it == environment.end()) {
          environment[k] = v;
          // The line of the env file that sets it; a key set only by the lookup of an earlier
          // file keeps the env_file entry.
          auto w = written.find(k);
          spans[k] = w != written.end() ? w->second : std::pair{env_files->span, env_files->span};
        }
      }
    }
    if (req_.discard_env_files) svc.Erase("env_file");
    if (!environment.empty() || svc.Find("environment")) {
      Node env = Node::Map(svc.Find("environment") ? svc.Find("environment")->span : ir::Span{});
      for (auto& [k, v] : environment) {
        const auto& [key_span, value_span] = spans[k];
        env.entries.push_back(
            MapEntry{k, key_span, v ? Node::String(*v, value_span) : Node::Null(value_span)});
      }
      svc.Set("environment", std::move(env));
    }
  }
  return true;
}

bool Loader::FoldServiceLabels(Node& svc) {
  {
    if (const Node* lfs = svc.Find("label_file"); lfs && lfs->is_seq()) {
      EnvMap labels;
      for (const Node& lf : lfs->items) {
        if (!fs_.IsFile(lf.text)) {
          Error(lf.span, fmt::format("label file {} not found: stat {}: no such file or directory",
                                     lf.text, lf.text));
          return false;
        }
        EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
          auto it = labels.find(std::string(k));
          if (it != labels.end()) return it->second;
          return std::nullopt;
        };
        if (!ReadEnvFile(lf.text, lookup, &labels, false, false)) return false;
      }
      if (const Node* own = svc.Find("labels")) {
        if (own->is_map()) {
          for (const MapEntry& e : own->entries)
            labels[e.key] = e.value.is_null() ? "" : e.value.SprintValue();
        } else if (own->is_seq()) {
          for (const Node& e : own->items) {
            const std::string t = e.GoString();
            const size_t eq = t.find('=');
            labels[t.substr(0, eq)] = eq == std::string::npos ? "" : t.substr(eq + 1);
          }
        }
      }
      if (!labels.empty()) {
        Node m = Node::Map();
        for (auto& [k, v] : labels) m.entries.push_back(MapEntry{k, {}, Node::String(v)});
        svc.Set("labels", std::move(m));
      }
      // compose-go resolves labels without discarding label_file: it stays in the output.
    }
  }
  return true;
}

}  // namespace stackc::frontend::loader_internal
