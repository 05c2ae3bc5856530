#include "storage/day_tally.h"

#include <time.h>

#include <algorithm>
#include <optional>

#include "clock/local_time.h"
#include "core/model.h"
#include "storage/sqlite_util.h"

namespace unsit::storage {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// How far back a bout may have begun and still reach into the first day.
constexpr milliseconds kLongestBout = std::chrono::days(7);

// Finds the day that holds an instant, and splits sitting at day and hour ends.
class Tally {
 public:
  explicit Tally(const std::vector<DayRange>& days) : days_(days) {
    views_.reserve(days.size());
    fixed_offset_.reserve(days.size());
    for (const DayRange& day : days) {
      tm first = LocalTm(day.start);
      views_.push_back(DayView{day.start, FormatLocalDate(day.start), {}});
      // A day that starts and ends with the same UTC offset has no DST change
      // inside (they are months apart), so one offset serves the whole day.
      seconds offset(first.tm_gmtoff);
      bool fixed = offset == seconds(LocalTm(day.end - milliseconds(1)).tm_gmtoff);
      fixed_offset_.push_back(fixed ? std::optional<seconds>(offset) : std::nullopt);
    }
  }

  void AddBout(WallTime start, Duration length, std::optional<WallTime> limit) {
    WallTime end = start + length;
    WallTime t = std::max(start, days_.front().start);
    int last_day = -1;
    Duration in_day{0};
    while (t < end && t < days_.back().end) {
      int day = DayOf(t);
      if (day != last_day) {
        CloseBoutPart(last_day, in_day);
        last_day = day;
        in_day = Duration{0};
      }
      // AddSitting spreads a piece over the hours with one offset: on a DST day
      // the pieces stop at each local hour, each with its own offset.
      std::optional<seconds> fixed = fixed_offset_[Index(day)];
      seconds offset = fixed ? *fixed : seconds(LocalTm(t).tm_gmtoff);
      WallTime piece_end = std::min(end, days_[Index(day)].end);
      if (!fixed) piece_end = std::min(piece_end, NextLocalHour(t, offset));
      AddSitting(views_[Index(day)].totals, t, piece_end - t, offset);
      in_day += piece_end - t;
      t = piece_end;
    }
    CloseBoutPart(last_day, in_day);
    if (limit) {
      if (DayTotals* totals = At(*limit)) ++totals->long_bouts;
    }
  }

  // Standing is split at day ends only (it has no hours of its own).
  void AddStanding(WallTime start, Duration length) {
    const WallTime end = start + length;
    WallTime t = std::max(start, days_.front().start);
    while (t < end && t < days_.back().end) {
      const size_t day = Index(DayOf(t));
      const WallTime piece_end = std::min(end, days_[day].end);
      views_[day].totals.standing += piece_end - t;
      t = piece_end;
    }
  }

  // Null when `t` falls outside the days.
  DayTotals* At(WallTime t) {
    if (t < days_.front().start || t >= days_.back().end) return nullptr;
    return &views_[Index(DayOf(t))].totals;
  }

  std::vector<DayView> Take() { return std::move(views_); }

 private:
  static size_t Index(int day) { return static_cast<size_t>(day); }

  int DayOf(WallTime t) const {
    auto after = std::upper_bound(days_.begin(), days_.end(), t,
                                  [](WallTime w, const DayRange& d) { return w < d.start; });
    return static_cast<int>(after - days_.begin()) - 1;
  }

  static WallTime NextLocalHour(WallTime t, seconds offset) {
    WallTime local = t + offset;
    return std::chrono::floor<hours>(local) + hours(1) - offset;
  }

  void CloseBoutPart(int day, Duration in_day) {
    if (day < 0 || in_day <= Duration{0}) return;
    DayTotals& totals = views_[Index(day)].totals;
    ++totals.bouts;
    totals.longest_bout = std::max(totals.longest_bout, in_day);
  }

