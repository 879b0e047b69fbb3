#include "runner/shared_library.h"

#include <dlfcn.h>

namespace stackc::runner {

SharedLibrary::~SharedLibrary() {
  if (handle_ != nullptr) dlclose(handle_);
}

bool SharedLibrary::Open(std::initializer_list<const char*> names, std::string* error) {
  std::string why;
  for (const char* name : names) {
    handle_ = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle_ != nullptr) {
      name_ = name;
      return true;
    }
    const char* e = dlerror();
    if (why.empty() && e != nullptr) why = e;
  }
  *error = "cannot load " + std::string(*names.begin()) + ": " + (why.empty() ? "not found" : why);
  return false;
}

void* SharedLibrary::Find(const char* symbol) const {
  return handle_ == nullptr ? nullptr : dlsym(handle_, symbol);
}

}  // namespace stackc::runner
