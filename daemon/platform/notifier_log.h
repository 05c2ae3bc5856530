#pragma once

#include <functional>
#include <memory>
#include <string>

#include "platform/notifier.h"

namespace unsit {

// Receives one line per reminder shown or withdrawn, on the io_context thread.
// The shell decides where it goes (the daemon's log); the platform library does
// not log by itself.
using NotifierLogSink = std::function<void(const std::string& line)>;

// The fallback when no notification server is used: Show hands the reminder's
// text to `sink` ("reminder: SUMMARY — BODY"), Close says it was withdrawn (only
// when one was shown). Info(): name "log", no actions (the text then names the
// CLI verbs), `problem` as given (e.g. why libnotify was not used).
std::unique_ptr<Notifier> MakeLogNotifier(NotifierLogSink sink, std::string problem = {});

}  // namespace unsit
