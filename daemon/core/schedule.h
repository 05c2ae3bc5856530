#pragma once

// The weekly schedule: quiet_hours (reminders wait then) and working_hours
// (reminders only then), read in local time. Pure functions of a `Now`.

#include <optional>
#include <vector>

#include "core/quiet_hours.h"
#include "core/time.h"

namespace unsit {

// Where in the schedule an instant falls.
enum class ScheduleIn {
  kQuietHours,           // in a quiet_hours span: reminders wait
  kOutsideWorkingHours,  // in no working_hours span: reminders wait
  kWorkingHours,         // in a working_hours span and no quiet one
  kOutsideQuietHours,    // only quiet_hours are set, and none holds now
};

// "quiet_hours", "outside_working_hours", "working_hours", "outside_quiet_hours".
const char* ToString(ScheduleIn in);

// What the schedule says at one instant.
struct ScheduleState {
  bool quiet = false;  // reminders wait
  ScheduleIn in = ScheduleIn::kOutsideQuietHours;
  // The span in force (the first listed that holds): quiet in kQuietHours,
  // working in kWorkingHours, none otherwise.
  std::optional<QuietWindow> span;
  // When `quiet` next changes (the end of the quiet, or of the time for
  // reminders); nullopt when it never does.
  std::optional<WallTime> until;
  bool operator==(const ScheduleState&) const = default;
};

// The schedule at boot instant `at`, `quiet` and `working` being the spans of
// quiet_hours and working_hours (quiet spans carve time out of working ones;
// no working spans: every time is working time). Local time is read with the
// UTC offsets `now` knows (Now::OffsetAt), so edges within the week ahead fall
// at the local time they name across a DST change. nullopt without spans.
std::optional<ScheduleState> ScheduleAt(const std::vector<QuietWindow>& quiet,
                                        const std::vector<QuietWindow>& working, const Now& now,
                                        BootTime at);

// Whether the spans leave no time of the week for reminders.
bool LeavesNoTime(const std::vector<QuietWindow>& quiet, const std::vector<QuietWindow>& working);

}  // namespace unsit
