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
  return now;
}

}  // namespace unsit
