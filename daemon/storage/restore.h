#pragma once

// Picking up the bout an earlier run of the daemon left open. Pure: no clock,
// no I/O; links only the core (ResumeFromHistory uses the HistoryStore interface).

#include <optional>
#include <string>

#include "core/model.h"
#include "core/result.h"
#include "core/time.h"
#include "storage/history_store.h"

namespace unsit {

// What to do with the open bout record.
struct RestorePlan {
  // Set: the bout goes on from there (pass it as in::Restore::bout_start).
  std::optional<BootTime> bout_start;
  // Set: the bout ended while the daemon was away; record this first.
  std::optional<out::BoutClosed> close;
};

// The bout continues when it was left on this boot, less than `break_after`
// ago (now - last seen), and the user has not been idle for `break_after`
// (`idle`: the idle backend's idle time, nullopt when it cannot tell).
// Otherwise it is closed (BoutEnd::kShutdown) at the last moment known to be
// sitting: last_seen, or the last input (now - idle, same boot only) when that
// is later and less than `break_after` after last_seen (so no break can have
// happened in between).
RestorePlan PlanRestore(const std::optional<OpenBoutRecord>& open, const std::string& boot_id,
                        const Now& now, std::optional<Duration> idle, Duration break_after);

// The whole start-up sequence for the shell: Load, PlanRestore, record the
// close when there is one, and load today's totals again so that they
// include it. Returns the input to hand to the model. An error only when
// loading fails; a close that cannot be written stays queued in the store.
Result<in::Restore> ResumeFromHistory(HistoryStore& store, const Now& now,
                                      const std::string& boot_id, std::optional<Duration> idle,
                                      Duration break_after);

}  // namespace unsit
