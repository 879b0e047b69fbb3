#include "ir/compact_string.h"

#include <limits>
#include <stdexcept>

namespace stackc::ir {

void CompactString::Init(std::string_view s) {
  if (s.size() <= kInlineCapacity) {
    if (!s.empty()) std::memcpy(bytes_, s.data(), s.size());
    SetInlineSize(s.size());
    return;
  }
  // The loader caps its input far below this; a larger string is a programming error, reported as
  // std::string reports one beyond its max_size().
  if (s.size() >= std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("CompactString: string of 4 GiB or more");
  }
  char* p = new char[s.size() + 1];
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  const auto n = static_cast<uint32_t>(s.size());
  std::memcpy(bytes_, &p, sizeof p);
  std::memcpy(bytes_ + kSizeOffset, &n, sizeof n);
  bytes_[kTagIndex] = static_cast<char>(kHeapTag);
}

}  // namespace stackc::ir
