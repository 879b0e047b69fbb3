// SchemaValidator::ComposeSpec and SharedSchema: the Compose schema as the build compiled it
// (schema_bake.cc). Kept apart from schema.cc so that the build-time tool, which links schema.cc,
// does not need the bytes it is making.
#include <utility>

#include "frontend/schema.h"

namespace stackc::frontend {

std::unique_ptr<SchemaValidator> SchemaValidator::ComposeSpec(std::string* error) {
  return Deserialize(ComposeSpecCompiled(), error);
}

SharedSchema::SharedSchema(std::unique_ptr<SchemaValidator> schema) : schema_(std::move(schema)) {
  std::call_once(once_, [] {});
}

SharedSchema::~SharedSchema() = default;

const SchemaValidator* SharedSchema::Get(std::string* error) const {
  std::call_once(once_, [this] { schema_ = SchemaValidator::ComposeSpec(&error_); });
  if (!schema_) *error = error_;
  return schema_.get();
}

}  // namespace stackc::frontend
