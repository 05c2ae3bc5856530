#include "platform/notifier_factory.h"

#include <utility>

#include "i18n/tr.h"
#include "i18n/words.h"
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
      choice.candidates.push_back({"libnotify", true, TrNoop("session bus reachable")});
      choice.notifier = std::move(made.value());
      return choice;
    }
    // TRANSLATORS: %s is why.
    const Error why =
        WrapError(errc::kUnavailable, TrNoop("libnotify cannot be used: %s"), made.error());
    problem = why.message;
    choice.candidates.push_back({"libnotify", false, why.message, why.text});
#else
    (void)context;
    problem = TrNoop("libnotify is not built into this binary");
    choice.candidates.push_back({"libnotify", false, problem});
#endif
  }
  choice.candidates.push_back({"log", true, TrNoop("reminders are written to the log")});
  choice.notifier = MakeLogNotifier(std::move(log_sink), problem);
  return choice;
}

}  // namespace unsit
