// The panel indicator: started with the daemon where a StatusNotifierWatcher
// may show it, refreshed after every wakeup, and its menu fed to the model as
// commands. All on the io_context thread.
#include <spdlog/spdlog.h>

#include "core/tray_view.h"
#include "daemon.h"
#include "i18n/tray_text.h"
#ifdef UNSIT_HAVE_SNI
#include "platform/tray_sni.h"
#endif

namespace unsit {
namespace {

using namespace std::chrono_literals;

Input ToInput(TrayAction action, const Now& now) {
  switch (action) {
    case TrayAction::kDone:
      return in::Done{};
    case TrayAction::kSnooze:
      return in::Snooze{std::nullopt};
    case TrayAction::kSkip:
      return in::Skip{};
    case TrayAction::kPause30Min:
      return in::Pause{30min};
    case TrayAction::kPause1Hour:
      return in::Pause{1h};
    case TrayAction::kPauseUntilTomorrow:
      return in::Pause{now.next_day_start - now.wall};
    case TrayAction::kResume:
      return in::Resume{};
    case TrayAction::kStandingOn:
      return in::Standing{true};
    case TrayAction::kStandingOff:
      break;
  }
  return in::Standing{false};
}

}  // namespace

void Daemon::StartTray() {
  if (config_.notify.indicator == "off") return;
  TrayCallbacks callbacks;
  callbacks.action = [this](TrayAction action) {
    if (stopped_) return;
    spdlog::info("indicator: menu item {}", static_cast<int>(action));
    Feed(ToInput(action, ReadNow()));
  };
  callbacks.info = [](const TrayInfo& info) {
    if (info.registered) {
      spdlog::info("indicator: registered with the StatusNotifierWatcher ({}){}", info.watcher,
                   info.host ? "" : ", but no panel hosts it");
    } else {
      spdlog::info("indicator: not shown: {}", info.problem);
    }
  };
#ifdef UNSIT_HAVE_SNI
  auto made =
      glib_ ? MakeSniTray(io_, *glib_, std::move(callbacks))
            : Result<std::unique_ptr<Tray>>(Error{errc::kUnavailable, "GLib is not built in"});
  if (!made.ok()) {
    tray_problem_ = "not started: " + made.error().message;
    spdlog::info("indicator: {}", tray_problem_);
    return;
  }
  tray_ = std::move(made.value());
  UpdateTray(ReadNow());
#else
  (void)callbacks;
  tray_problem_ = "not built (unsitd was built without libdbusmenu-glib)";
#endif
}

std::optional<BootTime> Daemon::UpdateTray(const Now& now) {
  if (!tray_) return std::nullopt;
  Snapshot status = model_.Status(now);
  TrayView view = TrayViewOf(status);
  view.tooltip_body = TrayTooltip(status, view.state);
  tray_->Show(view);
  tray_->ShowToday(TrayTodayLine(status.today));
  tray_->ShowStretch(StretchLines(current_stretch_ ? *current_stretch_ : rotation_.Peek()));
  return NextTrayRefresh(status, now.boot);
}

std::string Daemon::TrayDoctor(std::vector<std::string>& problems) const {
  if (config_.notify.indicator == "off") return "off (notify.indicator: off)";
  if (!tray_) return tray_problem_;
  TrayInfo info = tray_->Info();
  if (info.registered && info.host) return "shown (StatusNotifierWatcher " + info.watcher + ")";
  std::string fix = "a panel that shows StatusNotifierItems: KDE Plasma, waybar's tray";
  const char* desktop = getenv("XDG_CURRENT_DESKTOP");
  if (desktop != nullptr && std::string(desktop).find("GNOME") != std::string::npos) {
    fix =
        "on GNOME, install and enable the AppIndicator extension "
        "(gnome-extensions enable ubuntu-appindicators@ubuntu.com; Debian package "
        "gnome-shell-extension-appindicator)";
  }
  problems.push_back("the panel indicator is not shown (" + info.problem + "): " + fix +
                     "; or set notify.indicator: off.");
  return "not shown: " + info.problem;
}

}  // namespace unsit
