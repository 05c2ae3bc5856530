#pragma once

#include <string>

#include "protocol/protocol.h"

// Human renderings of the daemon's results (unsit(1) shows examples). Each
// takes a result object and returns text ending in a newline.
namespace unsit::cli {

std::string RenderStatus(const protocol::Json& status);
// Today's totals and an hour-by-hour bar chart of sitting minutes.
std::string RenderToday(const protocol::Json& day);
// One line per day with a bar, then totals and a week-over-week comparison.
// `days` is oldest first; only the last `shown` are listed.
std::string RenderHistory(const protocol::Json& days, int shown);
std::string RenderHistoryCsv(const protocol::Json& days, int shown);
std::string RenderStretch(const protocol::Json& stretch);
std::string RenderDoctor(const protocol::Json& report);
// A local clock time "14:30" for an ISO 8601 UTC time; the input when unparsable.
std::string LocalClock(const std::string& iso_utc);
// The strings of a JSON list joined by ", " ("call, dnd"); "" when none.
std::string JoinNames(const protocol::Json& list);

// Waybar custom-module JSON (one line): text, tooltip, class
// (sitting | due | held | away | paused) and percentage of sit_limit.
std::string RenderWaybar(const protocol::Json& status);
// The Waybar line shown while the daemon is not running.
std::string WaybarOffline();

}  // namespace unsit::cli
