// Time, behind an interface, for the runner's waits: the real clock, and a fake one that tests
// advance by hand.
//
// Example:
//   RealClock clock;
//   const int64_t deadline = clock.NowMs() + 60'000;
//   while (clock.NowMs() < deadline) clock.SleepMs(250);
#pragma once

#include <atomic>
#include <cstdint>

namespace stackc::runner {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMs() = 0;
  virtual void SleepMs(int ms) = 0;
};

class RealClock final : public Clock {
 public:
  int64_t NowMs() override;
  void SleepMs(int ms) override;
};

// Sleeping advances the time at once (for every thread that shares the clock).
class FakeClock final : public Clock {
 public:
  int64_t NowMs() override { return now_ms_.load(); }
  void SleepMs(int ms) override { now_ms_ += ms; }

 private:
  std::atomic<int64_t> now_ms_{0};
};

}  // namespace stackc::runner
