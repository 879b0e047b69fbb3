// A shared library loaded at run time (dlopen), for the libraries only some commands need:
// libcurl (talking to an Engine) and libarchive (copying files into containers). Loading them at
// process start would cost every command, `config` included (ARCHITECTURE.md, start-up).
//
// Example:
//   SharedLibrary lib;
//   decltype(&curl_easy_init) init = nullptr;
//   if (!lib.Open({"libcurl.so.4"}, &error) || !lib.Resolve("curl_easy_init", &init, &error))
//     return Fail(error);   // "cannot load libcurl.so.4: ..."
#pragma once

#include <initializer_list>
#include <string>

namespace stackc::runner {

class SharedLibrary {
 public:
  SharedLibrary() = default;
  ~SharedLibrary();
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // Opens the first of `names` that loads; false with `error` set when none does.
  bool Open(std::initializer_list<const char*> names, std::string* error);

  // Sets `*fn` to the symbol; false with `error` set when it is missing.
  template <typename Fn>
  bool Resolve(const char* symbol, Fn* fn, std::string* error) {
    *fn = reinterpret_cast<Fn>(Find(symbol));
    if (*fn != nullptr) return true;
    *error = "cannot load " + name_ + ": missing " + symbol;
    return false;
  }

 private:
  void* Find(const char* symbol) const;

  void* handle_ = nullptr;
  std::string name_;
};

}  // namespace stackc::runner
