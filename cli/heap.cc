#include "cli/heap.h"

#include <cstdint>
#include <cstdlib>
#include <initializer_list>

#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

namespace stackc::cli {
void PrepareHeap() {
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE) && !defined(STACKC_FULL_TEARDOWN)
  // Virtual reservation per heap extension; only touched pages cost memory.
  constexpr size_t kHeapStep = size_t{256} << 20;
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  // Large blocks on the heap too (not one mmap each), never trimmed back while we run, and the
  // heap grown in big steps so that one advice covers it.
  // Each extension reserves kHeapStep more than it needs: under a finite RLIMIT_AS or RLIMIT_DATA
  // below a few steps (a sandbox, `ulimit -v`), that reservation fails and so would every
  // allocation after it. There the heap keeps glibc's defaults.
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        limit.rlim_cur < 8 * kHeapStep) {
      return;
    }
  }
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapStep / 2));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kHeapStep * 2));
  // Start-up (the C++ runtime, static objects) has already made a first heap of about 132 KiB on
  // 4 KiB pages, mostly unused. When the break moves below, malloc keeps that unused rest as a
  // free chunk and serves the next allocations from it, a fault per page: 13 of a small run's 175.
  // Taking the rest now (malloc writes a header at its end, in a page start-up has touched; the
  // rest stays untouched, no memory) sends them to the advised heap. The 64 bytes left keep the
  // request below the top chunk's size, so that malloc splits it rather than grows it.
#if __GLIBC_PREREQ(2, 33)  // mallinfo2
  constexpr size_t kTopLeft = 64;
  if (const size_t top = mallinfo2().keepcost; top > 2 * kTopLeft) {
    void* rest = std::malloc(top - kTopLeft);
    asm volatile("" : : "r"(rest) : "memory");  // kept to the end, like the process's heap
  }
#endif
  mallopt(M_TOP_PAD, static_cast<int>(kHeapStep));
  // malloc writes a chunk header where its heap extension begins and another where the probe
  // ends, and a 2 MiB range touched before the advice stays on 4 KiB pages, a fault per page:
  // about 100 of a small run's 250 were the heap's first partial huge page. So the break is
  // first moved to one page below a 2 MiB boundary: the headers of the extension and, after the
  // free, of the top chunk fall in that page, and the heap above the boundary is untouched when
  // advised. The skipped range (under 2 MiB) is never touched, so it costs no memory; malloc
  // counts it as its own (mallinfo), and it counts against RLIMIT_DATA.
  constexpr uintptr_t kPage = 4096;
  auto* before = static_cast<char*>(sbrk(0));
  if (before != reinterpret_cast<char*>(-1)) {
    const uintptr_t at = reinterpret_cast<uintptr_t>(before);
    const uintptr_t gap = ((at + kPage + kHugePage - 1) & ~(kHugePage - 1)) - kPage - at;
    if (gap != 0 && sbrk(static_cast<intptr_t>(gap)) != reinterpret_cast<void*>(-1)) {
      before += gap;
    }
  }
  // Larger than what start-up left on the heap, so it grows the heap by kHeapStep and more; large,
  // so that the header malloc writes where it ends lies beyond what most runs use. Under a tight
  // RLIMIT_DATA a smaller probe still gets the advice for what it reserves.
  void* probe = std::malloc(size_t{64} << 20);
  if (probe == nullptr) probe = std::malloc(size_t{4} << 20);
  asm volatile("" : : "r"(probe) : "memory");  // the compiler may not elide the pair
  auto* after = static_cast<char*>(sbrk(0));
  std::free(probe);
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = reinterpret_cast<uintptr_t>(after) & ~(kHugePage - 1);
  if (before != reinterpret_cast<char*>(-1) && end > begin) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice only
  }
#endif
}

}  // namespace stackc::cli
