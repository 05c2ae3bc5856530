#include "offline.h"

#include "clock/clock.h"
#include "protocol/day_json.h"
#include "storage/history_reader.h"

namespace unsit::cli {

Result<Now> ReadOfflineNow(const std::string& path) {
  // Days split where the daemon that wrote the file splits them.
  auto day_starts = ReadHistoryDayStarts(path);
  if (!day_starts) return day_starts.error();
  return ReadNow(*day_starts);
}

Result<protocol::Json> ReadDaysOffline(int days) {
  const std::string path = DefaultHistoryPath();
  auto now = ReadOfflineNow(path);
  if (!now) return now.error();
  auto read = ReadHistoryDays(path, *now, days);
  if (!read) return read.error();
  protocol::Json list = protocol::Json::array();
  for (const DayView& day : *read) list.push_back(protocol::DayJson(day));
  return list;
}

}  // namespace unsit::cli
