#include "frontend/lazy_regex.h"

#include <utility>

#include <re2/re2.h>

namespace stackc::frontend {

LazyRegex::LazyRegex(std::string source) : source_(std::move(source)) {}
LazyRegex::~LazyRegex() = default;

const re2::RE2* LazyRegex::Get() const {
  std::call_once(once_, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    re_ = std::make_unique<RE2>(source_, options);
  });
  return re_->ok() ? re_.get() : nullptr;
}

const std::string& LazyRegex::Error() const {
  Get();
  return re_->error();
}

}  // namespace stackc::frontend
