#pragma once

#include <string>

#include "core/result.h"
#include "core/time.h"
#include "protocol/protocol.h"

namespace unsit::cli {

// One reading of the clocks as the daemon that wrote the history file at
// `path` takes it: its days begin at the history.day_starts it recorded there
// (local midnight when none is recorded). For readers of the history file.
Result<Now> ReadOfflineNow(const std::string& path);

// The last `days` history days (oldest first, today included) read straight
// from the history database, in the shape of the `history` result's "days".
// For `today` and `history` while the daemon is not running; the bout that
// was open when it stopped is included only as far as it was checkpointed.
Result<protocol::Json> ReadDaysOffline(int days);

}  // namespace unsit::cli
