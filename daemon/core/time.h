#pragma once

#include <chrono>
#include <optional>

namespace unsit {

// All durations in the core are milliseconds.
using Duration = std::chrono::milliseconds;

// A tag clock for CLOCK_BOOTTIME: monotonic and still counting through suspend.
// The core never reads it; clock/clock.h takes the readings.
struct BootClock {
  using duration = std::chrono::milliseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<BootClock, duration>;
  static constexpr bool is_steady = true;
};
using BootTime = BootClock::time_point;

// CLOCK_REALTIME, in UTC. Used only to stamp history and to find local day
// boundaries; a jump of it never changes a duration.
using WallTime = std::chrono::sys_time<std::chrono::milliseconds>;

// One reading of the clocks, taken once per wakeup by the shell and passed to
// every core call. The local-time fields are computed by the shell (from the
// time zone), so the core needs no time zone database.
struct Now {
  BootTime boot;
  WallTime wall;
  std::chrono::seconds utc_offset{0};  // local time minus UTC at `wall`
  WallTime day_start;                  // start of the history day that contains `wall`
  WallTime next_day_start;             // start of the next one: 23, 24 or 25 h later
  // The first change of the UTC offset (DST) within a week after `wall`, if
  // any, and the offset from then on: enough to place weekly schedule edges.
  std::optional<WallTime> offset_change;
  std::chrono::seconds offset_after{0};

  // The wall time of boot instant `t`, by the mapping in force now.
  WallTime WallAt(BootTime t) const { return wall + (t - boot); }
  // The boot instant at which the wall clock will read `w`, if it does not jump.
  BootTime BootAt(WallTime w) const { return boot + (w - wall); }
  // Local time minus UTC at wall time `w` (from `wall` on), as far as known.
  std::chrono::seconds OffsetAt(WallTime w) const {
    return offset_change && w >= *offset_change ? offset_after : utc_offset;
  }
};

}  // namespace unsit
