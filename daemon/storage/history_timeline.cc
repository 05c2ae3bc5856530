#include "storage/history_timeline.h"

#include <algorithm>

#include "storage/day_tally.h"
#include "storage/open_db.h"
#include "storage/sqlite_util.h"

namespace unsit {
namespace {

using std::chrono::milliseconds;

// How far back a bout or break may have begun and still reach into the first day.
constexpr milliseconds kLongest = std::chrono::days(7);

WallTime At(std::int64_t ms) { return WallTime(milliseconds(ms)); }

// The days whose range `span` overlaps, oldest first, as indices.
template <typename Add>
void ForDaysOf(std::vector<DayTimeline>& days, TimeSpan span, Add add) {
  auto first = std::upper_bound(days.begin(), days.end(), span.start,
                                [](WallTime t, const DayTimeline& d) { return t < d.end; });
  for (auto day = first; day != days.end() && day->day.day_start < span.end; ++day) add(*day);
}

void AddBout(std::vector<DayTimeline>& days, TimelineBout bout) {
  if (bout.span.end <= bout.span.start) return;
  ForDaysOf(days, bout.span, [&](DayTimeline& day) { day.bouts.push_back(bout); });
}

Status ReadBouts(sqlite3* db, std::vector<DayTimeline>& days) {
  return sql::ForEachRow(db,
                         "SELECT start_wall, length_ms, limit_wall FROM bouts "
                         "WHERE start_wall >= ?1 AND start_wall < ?2 ORDER BY start_wall",
                         days.front().day.day_start - kLongest, days.back().end, "history bouts",
                         [&](const sql::Stmt& row) {
                           std::optional<WallTime> limit;
                           if (auto at = row.MaybeInt(2)) limit = At(*at);
                           WallTime start = At(row.Int(0));
                           AddBout(days, {{start, start + milliseconds(row.Int(1))}, limit});
                         });
}

Status ReadOpenBout(sqlite3* db, std::vector<DayTimeline>& days) {
  auto stmt = sql::Prepare(db, "SELECT start_wall, last_seen_boot - start_boot FROM open_bout");
  if (!stmt.ok()) return stmt.error();
  int rc = stmt->Step();
  if (rc == SQLITE_ROW) {
    WallTime start = At(stmt->Int(0));
    AddBout(days, {{start, start + milliseconds(stmt->Int(1))}, std::nullopt});
  } else if (rc != SQLITE_DONE) {
    return sql::SqlError(db, rc, "Cannot read the open bout");
  }
  return Ok{};
}

Status ReadBreaks(sqlite3* db, std::vector<DayTimeline>& days, WallTime now) {
  return sql::ForEachRow(db,
                         "SELECT start_wall, length_ms FROM breaks "
                         "WHERE start_wall >= ?1 AND start_wall < ?2 ORDER BY start_wall",
                         days.front().day.day_start - kLongest, days.back().end, "history breaks",
                         [&](const sql::Stmt& row) {
                           WallTime start = At(row.Int(0));
                           auto length = row.MaybeInt(1);
                           TimeSpan span{start, length ? start + milliseconds(*length) : now};
                           if (span.end <= span.start) return;
                           ForDaysOf(days, span,
                                     [&](DayTimeline& day) { day.breaks.push_back(span); });
                         });
}

Status ReadReminders(sqlite3* db, std::vector<DayTimeline>& days) {
  return sql::ForEachRow(
      db,
      "SELECT shown_wall, times_shown, outcome FROM reminders "
      "WHERE shown_wall >= ?1 AND shown_wall < ?2 AND times_shown > 0 ORDER BY shown_wall",
      days.front().day.day_start, days.back().end, "history reminders", [&](const sql::Stmt& row) {
        TimelineReminder reminder{At(row.Int(0)), static_cast<int>(row.Int(1)), row.Text(2)};
        ForDaysOf(days, {reminder.shown, reminder.shown + milliseconds(1)},
                  [&](DayTimeline& day) { day.reminders.push_back(reminder); });
      });
}

}  // namespace

Result<std::vector<DayTimeline>> ReadTimelines(const std::string& db_path, const Now& now,
                                               int days) {
  std::vector<storage::DayRange> ranges = storage::LastDays(now, days, storage::DayStartsOf(now));
  auto db = storage::OpenForReading(db_path);
  if (!db.ok()) return db.error();
  auto totals = storage::TallyDays(db->get(), ranges, /*include_open=*/true);
  if (!totals.ok()) return totals.error();
  std::vector<DayTimeline> timelines;
  timelines.reserve(ranges.size());
  for (size_t i = 0; i < ranges.size(); ++i) {
    timelines.push_back(DayTimeline{std::move((*totals)[i]), ranges[i].end, {}, {}, {}});
  }
  if (*db == nullptr || timelines.empty()) return timelines;
  if (Status s = ReadBouts(db->get(), timelines); !s.ok()) return s.error();
  if (Status s = ReadOpenBout(db->get(), timelines); !s.ok()) return s.error();
  if (Status s = ReadBreaks(db->get(), timelines, now.wall); !s.ok()) return s.error();
  if (Status s = ReadReminders(db->get(), timelines); !s.ok()) return s.error();
  return timelines;
}

}  // namespace unsit
