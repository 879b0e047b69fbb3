// SchemaValidator::ComposeSpec: the Compose schema as the build compiled it (schema_bake.cc). Kept
// apart from schema.cc so that the build-time tool, which links schema.cc, does not need the bytes
// it is making.
#include "frontend/schema.h"

namespace stackc::frontend {

std::unique_ptr<SchemaValidator> SchemaValidator::ComposeSpec(std::string* error) {
  return Deserialize(ComposeSpecCompiled(), error);
}

}  // namespace stackc::frontend
