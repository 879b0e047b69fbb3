// A string 16 bytes wide: the scalar texts and mapping keys of the frontend's YAML nodes and of
// ir::Value.
//
// A tree of 4,000 services holds about a million keys and scalars, most of them a few characters
// long and all of them read far more often than written. std::string spends 32 bytes on each of
// them; a CompactString keeps up to 15 characters in its own 16 bytes and a longer one on the heap
// behind a pointer and a 32-bit size. A frontend::Node is 48 bytes instead of 64 and a mapping
// entry 80 instead of 112, so each pass of the loader over the tree touches a quarter fewer cache
// lines. The content is always followed by a '\0', so c_str() is free.
//
// It reads like a std::string_view and is assigned like a std::string. It converts implicitly to
// both, as the std::string it replaces did, so that code which stores a key in a std::string
// container reads as before; the conversion to std::string copies, as that code did.
//
// Example:
//   CompactString key = "image";               // inline, no allocation
//   if (key == "image") Use(key.view());       // compares as a string_view
//   std::string copy = key;                    // a copy, as from a std::string
//   key = std::string(40, 'x');                // now on the heap
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include <fmt/core.h>

namespace stackc::ir {

// clang's -Wdangling-gsl (in the clang-tidy run) then flags a string_view left pointing into a
// temporary CompactString, as it does for std::string.
#if defined(__clang__)
#define STACKC_STRING_OWNER [[gsl::Owner(char)]]
#else
#define STACKC_STRING_OWNER
#endif

class STACKC_STRING_OWNER CompactString {
 public:
  static constexpr size_t kInlineCapacity = 15;

