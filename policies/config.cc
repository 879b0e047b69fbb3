#include "policies/config.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fnmatch.h>

#include "frontend/lower.h"
#include "frontend/yaml_tree.h"
#include "policies/rule.h"

namespace stackc::policies {
namespace {

namespace fs = std::filesystem;

bool KnownPrefix(std::string_view code) {
  for (const RuleInfo& r : AllRules()) {
    if (r.code.starts_with(code)) return true;
  }
  return false;
}

std::optional<ir::Severity> SeverityNamed(std::string_view s) {
  if (s == "error") return ir::Severity::kError;
  if (s == "warning") return ir::Severity::kWarning;
  if (s == "note") return ir::Severity::kNote;
  return std::nullopt;
}

// A string or a list of strings.
bool Strings(const frontend::Node& n, std::string_view key, std::vector<std::string>* out,
             ir::DiagnosticSink* sink) {
  std::vector<const frontend::Node*> items;
  if (n.is_seq()) {
    for (const frontend::Node& i : n.items) items.push_back(&i);
  } else {
    items.push_back(&n);
  }
  for (const frontend::Node* i : items) {
    if (!i->is_string() || i->text.empty()) {
      sink->Error("CFG001", i->span, fmt::format("{} must be a list of strings", key));
      return false;
    }
    out->push_back(i->text);
  }
  return true;
}

// A rule's level: on, off, or on with a severity (`where` is "" or ".level", for the message).
void Level(const std::string& code, const frontend::Node& n, std::string_view where,
           LintConfig* out, ir::DiagnosticSink* sink) {
  const std::string setting = n.is_scalar() ? n.text.str() : "";
  const std::optional<bool> toggle = n.AsBool();
  if (setting == "on" || (toggle && *toggle)) {
    out->enable.push_back(code);
  } else if (setting == "off" || (toggle && !*toggle)) {
    out->disable.push_back(code);
  } else if (const std::optional<ir::Severity> s = SeverityNamed(setting)) {
    out->enable.push_back(code);
    for (const RuleInfo& rule : AllRules()) {
      if (rule.code.starts_with(code)) out->severity[std::string(rule.code)] = *s;
    }
  } else {
    sink->Error("CFG001", n.span,
                fmt::format("rules.{}{} must be on, off, error, warning or note", code, where));
  }
}

// A rule's options: each a list of strings that the rule declares (RuleInfo::options).
void Options(const std::string& code, const frontend::Node& n, const fs::path& dir, LintConfig* out,
             ir::DiagnosticSink* sink) {
  const RuleInfo* rule = FindRule(code);
  if (rule == nullptr) {
    sink->Error("CFG001", n.span,
                fmt::format("rules.{}.options: options belong to one rule, not to a prefix", code));
    return;
  }
  std::string known;
  for (const RuleOption& o : rule->options)
    known += (known.empty() ? "" : ", ") + std::string(o.name);
  if (!n.is_map()) {
    sink->Error("CFG001", n.span, fmt::format("rules.{}.options must be a mapping", code));
    return;
  }
  for (const frontend::MapEntry& e : n.entries) {
    const auto option = std::find_if(rule->options.begin(), rule->options.end(),
                                     [&](const RuleOption& o) { return o.name == e.key; });
    if (option == rule->options.end()) {
      sink->Error("CFG002", e.key_span,
                  known.empty()
                      ? fmt::format("rule {} takes no options", code)
                      : fmt::format("rule {} has no option '{}' (known: {})", code, e.key, known));
      continue;
    }
    std::vector<std::string> values;
    if (!Strings(e.value, fmt::format("rules.{}.options.{}", code, e.key), &values, sink)) continue;
    if (option->paths) {
      for (std::string& v : values) {
        if (v == "~" || v.starts_with("~/")) continue;  // the home of whoever runs Compose
        v = (fs::path(v).is_absolute() ? fs::path(v) : dir / v).lexically_normal().string();
        while (v.size() > 1 && v.ends_with('/')) v.pop_back();
      }
    }
    out->options[code][e.key.str()] = std::move(values);
  }
}

}  // namespace

LintOptions LintConfig::Apply(LintOptions options) const {
  options.extend_select.insert(options.extend_select.end(), enable.begin(), enable.end());
  options.ignore.insert(options.ignore.end(), disable.begin(), disable.end());
  for (const auto& [code, s] : severity) options.severity.emplace(code, s);
  for (const auto& [code, values] : this->options) options.rule_options[code] = values;
  return options;
}

bool LintConfig::Ignored(const std::string& absolute_path) const {
  for (const std::string& glob : ignore_paths) {
    if (fnmatch(glob.c_str(), absolute_path.c_str(), FNM_PATHNAME) == 0) return true;
  }
  return false;
}

std::string FindConfig(const std::string& dir) {
  std::error_code ec;
  fs::path at = fs::absolute(dir, ec);
  if (ec) return "";
  for (;;) {
    for (const char* name : {".stackc.yaml", ".stackc.yml"}) {
      const fs::path candidate = at / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    if (!at.has_parent_path() || at.parent_path() == at) return "";
    at = at.parent_path();
  }
}

bool ParseConfig(const ir::SourceManager& sm, ir::FileId file, LintConfig* out,
                 ir::DiagnosticSink* sink) {
  out->path = std::string(sm.path(file));
  std::error_code ec;
  const fs::path dir = fs::absolute(out->path, ec).lexically_normal().parent_path();
  const size_t errors = sink->error_count();
  const std::vector<frontend::Node> docs = frontend::ParseYaml(sm, file, *sink, {});
  if (sink->error_count() > errors) return false;
  if (docs.empty() || docs[0].is_null()) return true;  // an empty file configures nothing
  const frontend::Node& root = docs[0];
  if (!root.is_map()) {
    sink->Error("CFG001", root.span, "the configuration must be a mapping");
    return false;
  }
  for (const frontend::MapEntry& e : root.entries) {
    const frontend::Node& v = e.value;
    if (e.key == "rules") {
      if (!v.is_map()) {
        sink->Error("CFG001", v.span,
                    "rules must map rule codes to on, off, error, warning, note or settings");
        continue;
      }
      for (const frontend::MapEntry& r : v.entries) {
        if (!KnownPrefix(r.key)) {
          sink->Error("CFG002", r.key_span,
                      fmt::format("rules: '{}' matches no rule (see `stackc rules`)", r.key));
          continue;
        }
        if (!r.value.is_map()) {
          Level(r.key.str(), r.value, "", out, sink);
          continue;
        }
        for (const frontend::MapEntry& s : r.value.entries) {
          if (s.key == "level") {
            Level(r.key.str(), s.value, ".level", out, sink);
          } else if (s.key == "options") {
            Options(r.key.str(), s.value, dir, out, sink);
          } else {
            sink->Error(
                "CFG002", s.key_span,
                fmt::format("rules.{}: unknown key '{}' (known: level, options)", r.key, s.key));
          }
        }
      }
    } else if (e.key == "ignore-paths") {
      std::vector<std::string> globs;
      if (!Strings(v, "ignore-paths", &globs, sink)) continue;
      for (const std::string& g : globs) {
        out->ignore_paths.push_back(fs::path(g).is_absolute() ? g : (dir / g).string());
      }
    } else if (e.key == "baseline") {
      if (!v.is_string() || v.text.empty()) {
        sink->Error("CFG001", v.span, "baseline must be a file name");
        continue;
      }
      out->baseline =
          fs::path(v.text.str()).is_absolute() ? v.text.str() : (dir / v.text.str()).string();
    } else if (e.key == "policies") {
      out->policies = frontend::LowerValue(v);
    } else {
      sink->Error(
          "CFG002", e.key_span,
          fmt::format("unknown key '{}' (known: rules, ignore-paths, baseline, policies)", e.key));
    }
  }
  return sink->error_count() == errors;
}

}  // namespace stackc::policies
