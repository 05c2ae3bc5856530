#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/model.h"
#include "core/result.h"
#include "core/stretch_rotation.h"
#include "core/time.h"
#include "storage/history_store.h"

namespace unsit {

// The daemon's side of the history store: a failing store never stops
// reminders. Each distinct failure is logged once (and again when it is over)
// and kept for `doctor`; a store that could not be opened for a passing reason
// (code history_io: a file locked by another process) is opened again at the
// next decision to record, with no timer of its own. Lives on the io_context
// thread; the time is passed in, never read.
class HistoryRecorder {
 public:
  // Opens the store (OpenHistoryStore in the daemon); sets `notice` to what it
  // did that is worth a line in the log (a damaged file moved aside).
  using Opener = std::function<Result<std::unique_ptr<HistoryStore>>(std::optional<Error>* notice)>;
  // Called after each successful open, e.g. to resume the stretch rotation.
  using Opened = std::function<void(HistoryStore&)>;

  HistoryRecorder(Opener open, Opened opened);

  // Opens the store; a failure is logged and kept (open_problem()).
  void Open();
  // Records `decision` taken at `now`, opening the store first when an earlier
  // open failed for a passing reason.
  void Record(const Now& now, const Decision& decision);
  // Saves where the stretch rotation stands; a failure is logged.
  void SaveRotation(const RotationState& state);
  // Gives records that waited in memory one last try, says how many are lost
  // if that fails, and closes the store. Idempotent.
  void Close();

  // The open store; null while there is none.
  HistoryStore* store() const { return store_.get(); }
  // Why there is no store; empty when it is open.
  const std::string& open_problem() const { return open_problem_; }
  // The last write failure while it lasts; empty once a write succeeds.
  const std::string& write_problem() const { return write_problem_; }

 private:
  Opener open_;
  Opened opened_;
  std::unique_ptr<HistoryStore> store_;
  std::string open_problem_;
  bool retry_open_ = false;  // opening failed for a passing reason (a lock)
  std::string write_problem_;
};

}  // namespace unsit
