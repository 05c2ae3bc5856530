#pragma once

#include <string_view>
#include <vector>

#include "control/daemon_api.h"
#include "protocol/protocol.h"

namespace unsit {

// Answers one parsed request (no sockets, no I/O of its own): every verb of
// unsit-ipc(7). Wrong args give bad_args, unknown verbs unknown_command, an
// error from the daemon refused. Never throws. Call on the io_context thread.
protocol::Reply Dispatch(const protocol::Request& request, DaemonApi& api);

// The verbs Dispatch knows, in the order the man page lists them.
const std::vector<std::string_view>& Verbs();

// Longest snooze and pause accepted.
inline constexpr Duration kMaxSnooze = protocol::kMaxSnooze;
inline constexpr Duration kMaxPause = protocol::kMaxPause;
// Most history days one request may ask for (the reply fits kMaxReplyBytes).
inline constexpr int kMaxHistoryDays = protocol::kMaxHistoryDays;

}  // namespace unsit
