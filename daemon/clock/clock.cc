#include "clock/clock.h"

#include <time.h>

namespace unsit {
namespace {

Duration Read(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return std::chrono::duration_cast<Duration>(std::chrono::seconds(ts.tv_sec) +
                                              std::chrono::nanoseconds(ts.tv_nsec));
}

}  // namespace

BootTime ReadBootClock() { return BootTime(Read(CLOCK_BOOTTIME)); }

Duration ReadMonotonicClock() { return Read(CLOCK_MONOTONIC); }

BootTime MonotonicToBoot(Duration monotonic, BootTime boot_now, Duration monotonic_now) {
  return boot_now - (monotonic_now - monotonic);
}

Duration SuspendedSoFar() { return Read(CLOCK_BOOTTIME) - Read(CLOCK_MONOTONIC); }

Now ReadNow(std::chrono::minutes day_starts) {
  BootTime boot = ReadBootClock();
  WallTime wall(Read(CLOCK_REALTIME));
  return MakeNow(boot, wall, day_starts);
}

}  // namespace unsit
