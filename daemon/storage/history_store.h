#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/day_totals.h"
#include "core/model.h"
#include "core/result.h"
#include "core/stretch_rotation.h"
#include "core/time.h"

namespace unsit {

// The bout an earlier run of the daemon left open (last checkpoint or shutdown).
struct OpenBoutRecord {
  std::string boot_id;    // /proc/sys/kernel/random/boot_id of that run
  BootTime start_boot{};  // comparable with now.boot only on the same boot_id
  BootTime last_seen_boot{};
  WallTime start_wall{};
  WallTime last_seen_wall{};
};

// What a starting daemon picks up.
struct StoredState {
  DayTotals today;                     // totals of the current history day so far
  std::optional<OpenBoutRecord> open;  // nullopt when the last run closed its bout
};

// Durable history. Called on the io_context thread only. Every method returns
// errors as values; none throws and none logs (the caller logs once).
class HistoryStore {
 public:
  virtual ~HistoryStore() = default;
  // Records one decision of the model as it happens (bouts, breaks, reminders,
  // checkpoints). Ok means history is being recorded: a decision that holds
  // nothing to record retries what waits and returns the last failure until
  // a write succeeds again, so a pause never reports a full disk as fixed.
  virtual Status Record(const Now& now, const Decision& decision) = 0;
  // One more try to write the records a failed write left waiting in memory.
  virtual Status WritePending() = 0;
  // How many records wait in memory (lost if the process ends now).
  virtual size_t Unwritten() const = 0;
  virtual Result<StoredState> Load(const Now& now) = 0;
  // The last `days` history days, oldest first, today included.
  virtual Result<std::vector<DayView>> Days(const Now& now, int days) = 0;
  virtual std::string Path() const = 0;
  // Where the stretch rotation stood when last saved (empty when never saved),
  // so that a daemon started every day still meets every stretch in turn.
  virtual Result<RotationState> LoadRotation() = 0;
  virtual Status SaveRotation(const RotationState& state) = 0;
  // Splits days at local time `day_starts` (history.day_starts) from now on,
  // and records it in the history, where the CLI reads it while the daemon is
  // stopped (ReadHistoryDayStarts). Called after opening and at each reload.
  virtual Status SetDayStarts(std::chrono::minutes day_starts) = 0;
};

}  // namespace unsit
