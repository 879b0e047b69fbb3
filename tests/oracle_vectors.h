// Test helper: the vectors compose-go computed for the unit tests (corpus/frontend/vectors/,
// written by tests/oracle/cmd/vectors: interpolation.json, ports.json, volumes.json). Each file is
// `{..., "vectors": [...]}`; a text that is not valid UTF-8 is written `{"hex": "..."}`.
//
// Example:
//   const nlohmann::json doc = test_vectors::Read("ports.json");
//   for (const nlohmann::json& v : doc["vectors"]) ParsePortSpec(test_vectors::Text(v["in"]));
#pragma once

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace stackc::test_vectors {

// The file parsed; a null document when it is missing or malformed (the caller ASSERTs on it).
inline nlohmann::json Read(const std::string& name) {
  std::ifstream in(std::string(STACKC_SOURCE_DIR) + "/corpus/frontend/vectors/" + name);
  if (!in) return nullptr;
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// A text field: a JSON string, or {"hex": "..."} for bytes that are not UTF-8.
inline std::string Text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  const std::string hex = value.at("hex").get<std::string>();
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

}  // namespace stackc::test_vectors
