// The panel indicator: started with the daemon where a StatusNotifierWatcher
// may show it, refreshed after every wakeup, and its menu fed to the model as
// commands. All on the io_context thread.
#include <spdlog/spdlog.h>

#include "core/tray_view.h"
#include "daemon.h"
#include "i18n/tr.h"
#include "i18n/tray_text.h"
#include "i18n/words.h"
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
  auto made = glib_ ? MakeSniTray(io_, *glib_, std::move(callbacks))
                    : Result<std::unique_ptr<Tray>>(
                          Error{errc::kUnavailable, TrNoop("GLib is not built in")});
  if (!made.ok()) {
    tray_problem_ = "not started: " + made.error().message;
    // TRANSLATORS: %s says why (a D-Bus error keeps its own words).
    const std::string& why = made.error().message;
    tray_problem_text_ = FormatText(Tr("not started: %s"), why.empty() ? "" : Tr(why.c_str()));
    spdlog::info("indicator: {}", tray_problem_);
    return;
  }
  tray_ = std::move(made.value());
  UpdateTray(ReadNow());
#else
  (void)callbacks;
  tray_problem_ = "not built (unsitd was built without libdbusmenu-glib)";
  tray_problem_text_ = Tr("not built (unsitd was built without libdbusmenu-glib)");
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

void Daemon::TrayDoctor(DoctorReport& report) const {
  if (config_.notify.indicator == "off") {
    report.indicator = "off (notify.indicator: off)";
    report.indicator_text = Tr("off (notify.indicator: off)");
    return;
  }
  if (!tray_) {
    report.indicator = tray_problem_;
    report.indicator_text = tray_problem_text_;
    return;
  }
  TrayInfo info = tray_->Info();
  if (info.registered && info.host) {
    report.indicator = "shown (StatusNotifierWatcher " + info.watcher + ")";
    // TRANSLATORS: %s is the StatusNotifierWatcher's D-Bus name.
    report.indicator_text =
        FormatText(Tr("shown (StatusNotifierWatcher %s)"), info.watcher.c_str());
    return;
  }
  // A fixed problem is TrNoop-marked in tray_sni.cc; one with a D-Bus error stays as it came.
  const char* why = info.problem.empty() ? "" : Tr(info.problem.c_str());
  const char* fix = Tr("a panel that shows StatusNotifierItems: KDE Plasma, waybar's tray");
  const char* desktop = getenv("XDG_CURRENT_DESKTOP");
  if (desktop != nullptr && std::string(desktop).find("GNOME") != std::string::npos) {
    fix =
        Tr("on GNOME, install and enable the AppIndicator extension "
           "(gnome-extensions enable ubuntu-appindicators@ubuntu.com; Debian package "
           "gnome-shell-extension-appindicator)");
  }
  // TRANSLATORS: the first %s says why the indicator is not shown, the second how to fix it.
  report.problems.push_back(FormatText(
      Tr("the panel indicator is not shown (%s): %s; or set notify.indicator: off."), why, fix));
  report.indicator = "not shown: " + info.problem;
  // TRANSLATORS: %s says why the indicator is not shown.
  report.indicator_text = FormatText(Tr("not shown: %s"), why);
}

}  // namespace unsit
