// How the process's heap is set up before a command runs.
//
// Loading a project allocates many small nodes; on a virtual machine each first touch of a 4 KiB
// page is a costly fault (about half of `stackc config`'s time on 2,000 services). PrepareHeap
// keeps large blocks on the main heap, reserves it in large steps and asks the kernel to back it
// with transparent huge pages (MADV_HUGEPAGE, honoured when THP is `madvise` or `always`), as
// glibc's `glibc.malloc.hugetlb=1` tunable does. Where the kernel refuses, nothing changes; under
// an address-space or data limit below 2 GiB the heap keeps glibc's defaults.
//
// Example:
//   int main(int argc, char** argv) {
//     stackc::cli::PrepareHeap();
//     ...
//   }
#pragma once

namespace stackc::cli {

// Call once, first thing in main, before any large allocation.
void PrepareHeap();

}  // namespace stackc::cli
