// SchemaValidator::ComposeSpec and SharedSchema: the Compose schema as the build compiled it
// (schema_bake.cc). Kept
// apart from schema.cc so that the build-time tool, which links schema.cc, does not need the bytes
// it is making.
#include "frontend/schema.h"

namespace stackc::frontend {

std::unique_ptr<SchemaValidator> SchemaValidator::ComposeSpec(std::string* error) {
  return Deserialize(ComposeSpecCompiled(), error);
}

const SchemaValidator* SharedSchema::Get(std::string* error) {
  if (!read_) {
    schema_ = SchemaValidator::ComposeSpec(&error_);
    read_ = true;
  }
  if (!schema_) *error = error_;
  return schema_.get();
}

}  // namespace stackc::frontend
