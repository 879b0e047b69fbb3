#include "frontend/schema.h"

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

TEST(SchemaTest, Compiles) {
  std::string error;
  auto v = SchemaValidator::ComposeSpec(&error);
  ASSERT_NE(v, nullptr) << error;
}

}  // namespace
}  // namespace stackc::frontend
