#pragma once

// The words of the panel indicator, in the process's language. The core
// (core/tray_view.h) decides the state; these make what a person reads.

#include <string>
#include <vector>

#include "core/model.h"
#include "core/tray_view.h"

namespace unsit {

// The tooltip: the state in `state`'s words, then the next reminder and
// today's totals ("Sitting for 42 min\nNext reminder in 17 min. Today: ...").
std::string TrayTooltip(const Snapshot& status, TrayState state);

// The menu's disabled "Today: ..." line.
std::string TrayTodayLine(const DayTotals& today);

// The lines of the menu's "Show a stretch" submenu: the stretch's name and how
// long it takes, each step numbered, and its caution when it has one.
std::vector<std::string> StretchLines(const Stretch& stretch);

}  // namespace unsit
