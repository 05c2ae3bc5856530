#include "storage/restore.h"

#include <algorithm>

namespace unsit {

RestorePlan PlanRestore(const std::optional<OpenBoutRecord>& open, const std::string& boot_id,
                        const Now& now, std::optional<Duration> idle, Duration break_after) {
  RestorePlan plan;
  if (!open) return plan;
  // Boot-clock readings compare only within one boot (and never run backwards).
  bool same_boot = !boot_id.empty() && open->boot_id == boot_id && now.boot >= open->last_seen_boot;
  bool recent = same_boot && now.boot - open->last_seen_boot < break_after;
  bool still_here = !idle || *idle < break_after;
  if (recent && still_here) {
    plan.bout_start = open->start_boot;
    return plan;
  }
  out::BoutClosed closed{open->start_boot, open->last_seen_boot, open->start_wall,
                         open->last_seen_wall, BoutEnd::kShutdown};
  // The last input extends the bout only when no break fits between it and
  // last_seen; otherwise the user may have left meanwhile, and history never
  // claims more sitting than there was.
  if (same_boot && idle) {
    BootTime last_input = now.boot - *idle;
    if (last_input > open->last_seen_boot && last_input - open->last_seen_boot < break_after) {
      closed.end = last_input;
      closed.end_wall = now.wall - *idle;
    }
  }
  closed.end = std::max(closed.end, closed.start);
  closed.end_wall = std::max(closed.end_wall, closed.start_wall);
  plan.close = closed;
  return plan;
}

Result<in::Restore> ResumeFromHistory(HistoryStore& store, const Now& now,
                                      const std::string& boot_id, std::optional<Duration> idle,
                                      Duration break_after) {
  auto state = store.Load(now);
  if (!state.ok()) return state.error();
  RestorePlan plan = PlanRestore(state->open, boot_id, now, idle, break_after);
  if (plan.close && store.Record(now, *plan.close).ok()) {
    state = store.Load(now);
    if (!state.ok()) return state.error();
  }
  return in::Restore{state->today, plan.bout_start};
}

}  // namespace unsit
