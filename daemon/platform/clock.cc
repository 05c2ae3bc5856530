#include "platform/clock.h"

#include <time.h>

namespace unsit {
namespace {

Duration Read(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return std::chrono::duration_cast<Duration>(std::chrono::seconds(ts.tv_sec) +
                                              std::chrono::nanoseconds(ts.tv_nsec));
}

// The UTC instant of local midnight of `date` (a normalised struct tm) plus
// `offset`; mktime resolves DST, including a midnight that does not exist.
WallTime LocalDayStart(tm date, std::chrono::minutes offset) {
  date.tm_hour = 0;
  date.tm_min = static_cast<int>(offset.count());
  date.tm_sec = 0;
  date.tm_isdst = -1;
  return WallTime(std::chrono::seconds(mktime(&date)));
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

std::string FormatLocalDate(WallTime at) {
  time_t t = std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count();
  tm local{};
  localtime_r(&t, &local);
  char text[16];
  strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

Now MakeNow(BootTime boot, WallTime wall, std::chrono::minutes day_starts) {
  using std::chrono::seconds;
  Now now;
  now.boot = boot;
  now.wall = wall;
  time_t t = std::chrono::floor<seconds>(wall).time_since_epoch().count();
  tm local{};
  localtime_r(&t, &local);
  now.utc_offset = seconds(local.tm_gmtoff);

  // The history day is the local date of (local time - day_starts).
  time_t shifted = t - static_cast<time_t>(std::chrono::duration_cast<seconds>(day_starts).count());
  tm day{};
  localtime_r(&shifted, &day);
  now.day_start = LocalDayStart(day, day_starts);
  day.tm_mday += 1;
  now.next_day_start = LocalDayStart(day, day_starts);
  return now;
}

}  // namespace unsit
