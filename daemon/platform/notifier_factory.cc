#include "platform/notifier_factory.h"

#include <utility>

#ifdef UNSIT_HAVE_LIBNOTIFY
#include "platform/notifier_libnotify.h"
#endif
#ifdef UNSIT_HAVE_CANBERRA
#include "platform/sound_canberra.h"
#endif

namespace unsit {

NotifierChoice ChooseNotifier(const std::string& wanted, const PlatformContext& context,
                              NotifierLogSink log_sink) {
  NotifierChoice choice;
  std::string problem;
  if (wanted == "auto" || wanted == "libnotify") {
#ifdef UNSIT_HAVE_LIBNOTIFY
    std::unique_ptr<SoundPlayer> player;
#ifdef UNSIT_HAVE_CANBERRA
    if (context.glib != nullptr) player = MakeCanberraPlayer(*context.glib);
#endif
    auto made = MakeLibnotifyNotifier(context, std::move(player));
    if (made.ok()) {
      choice.candidates.push_back({"libnotify", true, "session bus reachable"});
      choice.notifier = std::move(made.value());
      return choice;
    }
    problem = "libnotify cannot be used: " + made.error().message;
#else
    (void)context;
    problem = "libnotify is not built into this binary";
#endif
    choice.candidates.push_back({"libnotify", false, problem});
  }
  choice.candidates.push_back({"log", true, "reminders are written to the log"});
  choice.notifier = MakeLogNotifier(std::move(log_sink), problem);
  return choice;
}

}  // namespace unsit
