// The code a short run executes, mapped in one step.
//
// A `stackc lint` or `stackc config` on a small file runs about 1,200 functions, 1.2 MB of code.
// A static build linked by gold (Release, RelWithDebInfo) places them together at the end of the
// text (gold's --section-ordering-file with cli/link-order.txt, written by
// scripts/gen-link-order.sh), and PrefaultHotText asks the kernel to map that range at once
// (MADV_POPULATE_READ, Linux 5.14) instead of taking a page fault for each 64 KiB of it as the run
// reaches it; on the virtual machines we run on a fault costs 10-20 us. The range runs from
// StackcHotTextBegin, listed first in the order file, to StackcHotTextEnd, listed last. Where the
// kernel refuses, or in a build without the order, nothing changes but the time.
//
// Example:
//   int main(int argc, char** argv) {
//     stackc::cli::PrefaultHotText();
//     ...
//   }
#pragma once

namespace stackc::cli {

// Call once, first thing in main. Advice only: never fails.
void PrefaultHotText();

// Empty functions whose addresses mark the start and the end of the hot code: cli/link-order.txt
// lists them first and last.
extern "C" void StackcHotTextBegin();
extern "C" void StackcHotTextEnd();

}  // namespace stackc::cli
