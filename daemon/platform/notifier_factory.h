#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/backend_context.h"
#include "platform/notifier.h"
#include "platform/notifier_log.h"

namespace unsit {

struct NotifierChoice {
  std::unique_ptr<Notifier> notifier;  // never null: "log" is always available
  std::vector<Candidate> candidates;   // every notifier considered, with its reason
};

// Picks the notifier named `wanted` (auto | libnotify | log). libnotify is taken
// whenever a session bus is reachable, even before a notification server
// answers (it reports that through its status callback and recovers by itself);
// otherwise the log notifier hands every reminder to `log_sink`.
NotifierChoice ChooseNotifier(const std::string& wanted, const PlatformContext& context,
                              NotifierLogSink log_sink);

}  // namespace unsit
