#include "core/schedule.h"

#include <algorithm>

namespace unsit {
namespace {

constexpr Duration kDay = std::chrono::days(1);
constexpr Duration kWeek = std::chrono::weeks(1);

// A stretch of the week [from, to), in time after Monday 00:00; from < to.
struct Interval {
  Duration from;
  Duration to;
};

Duration Mod(Duration x, Duration m) {
  const Duration r = x % m;
  return r < Duration::zero() ? r + m : r;
}

// The week's intervals of `spans` (those crossing Sunday midnight in two).
std::vector<Interval> Intervals(const std::vector<QuietWindow>& spans) {
  std::vector<Interval> out;
  for (const QuietWindow& span : spans) {
    const Duration length = Mod(span.end - span.start, kDay);
    for (int day = 0; day < 7; ++day) {
      if ((span.days & (1 << day)) == 0) continue;
      const Duration from = day * kDay + span.start;
      const Duration to = from + (length == Duration::zero() ? kDay : length);
      out.push_back({from, std::min(to, kWeek)});
      if (to > kWeek) out.push_back({Duration::zero(), to - kWeek});
    }
  }
  return out;
}

bool Inside(const std::vector<Interval>& intervals, Duration t) {
  return std::any_of(intervals.begin(), intervals.end(),
                     [t](const Interval& i) { return t >= i.from && t < i.to; });
}

// The first of `spans` that holds at week time `t`.
std::optional<QuietWindow> SpanAt(const std::vector<QuietWindow>& spans, Duration t) {
  for (const QuietWindow& span : spans) {
    if (Inside(Intervals({span}), t)) return span;
  }
  return std::nullopt;
}

struct Week {
  std::vector<Interval> quiet;
  std::vector<Interval> working;

  bool QuietAt(Duration t) const {
    return Inside(quiet, t) || (!working.empty() && !Inside(working, t));
  }
  // Every instant at which QuietAt may change.
  std::vector<Duration> Edges() const {
    std::vector<Duration> edges;
    for (const auto* list : {&quiet, &working}) {
      for (const Interval& i : *list) {
        edges.push_back(i.from);
        edges.push_back(Mod(i.to, kWeek));
      }
    }
    return edges;
  }
};

// Local time at wall time `w`, as time since the epoch of local clock readings.
Duration LocalAt(const Now& now, WallTime w) { return (w + now.OffsetAt(w)).time_since_epoch(); }

// Week time of a local time: the epoch (1970-01-01) was a Thursday.
Duration WeekTime(Duration local) { return Mod(local + 3 * kDay, kWeek); }

// The wall time at which the local clock reads `local`: the first one of a
// reading that happens twice, the end of the gap for one that is skipped.
WallTime WallOf(const Now& now, Duration local) {
  const WallTime before = WallTime(local) - now.utc_offset;
  if (!now.offset_change || before < *now.offset_change) return before;
  const WallTime after = WallTime(local) - now.offset_after;
  return after >= *now.offset_change ? after : *now.offset_change;
}

}  // namespace

const char* ToString(ScheduleIn in) {
  switch (in) {
    case ScheduleIn::kQuietHours:
      return "quiet_hours";
    case ScheduleIn::kOutsideWorkingHours:
      return "outside_working_hours";
    case ScheduleIn::kWorkingHours:
      return "working_hours";
    case ScheduleIn::kOutsideQuietHours:
      return "outside_quiet_hours";
  }
  return "outside_quiet_hours";
}

std::optional<ScheduleState> ScheduleAt(const std::vector<QuietWindow>& quiet,
                                        const std::vector<QuietWindow>& working, const Now& now,
                                        BootTime at) {
  if (quiet.empty() && working.empty()) return std::nullopt;
  const Week week{Intervals(quiet), Intervals(working)};
  const WallTime wall = now.WallAt(at);
  const Duration local = LocalAt(now, wall);
  const Duration t = WeekTime(local);

  ScheduleState state;
  state.quiet = week.QuietAt(t);
  state.span = SpanAt(quiet, t);
  if (state.span) {
    state.in = ScheduleIn::kQuietHours;
  } else if (!working.empty()) {
    state.span = SpanAt(working, t);
    state.in = state.span ? ScheduleIn::kWorkingHours : ScheduleIn::kOutsideWorkingHours;
  }
  // The state holds between edges, so it first changes at the nearest edge
  // where it differs.
  std::optional<Duration> ahead;
  for (Duration edge : week.Edges()) {
    Duration d = Mod(edge - t, kWeek);
    if (d == Duration::zero()) d = kWeek;
    if (week.QuietAt(Mod(t + d, kWeek)) != state.quiet && (!ahead || d < *ahead)) ahead = d;
  }
  if (ahead) state.until = std::max(WallOf(now, local + *ahead), wall + Duration(1));
  return state;
}

bool LeavesNoTime(const std::vector<QuietWindow>& quiet, const std::vector<QuietWindow>& working) {
  if (quiet.empty() && working.empty()) return false;
  const Week week{Intervals(quiet), Intervals(working)};
  std::vector<Duration> edges = week.Edges();
  edges.push_back(Duration::zero());
  return std::all_of(edges.begin(), edges.end(), [&](Duration t) { return week.QuietAt(t); });
}

}  // namespace unsit
