// What the weekly schedule (quiet_hours, working_hours) costs in wakeups (not
// run by ctest; prints numbers). Drives the pure Model through one week on
// fake clocks in Europe/Berlin, the week of the spring DST change, and wakes
// it at every deadline it asks for, as the daemon's one timer does. Two users:
// one away all week (the schedule must add no wakeup at all: the day boundary
// is the only one), one who sits all week and never goes idle, so a reminder
// always waits for the quiet to end (each edge of the schedule wakes the
// daemon at most once). Exit status 1 when either figure is not met.
//   schedule_wakeups_bench
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "clock/local_time.h"
#include "core/model.h"
#include "core/schedule.h"

namespace {

using namespace std::chrono_literals;
using unsit::BootTime;
using unsit::Config;
using unsit::Duration;
using unsit::Now;
using unsit::WallTime;

constexpr std::chrono::minutes kDayStarts{0};

struct Count {
  int wakeups = 0;
  int day_boundaries = 0;
  std::map<WallTime, int> at_edges;  // wakeups at each schedule edge
};

Config Schedule() {
  Config config;
  config.sit_limit = 60min;
  config.remind_every = 10min;
  config.history.checkpoint = 0ms;  // its own figure: checkpoint_wakeups.sh
  for (const char* span : {"22:00-07:00", "sat,sun", "mon 00:00-09:00", "12:00-13:00"}) {
    config.quiet_hours.push_back(*unsit::ParseSpan(span));
  }
  config.working_hours.push_back(*unsit::ParseSpan("mon-fri 08:30-17:30"));
  return config;
}

WallTime LocalMidnight(int year, int month, int day) {
  std::tm local{};
  local.tm_year = year - 1900;
  local.tm_mon = month - 1;
  local.tm_mday = day;
  local.tm_isdst = -1;
  return WallTime(std::chrono::seconds(std::mktime(&local)));
}

// Every instant of [from, to) at which the schedule changes.
std::map<WallTime, int> Edges(const Config& config, WallTime from, WallTime to) {
  std::map<WallTime, int> edges;
  BootTime boot{1000h};
  for (WallTime wall = from;;) {
    const Now now = unsit::MakeNow(boot, wall, kDayStarts);
    const auto state = unsit::ScheduleAt(config.quiet_hours, config.working_hours, now, boot);
    if (!state || !state->until || *state->until >= to) break;
    boot += *state->until - wall;
    wall = *state->until;
    edges[wall] = 0;
  }
  return edges;
}

// Runs the week from `from`; with `sitting`, one input at the start and none
// after (the user sits on and never goes idle).
Count Run(const Config& config, WallTime from, WallTime to, bool sitting) {
  Count count;
  count.at_edges = Edges(config, from, to);
  BootTime boot{1000h};
  WallTime wall = from;
  Now now = unsit::MakeNow(boot, wall, kDayStarts);
  unsit::Model model(config, now);
  unsit::Output out = model.Handle(now, unsit::in::Tick{});
  if (sitting) out = model.Handle(now, unsit::in::Active{});
  while (out.next_deadline && wall + (*out.next_deadline - boot) < to) {
    wall += *out.next_deadline - boot;
    boot = *out.next_deadline;
    now = unsit::MakeNow(boot, wall, kDayStarts);
    ++count.wakeups;
    if (now.day_start == wall) ++count.day_boundaries;
    if (auto edge = count.at_edges.find(wall); edge != count.at_edges.end()) ++edge->second;
    out = model.Handle(now, unsit::in::Tick{});
  }
  return count;
}

}  // namespace

int main() {
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  const Config config = Schedule();
  const WallTime from = LocalMidnight(2026, 3, 23);  // a Monday; DST begins on Sunday
  const WallTime to = LocalMidnight(2026, 3, 30);
  const double hours = std::chrono::duration<double, std::ratio<3600>>(to - from).count();
  std::printf("week of 2026-03-23 in Europe/Berlin (%.0f h, DST begins on Sunday)\n", hours);
  std::printf(
      "  quiet_hours: [\"22:00-07:00\", {days: [sat, sun]}, {days: mon, to: \"09:00\"}, "
      "\"12:00-13:00\"]\n  working_hours: [{days: mon-fri, from: \"08:30\", to: \"17:30\"}]\n");

  const Count away = Run(config, from, to, false);
  int away_edges = 0;
  for (const auto& [edge, n] : away.at_edges) away_edges += n;
  const int away_other = away.wakeups - away.day_boundaries;
  std::printf(
      "away all week: %d wakeups: %d day boundaries, %d at the %zu schedule edges, %d other "
      "(%.2f per hour besides the day boundary)\n",
      away.wakeups, away.day_boundaries, away_edges, away.at_edges.size(), away_other,
      away_other / hours);

  const Count sitting = Run(config, from, to, true);
  int woke = 0;
  int most = 0;
  for (const auto& [edge, n] : sitting.at_edges) {
    woke += n > 0 ? 1 : 0;
    most = std::max(most, n);
  }
  std::printf(
      "sitting all week, never idle: %d wakeups: %d of the %zu schedule edges woke it, at "
      "most %d per edge; the rest are reminders re-shown every 10m in working time and "
      "day boundaries\n",
      sitting.wakeups, woke, sitting.at_edges.size(), most);
  const bool met = away_other == 0 && most <= 1;
  std::printf("figures (0 per hour away, at most 1 per schedule edge): %s\n",
              met ? "met" : "NOT met");
  return met ? 0 : 1;
}
