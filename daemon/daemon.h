#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "control/daemon_api.h"
#include "control/instance_lock.h"
#include "core/model.h"
#include "core/stretch_rotation.h"
#include "i18n/reminder_text.h"
#include "loop/boot_timer.h"
#include "platform/bus_loss.h"
#include "platform/busy_watch.h"
#include "platform/glib_thread.h"
#include "platform/notifier_factory.h"
#include "platform/session_watch.h"
#include "platform/tray.h"
#include "shell/history_recorder.h"
#include "shell/idle_supervisor.h"
#include "shell/input_grace.h"

namespace unsit {

class ControlServer;

// Where things are and what the command line overrides.
struct DaemonOptions {
  std::optional<std::string> config_path;   // --config; nullopt: the XDG default
  std::optional<std::string> idle_backend;  // --idle-backend overrides idle.backend
  std::optional<std::string> notifier;      // --notifier overrides notify.backend
  std::string history_path;
};

// The imperative shell. Lives on the io_context thread: every wakeup (idle edge,
// session event, CLI request, notification action, timer) reads the clocks once,
// feeds the pure Model, applies its decisions (notifier, history, events) and
// arms the one BootTimer for the next deadline.
class Daemon final : public DaemonApi {
 public:
  // `config_problem` is a load error of the config file at start (the built-in
  // defaults are then in force); shown by `doctor`.
  Daemon(boost::asio::io_context& io, DaemonOptions options, Config config,
         std::string config_problem, InstanceLock lock);
  ~Daemon() override;

  // Chooses backends, opens history, restores the bout, starts listening.
  // An error here means the daemon cannot run at all (e.g. the socket).
  unsit::Status Start();
  // Closes the open bout, records it and stops listening. Idempotent.
  void Shutdown();
  // The status main() returns once the io_context stops: 0, or 1 when the
  // daemon ended itself because its session bus went away (bus_loss.h).
  int ExitStatus() const { return exit_status_; }

  // DaemonApi, for the control dispatcher.
  StatusView Status() override;
  StatusView Apply(const Input& command) override;
  unsit::Status Reload() override;
  DayView Today() override;
  Result<std::vector<DayView>> History(int days) override;
  Stretch NextStretch() override;
  DoctorReport Doctor() override;

 private:
  Now ReadNow() const;
  void Feed(const Input& input);
  void ApplyOutput(const Now& now, const Output& output);
  void ApplyDecision(const Now& now, const Decision& decision);
  void ShowReminder(Duration sitting, int shown, HoldReasons after_hold);
  void ShowDeskPrompt(const out::ShowDeskPrompt& show);
  // The next stretch of the rotation; where the rotation stands is saved in the
  // history, so the next run goes on from there.
  Stretch TakeStretch();
  void NoteTimer(const Result<Ok>& armed);  // Status names a method here

  void StartSessionWatch();
  void StartBusLossWatch();
  void LoseSessionBus(const std::string& reason);
  void StartBusyWatch();
  void WatchBusy(bool on);
  void OnNotifyAction(NotifyAction action);
  void StartNotifier();
  void LogSound(const NotifierInfo& info);
  // Tells the store history.day_starts (it splits days there and records it
  // for the CLI); a failure is logged.
  void RecordDayStarts(HistoryStore& store);
  void RestoreFromHistory();
  void RebuildStretches();
  std::string IdleWanted() const;
  // The panel indicator (daemon_tray.cc). UpdateTray returns when its label
  // changes next without an event (the next minute sitting), if it does.
  void StartTray();
  std::optional<BootTime> UpdateTray(const Now& now);
  void TrayDoctor(DoctorReport& report) const;  // its indicator lines and problem

  boost::asio::io_context& io_;
  DaemonOptions options_;
  std::string config_problem_;
  InstanceLock lock_;
  std::unique_ptr<GlibThread> glib_;
  std::unique_ptr<PlatformContext> context_;
  Config config_;
  Model model_;
  BootTimer timer_;
  // One-shot, for the input grace after "I'm up". Not a tick, and a timerfd of
  // its own: an Asio steady_timer would leave Asio's reactor waking every 5
  // minutes for good once it had fired.
  BootTimer grace_timer_;
  InputGrace grace_;
  StretchRotation rotation_;
  std::optional<Stretch> current_stretch_;  // of the reminder on screen
  std::optional<ReminderView> last_view_;   // the reminder on screen, as shown
  std::optional<DeskPrompt> desk_prompt_;   // the desk prompt on screen, if that is it
  IdleSupervisor idle_;
  std::unique_ptr<SessionWatch> session_;
  std::unique_ptr<BusLossWatch> bus_loss_;  // null: no session bus, or built without GLib
  std::unique_ptr<BusyWatch> busy_;         // what the user is busy with (hold.for)
  bool busy_watching_ = false;              // as the last out::WatchBusy said
  HoldReasons busy_said_;                   // as the log last said
  std::string session_problem_;  // why lock and suspend are not watched, for doctor's words
  SuspendDetector suspend_;
  std::unique_ptr<Notifier> notifier_;
  std::vector<Candidate> notifier_candidates_;
  HistoryRecorder history_;
  std::string timer_problem_;  // the next deadline could not be set
  std::unique_ptr<ControlServer> server_;
  std::unique_ptr<Tray> tray_;
  std::string tray_problem_;       // why there is no indicator, in English (the log)
  std::string tray_problem_text_;  // the same in the daemon's language
  bool stopped_ = false;
  int exit_status_ = 0;
};

}  // namespace unsit