  const std::vector<DayRange>& days_;
  std::vector<DayView> views_;
  std::vector<std::optional<seconds>> fixed_offset_;
};

Status AddBouts(sqlite3* db, Tally& tally, const std::vector<DayRange>& days) {
  return sql::ForEachRow(db,
                         "SELECT start_wall, length_ms, limit_wall FROM bouts "
                         "WHERE start_wall >= ?1 AND start_wall < ?2",
                         days.front().start - kLongestBout, days.back().end, "history bouts",
                         [&](const sql::Stmt& row) {
                           std::optional<WallTime> limit;
                           if (auto at = row.MaybeInt(2)) limit = WallTime(milliseconds(*at));
                           tally.AddBout(WallTime(milliseconds(row.Int(0))),
                                         milliseconds(row.Int(1)), limit);
                         });
}

Status AddOpenBout(sqlite3* db, Tally& tally) {
  auto stmt = sql::Prepare(db, "SELECT start_wall, last_seen_boot - start_boot FROM open_bout");
  if (!stmt.ok()) return stmt.error();
  int rc = stmt->Step();
  if (rc == SQLITE_ROW && stmt->Int(1) > 0) {
    tally.AddBout(WallTime(milliseconds(stmt->Int(0))), milliseconds(stmt->Int(1)), std::nullopt);
  } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return sql::SqlError(db, rc, "Cannot read the open bout");
  }
  return Ok{};
}

// A file of an older schema, read as it is (the CLI with the daemon stopped),
// has no standing table: no standing was recorded in it.
Status AddStanding(sqlite3* db, Tally& tally, const std::vector<DayRange>& days) {
  sql::IntQuery table =
      sql::QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'standing'");
  if (table.rc != SQLITE_OK) return sql::SqlError(db, table.rc, "Cannot read the history tables");
  if (table.value == 0) return Ok{};
  return sql::ForEachRow(db,
                         "SELECT start_wall, length_ms FROM standing "
                         "WHERE start_wall >= ?1 AND start_wall < ?2",
                         days.front().start - kLongestBout, days.back().end, "history standing",
                         [&](const sql::Stmt& row) {
                           tally.AddStanding(WallTime(milliseconds(row.Int(0))),
                                             milliseconds(row.Int(1)));
                         });
}

Status AddBreaks(sqlite3* db, Tally& tally, const std::vector<DayRange>& days) {
  return sql::ForEachRow(db,
                         "SELECT start_wall, after_reminder FROM breaks "
                         "WHERE start_wall >= ?1 AND start_wall < ?2",
                         days.front().start, days.back().end, "history breaks",
                         [&](const sql::Stmt& row) {
                           if (DayTotals* totals = tally.At(WallTime(milliseconds(row.Int(0))))) {
                             ++totals->breaks;
                             if (row.Int(1) != 0) ++totals->breaks_after_reminder;
                           }
                         });
}

Status AddReminders(sqlite3* db, Tally& tally, const std::vector<DayRange>& days) {
  return sql::ForEachRow(db,
                         "SELECT shown_wall, times_shown, outcome FROM reminders "
                         "WHERE shown_wall >= ?1 AND shown_wall < ?2",
                         days.front().start, days.back().end, "history reminders",
                         [&](const sql::Stmt& row) {
                           if (DayTotals* totals = tally.At(WallTime(milliseconds(row.Int(0))))) {
                             if (row.Int(1) == 0) return;  // held, never shown
                             ++totals->reminders;
                             if (auto outcome = ParseReminderOutcome(row.Text(2))) {
                               CountOutcome(*totals, *outcome);
                             }
                           }
                         });
}

}  // namespace

std::vector<DayRange> LastDays(const Now& now, int days, minutes day_starts) {
  std::vector<DayRange> ranges;
  if (days <= 0) return ranges;
  ranges.reserve(static_cast<size_t>(days));
  ranges.push_back(DayRange{now.day_start, now.next_day_start});
  while (static_cast<int>(ranges.size()) < days) {
    WallTime start = ranges.back().start;
    Now before = MakeNow(now.boot, start - milliseconds(1), day_starts);
    ranges.push_back(DayRange{before.day_start, start});
  }
  std::reverse(ranges.begin(), ranges.end());
  return ranges;
}

minutes DayStartsOf(const Now& now) {
  tm local = LocalTm(now.day_start);
  return hours(local.tm_hour) + minutes(local.tm_min);
}

Result<std::vector<DayView>> TallyDays(sqlite3* db, const std::vector<DayRange>& days,
                                       bool include_open) {
  if (days.empty()) return std::vector<DayView>{};
  Tally tally(days);
  if (db == nullptr) return tally.Take();
  if (Status s = AddBouts(db, tally, days); !s.ok()) return s.error();
  if (include_open) {
    if (Status s = AddOpenBout(db, tally); !s.ok()) return s.error();
  }
  if (Status s = AddStanding(db, tally, days); !s.ok()) return s.error();
  if (Status s = AddBreaks(db, tally, days); !s.ok()) return s.error();
  if (Status s = AddReminders(db, tally, days); !s.ok()) return s.error();
  return tally.Take();
}

}  // namespace unsit::storage
