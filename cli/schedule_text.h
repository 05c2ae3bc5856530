#pragma once

#include <string>

#include "protocol/protocol.h"

namespace unsit::cli {

// The line `status` and `doctor` show for the daemon's `schedule` object
// (quiet_hours and working_hours): where in the schedule now falls, the span
// in force and when reminders next start or stop, e.g. "Quiet hours
// (sat,sun) until Mon 09:00: reminders wait until then". Empty for null (no
// schedule set).
std::string RenderSchedule(const protocol::Json& schedule);

}  // namespace unsit::cli
