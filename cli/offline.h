#pragma once

#include "core/result.h"
#include "core/time.h"
#include "protocol/protocol.h"

namespace unsit::cli {

// One reading of the clocks, as the daemon takes it (history days start at
// local midnight, the default), for readers of the history file.
Now ReadOfflineNow();

// The last `days` history days (oldest first, today included) read straight
// from the history database, in the shape of the `history` result's "days".
// For `today` and `history` while the daemon is not running; the bout that
// was open when it stopped is included only as far as it was checkpointed.
Result<protocol::Json> ReadDaysOffline(int days);

}  // namespace unsit::cli