  CompactString() noexcept { SetInlineSize(0); }
  CompactString(std::string_view s) { Init(s); }  // NOLINT(google-explicit-constructor)
  CompactString(const char* s) : CompactString(std::string_view(s)) {}         // NOLINT
  CompactString(const std::string& s) : CompactString(std::string_view(s)) {}  // NOLINT
  CompactString(const CompactString& other) { Init(other.view()); }
  CompactString(CompactString&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.SetInlineSize(0);
  }
  CompactString& operator=(const CompactString& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  CompactString& operator=(CompactString&& other) noexcept {
    if (this != &other) {
      Free();
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      other.SetInlineSize(0);
    }
    return *this;
  }
  CompactString& operator=(std::string_view s) { return assign(s); }
  CompactString& operator=(const char* s) { return assign(std::string_view(s)); }
  CompactString& operator=(const std::string& s) { return assign(std::string_view(s)); }
  ~CompactString() { Free(); }

  // Replaces the content; `s` may point into this string.
  CompactString& assign(std::string_view s) {
    CompactString copy(s);
    *this = std::move(copy);
    return *this;
  }
  CompactString& operator+=(std::string_view s) {
    std::string joined;
    joined.reserve(size() + s.size());
    joined.append(view()).append(s);
    return assign(joined);
  }
  CompactString& operator+=(char c) { return *this += std::string_view(&c, 1); }
  void clear() noexcept {
    Free();
    SetInlineSize(0);
  }

  bool is_inline() const { return Tag() != kHeapTag; }
  size_t size() const { return is_inline() ? kInlineCapacity - Tag() : HeapSize(); }
  size_t length() const { return size(); }
  bool empty() const { return size() == 0; }
  const char* data() const { return is_inline() ? bytes_ : HeapPointer(); }
  const char* c_str() const { return data(); }
  char operator[](size_t i) const { return data()[i]; }
  const char* begin() const { return data(); }
  const char* end() const { return data() + size(); }
  char front() const { return data()[0]; }
  char back() const { return data()[size() - 1]; }

  std::string_view view() const { return {data(), size()}; }
  std::string str() const { return std::string(view()); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  operator std::string() const { return str(); }        // NOLINT(google-explicit-constructor)

  // The std::string_view queries the trees use.
  bool starts_with(std::string_view p) const { return view().starts_with(p); }
  bool starts_with(char c) const { return view().starts_with(c); }
  bool ends_with(std::string_view p) const { return view().ends_with(p); }
  bool ends_with(char c) const { return view().ends_with(c); }
  size_t find(std::string_view s, size_t pos = 0) const { return view().find(s, pos); }
  size_t find(char c, size_t pos = 0) const { return view().find(c, pos); }
  size_t rfind(char c, size_t pos = std::string_view::npos) const { return view().rfind(c, pos); }
  size_t find_first_of(std::string_view s, size_t pos = 0) const {
    return view().find_first_of(s, pos);
  }
  size_t find_first_not_of(std::string_view s, size_t pos = 0) const {
    return view().find_first_not_of(s, pos);
  }
  // A copy, as std::string::substr makes (a view into a string that may move would dangle).
  std::string substr(size_t pos, size_t n = std::string_view::npos) const {
    return std::string(view().substr(pos, n));
  }
  int compare(std::string_view s) const { return view().compare(s); }

  friend bool operator==(const CompactString& a, const CompactString& b) {
    return a.view() == b.view();
  }
  friend bool operator==(const CompactString& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const CompactString& a, const char* b) {
    return a.view() == std::string_view(b);
  }
  friend bool operator==(const CompactString& a, const std::string& b) {
    return a.view() == std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const CompactString& b) {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const CompactString& a, std::string_view b) {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const char* b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const std::string& b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const CompactString& a, std::string_view b) {
    std::string s(a.view());
    s.append(b);
    return s;
  }
  friend std::string operator+(std::string_view a, const CompactString& b) {
    std::string s(a);
    s.append(b.view());
    return s;
  }
  friend std::string operator+(const CompactString& a, const char* b) {
    return a + std::string_view(b);
  }
  friend std::string operator+(const char* a, const CompactString& b) {
    return std::string_view(a) + b;
  }
  friend std::string operator+(const CompactString& a, const std::string& b) {
    return a + std::string_view(b);
  }
  friend std::string operator+(const std::string& a, const CompactString& b) {
    return std::string_view(a) + b;
  }
  friend std::string operator+(const CompactString& a, char b) {
    return a + std::string_view(&b, 1);
  }
  friend std::string operator+(char a, const CompactString& b) {
    return std::string_view(&a, 1) + b;
  }

 private:
  // The last byte tells the representation: 0..15 is an inline string of 15 - tag characters (so
  // a full inline string's tag is its terminating '\0'); kHeapTag is a heap string whose pointer
  // is in the first 8 bytes and its size in the next 4.
  static constexpr unsigned char kHeapTag = 0x80;
  static constexpr size_t kTagIndex = 15;
  static constexpr size_t kSizeOffset = sizeof(char*);

  unsigned char Tag() const { return static_cast<unsigned char>(bytes_[kTagIndex]); }
  void SetInlineSize(size_t n) {
    bytes_[n] = '\0';
    bytes_[kTagIndex] = static_cast<char>(kInlineCapacity - n);
  }
  const char* HeapPointer() const {
    char* p = nullptr;
    std::memcpy(&p, bytes_, sizeof p);
    return p;
  }
  size_t HeapSize() const {
    uint32_t n = 0;
    std::memcpy(&n, bytes_ + kSizeOffset, sizeof n);
    return n;
  }
  void Init(std::string_view s);
  void Free() noexcept {
    if (!is_inline()) delete[] HeapPointer();
  }

  alignas(8) char bytes_[16];
};

static_assert(sizeof(CompactString) == 16);

// The hash of hash maps keyed by std::string that are searched with a CompactString or a
// std::string_view, without building a std::string for each lookup:
//   std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> index;
//   index.find(entry.key.view());
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};

}  // namespace stackc::ir

template <>
struct fmt::formatter<stackc::ir::CompactString> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const stackc::ir::CompactString& s, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};

template <>
struct std::hash<stackc::ir::CompactString> {
  size_t operator()(const stackc::ir::CompactString& s) const noexcept {
    return std::hash<std::string_view>()(s.view());
  }
};
