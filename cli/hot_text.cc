#include "cli/hot_text.h"

#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22  // Linux 5.14; glibc's headers name it from 2.35 on
#endif

namespace stackc::cli {

extern "C" __attribute__((noinline, used)) void StackcHotTextBegin() {
  asm volatile("");  // not folded with another empty function
}

extern "C" __attribute__((noinline, used)) void StackcHotTextEnd() {
  asm volatile("");  // not folded with another empty function
}

void PrefaultHotText() {
#if defined(STACKC_LINK_ORDER)
  const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = reinterpret_cast<uintptr_t>(&StackcHotTextBegin) & ~(page - 1);
  const uintptr_t end = reinterpret_cast<uintptr_t>(&StackcHotTextEnd);
  // Only when the order put the markers a few MB apart (a missing order leaves them anywhere).
  constexpr uintptr_t kMaxHot = uintptr_t{4} << 20;
  if (end > begin && end - begin <= kMaxHot) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_READ);
  }
#endif
}

}  // namespace stackc::cli
