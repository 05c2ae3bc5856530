#pragma once

#include "core/config.h"
#include "core/model.h"
#include "i18n/reminder_text.h"

namespace unsit {

// The prompt of the sit-stand rhythm as the user will read it, after `part` of
// sitting (kRaise) or standing (kSit). Its button switches standing mode
// (ReminderView::desk_label); "raise the desk" also offers "Later", which asks
// again a snooze from then. Words go through Tr().
ReminderView ComposeDeskPrompt(DeskPrompt prompt, Duration part, const Config::StandingDesk& desk,
                               Duration snooze);

}  // namespace unsit
