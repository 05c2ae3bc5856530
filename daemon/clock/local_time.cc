#include "clock/local_time.h"

namespace unsit {
namespace {

// The UTC instant of local midnight of `date` (a normalised struct tm) plus
// `offset`; mktime resolves DST, including a midnight that does not exist.
WallTime LocalDayStart(tm date, std::chrono::minutes offset) {
  date.tm_hour = 0;
  date.tm_min = static_cast<int>(offset.count());
  date.tm_sec = 0;
  date.tm_isdst = -1;
  return WallTime(std::chrono::seconds(mktime(&date)));
}

time_t Seconds(WallTime at) {
  return std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count();
}

std::chrono::seconds OffsetAt(WallTime at) { return std::chrono::seconds(LocalTm(at).tm_gmtoff); }

// The first UTC offset change within a week (and a day, so that an edge a week
// ahead is placed too) after `now.wall`, found to the second by bisection.
// Time zones change their offset at most a few times a year.
void FindOffsetChange(Now& now) {
  WallTime low = now.wall;
  WallTime high = now.wall + std::chrono::days(8);
  const std::chrono::seconds after = OffsetAt(high);
  if (after == now.utc_offset) return;
  while (high - low > std::chrono::seconds(1)) {
    const WallTime middle = low + (high - low) / 2;
    (OffsetAt(middle) == now.utc_offset ? low : high) = middle;
  }
  now.offset_change = std::chrono::floor<std::chrono::seconds>(high);  // the changing second
  now.offset_after = OffsetAt(*now.offset_change);
}

}  // namespace

tm LocalTm(WallTime at) {
  time_t t = Seconds(at);
  tm local{};
  localtime_r(&t, &local);
  return local;
}

std::string FormatLocalDate(WallTime at) {
  tm local = LocalTm(at);
  char text[16];
  strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

Now MakeNow(BootTime boot, WallTime wall, std::chrono::minutes day_starts) {
  using std::chrono::seconds;
  Now now;
  now.boot = boot;
  now.wall = wall;
  now.utc_offset = seconds(LocalTm(wall).tm_gmtoff);

  // The history day is the local date of (local time - day_starts).
  tm day = LocalTm(wall - day_starts);
  now.day_start = LocalDayStart(day, day_starts);
  day.tm_mday += 1;
  now.next_day_start = LocalDayStart(day, day_starts);
  FindOffsetChange(now);
  return now;
}

}  // namespace unsit
