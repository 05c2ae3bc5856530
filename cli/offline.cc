#include "offline.h"

#include <time.h>

#include <chrono>
#include <ctime>

#include "protocol/day_json.h"
#include "storage/history_reader.h"

namespace unsit::cli {
namespace {

// Local midnight of the day `offset_days` after the one containing `t`.
WallTime LocalMidnight(std::time_t t, int offset_days) {
  std::tm tm{};
  localtime_r(&t, &tm);
  tm.tm_mday += offset_days;
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_isdst = -1;
  return WallTime(std::chrono::seconds(std::mktime(&tm)));
}

}  // namespace

Now ReadOfflineNow() {
  timespec boot{};
  clock_gettime(CLOCK_BOOTTIME, &boot);
  Now now;
  now.boot = BootTime(std::chrono::seconds(boot.tv_sec) +
                      std::chrono::duration_cast<Duration>(std::chrono::nanoseconds(boot.tv_nsec)));
  now.wall = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  now.utc_offset = std::chrono::seconds(tm.tm_gmtoff);
  now.day_start = LocalMidnight(t, 0);
  now.next_day_start = LocalMidnight(t, 1);
  return now;
}

Result<protocol::Json> ReadDaysOffline(int days) {
  auto read = ReadHistoryDays(DefaultHistoryPath(), ReadOfflineNow(), days);
  if (!read) return read.error();
  protocol::Json list = protocol::Json::array();
  for (const DayView& day : *read) list.push_back(protocol::DayJson(day));
  return list;
}

}  // namespace unsit::cli
