// libnotify behind Notifier (contract in notifier_libnotify.h).
//
// Two halves share nothing mutable: Front lives on the io_context thread (the
// callbacks and the last NotifierInfo it was told), Back on the GLib thread (the
// NotifyNotification and what it knows about the server). Back reaches Front only
// through boost::asio::post with a weak_ptr, so a late action after the notifier
// is gone is dropped.
#include "platform/notifier_libnotify.h"

#include <libnotify/notify.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>

#include "i18n/tr.h"
#include "platform/glib_thread.h"
#include "platform/notifier_sound.h"

namespace unsit {
namespace {

constexpr int kReasonExpired = 1;  // NotificationClosed reason: the server timed it out
constexpr auto kInitTimeout = std::chrono::seconds(5);

struct Front {
  Notifier::ActionCallback on_action;
  Notifier::StatusCallback on_status;
  NotifierInfo info;
};

// Records that no server answers, and why.
void SetNoServer(NotifierInfo& info, const std::string& detail) {
  info.problem = NoServerProblem(detail, false);
  info.no_server = detail;
  info.refused.clear();
}

// Owned by shared_ptr; every method runs on the GLib thread.
class Back {
 public:
  Back(boost::asio::io_context& io, std::weak_ptr<Front> front, std::unique_ptr<SoundPlayer> player)
      : io_(io), front_(front), player_(std::move(player)) {
    info_.name = "libnotify";
  }
  Back(const Back&) = delete;
  Back& operator=(const Back&) = delete;
  ~Back() {
    Release();
    if (bus_ != nullptr) g_object_unref(bus_);
  }

  // notify_init once per process, then what the server says about itself.
  Result<NotifierInfo> Init(const NotifySound& sound) {
    if (!notify_is_initted() && !notify_init("unsit")) {
      return Error{errc::kUnavailable, TrNoop("notify_init failed")};
    }
    HoldSessionBus();
    if (!Refresh()) SetNoServer(info_, TrNoop("org.freedesktop.Notifications is not owned"));
    SoundPlan plan = Plan(sound);
    if (plan.way == SoundPlan::Way::kPlay) info_.sound_problem = CheckSoundExists(sound);
    PostInfo();
    return info_;
  }

  // A reminder still on screen is replaced in place; otherwise a new
  // notification (a new server id) is shown, so no close of an earlier one can
  // be taken for this one.
  void Show(const ReminderView& view, const NotifySound& sound) {
    HoldSessionBus();
    bool answered = Refresh();
    if (!on_screen_) Release();
    Prepare(view);
    const SoundPlan plan = Plan(sound);
    SetSoundHints(plan, sound);
    GError* error = nullptr;
    acted_ = false;
    if (notify_notification_show(notification_, &error)) {
      info_.problem.clear();
      info_.no_server.clear();
      info_.refused.clear();
      on_screen_ = true;
      PlaySound(plan, sound);
    } else {
      std::string detail = error != nullptr ? error->message : "Notify failed";
      if (answered) {
        info_.problem = "the notification server refused the reminder: " + detail;
        info_.no_server.clear();
        info_.refused = detail;
      } else {
        SetNoServer(info_, detail);
      }
      on_screen_ = false;
    }
    if (error != nullptr) g_error_free(error);
    PostInfo();
  }

  // Withdraws the reminder and forgets it: whatever the server later says about
  // it (a close, or nothing when it had already closed it) is not listened to.
  void Close() {
    if (notification_ == nullptr || !on_screen_) return;
    HoldSessionBus();
    on_screen_ = false;
    GError* error = nullptr;
    notify_notification_close(notification_, &error);
    if (error != nullptr) g_error_free(error);
    Release();
  }

 private:
  // libnotify uses GLib's shared session-bus connection, which GLib makes with
  // exit-on-close: SIGTERM, and exit status 0, when the bus goes away. A lost
  // bus must only be a problem. So before each libnotify call we hold the shared
  // connection ourselves (else libnotify would make a fresh one once ours was
  // dropped or closed) and turn exit-on-close off on it.
  void HoldSessionBus() {
    if (bus_ != nullptr && !g_dbus_connection_is_closed(bus_)) return;
    if (bus_ != nullptr) g_object_unref(bus_);
    bus_ = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr);
    if (bus_ != nullptr) g_dbus_connection_set_exit_on_close(bus_, FALSE);
  }

  // Drops the current notification and its callbacks.
  void Release() {
    if (notification_ == nullptr) return;
    g_signal_handlers_disconnect_by_data(notification_, this);
    notify_notification_clear_actions(notification_);
    g_object_unref(notification_);
    notification_ = nullptr;
  }

  // Reads name and capabilities; false when no server answers.
  bool Refresh() {
    char* name = nullptr;
    char* vendor = nullptr;
    char* version = nullptr;
    char* spec = nullptr;
    info_.capabilities.clear();
    info_.actions = false;
    if (!notify_get_server_info(&name, &vendor, &version, &spec)) {
      info_.server.clear();
      return false;
    }
    info_.server = std::string(name) + " " + version + " (" + vendor + ")";
    g_free(name);
    g_free(vendor);
    g_free(version);
    g_free(spec);
    GList* caps = notify_get_server_caps();
    for (GList* it = caps; it != nullptr; it = it->next) {
      info_.capabilities.emplace_back(static_cast<const char*>(it->data));
      if (info_.capabilities.back() == "actions") info_.actions = true;
    }
    g_list_free_full(caps, g_free);
    return true;
  }

  // How this show sounds; also sets Info().sound.
  SoundPlan Plan(const NotifySound& sound) {
    const bool has_sound = std::find(info_.capabilities.begin(), info_.capabilities.end(),
                                     "sound") != info_.capabilities.end();
    SoundPlan plan = PlanSound(sound, has_sound, player_ ? player_->Name() : "");
    info_.sound = plan.description;
    info_.sound_problem = plan.problem;
    return plan;
  }

  // The hint the server plays, or none (a null value removes a hint).
  void SetSoundHints(const SoundPlan& plan, const NotifySound& sound) {
    const bool hint = plan.way == SoundPlan::Way::kHint;
    for (const char* key : {"sound-name", "sound-file"}) {
      const bool set = hint && std::string_view(plan.hint) == key;
      notify_notification_set_hint(notification_, key,
                                   set ? g_variant_new_string(sound.name.c_str()) : nullptr);
    }
  }

  // The daemon's own player, for servers without "sound"; its error is the
  // sound problem `doctor` shows until a sound plays again.
  void PlaySound(const SoundPlan& plan, const NotifySound& sound) {
    if (plan.way != SoundPlan::Way::kPlay) return;
    Status played = player_->Play(sound);
    info_.sound_problem = played.ok() ? "" : played.error().message;
  }

  void Prepare(const ReminderView& view) {
    // The body follows what the server just said it can do (Refresh), not
    // what was known when the reminder was composed.
    std::string body = BodyFor(view, info_.actions, ActionMenuCommand(info_));
    if (notification_ == nullptr) {
      notification_ = notify_notification_new(view.summary.c_str(), body.c_str(), "unsit");
      g_signal_connect(notification_, "closed", G_CALLBACK(&Back::OnClosed), this);
    } else {
      notify_notification_update(notification_, view.summary.c_str(), body.c_str(), "unsit");
    }
    NotifyNotification* n = notification_;
    notify_notification_set_app_name(n, "unsit");
    notify_notification_set_urgency(n, NOTIFY_URGENCY_NORMAL);
    notify_notification_set_category(n, "x-unsit.reminder");
    notify_notification_set_timeout(n, NOTIFY_EXPIRES_NEVER);
    notify_notification_set_hint(n, "desktop-entry", g_variant_new_string("unsit"));
    // The stretch's drawing, for servers that show images; a null value removes it.
    notify_notification_set_hint(
        n, "image-path",
        view.picture.empty() ? nullptr : g_variant_new_string(view.picture.c_str()));
    notify_notification_clear_actions(n);
    if (!info_.actions) {
      notify_notification_set_hint(n, "resident", nullptr);  // removes it
      return;
    }
    notify_notification_set_hint(n, "resident", g_variant_new_boolean(TRUE));
    desk_ = !view.desk_label.empty();
    if (desk_) {  // a prompt of the sit-stand rhythm: its own button, and Later
      AddAction("default", view.desk_label);
      if (ActionMenuCommand(info_).empty()) AddAction("desk", view.desk_label);
      if (!view.snooze_label.empty()) AddAction("snooze", view.snooze_label);
      return;
    }
    // One label per action: a server with a menu lists "default" in it too, so
    // the "done" button is left to servers that show buttons.
    AddAction("default", view.done_label);
    if (ActionMenuCommand(info_).empty()) AddAction("done", view.done_label);
    AddAction("snooze", view.snooze_label);
    AddAction("skip", view.skip_label);
  }

  void AddAction(const char* id, const std::string& label) {
    notify_notification_add_action(notification_, id, label.c_str(), &Back::OnAction, this,
                                   nullptr);
  }

  static void OnAction(NotifyNotification*, char* action, gpointer data) {
    auto* self = static_cast<Back*>(data);
    std::string id = action != nullptr ? action : "";
    NotifyAction what = NotifyAction::kDone;  // "default" and "done"
    if (id == "snooze") what = NotifyAction::kSnooze;
    if (id == "skip") what = NotifyAction::kSkip;
    if (self->desk_ && (id == "default" || id == "desk")) what = NotifyAction::kDesk;
    self->acted_ = true;
    self->PostAction(what);
  }

  static void OnClosed(NotifyNotification* n, gpointer data) {
    auto* self = static_cast<Back*>(data);
    self->on_screen_ = false;
    if (self->acted_) return;  // closed because the user pressed a button
    if (notify_notification_get_closed_reason(n) == kReasonExpired) return;
    self->PostAction(NotifyAction::kDismissed);
  }

  void PostAction(NotifyAction action) {
    boost::asio::post(io_, [front = front_, action] {
      if (auto f = front.lock(); f && f->on_action) f->on_action(action);
    });
  }

  // Hands the current info to the io_context thread; the status callback fires
  // only when something changed.
  void PostInfo() {
    boost::asio::post(io_, [front = front_, info = info_] {
      auto f = front.lock();
      if (!f) return;
      bool changed = f->info.server != info.server || f->info.problem != info.problem ||
                     f->info.capabilities != info.capabilities;
      f->info = info;
      if (changed && f->on_status) f->on_status(info);
    });
  }

  boost::asio::io_context& io_;
  std::weak_ptr<Front> front_;
  NotifierInfo info_;
  std::unique_ptr<SoundPlayer> player_;  // null when none is built in
  NotifyNotification* notification_ = nullptr;
  GDBusConnection* bus_ = nullptr;  // the shared session connection, held
  bool on_screen_ = false;
  bool acted_ = false;  // an action came for the notification on screen
  bool desk_ = false;   // it is a prompt of the sit-stand rhythm
};

class LibnotifyNotifierImpl final : public Notifier {
 public:
  LibnotifyNotifierImpl(boost::asio::io_context& io, GlibThread& glib, const Config& config,
                        std::unique_ptr<SoundPlayer> player)
      : glib_(glib),
        config_(config),
        front_(std::make_shared<Front>()),
        back_(std::make_shared<Back>(io, front_, std::move(player))) {
    front_->info.name = "libnotify";
  }

  // The Back is released on the GLib thread, after any work still queued there.
  ~LibnotifyNotifierImpl() override {
    glib_.Post([back = std::move(back_)]() mutable { back.reset(); });
  }

  std::string_view Name() const override { return "libnotify"; }
  void SetActionCallback(ActionCallback callback) override {
    front_->on_action = std::move(callback);
  }
  void SetStatusCallback(StatusCallback callback) override {
    front_->on_status = std::move(callback);
  }
  void Show(const ReminderView& view) override {
    glib_.Post([back = back_, view, sound = config_.notify.sound] { back->Show(view, sound); });
  }
  void Close() override {
    glib_.Post([back = back_] { back->Close(); });
  }
  NotifierInfo Info() const override { return front_->info; }
  bool OnScreen() const override { return true; }

  // Runs Back::Init on the GLib thread and waits for it (bounded).
  Status Init() {
    auto promise = std::make_shared<std::promise<Result<NotifierInfo>>>();
    auto future = promise->get_future();
    glib_.Post([back = back_, promise, sound = config_.notify.sound] {
      promise->set_value(back->Init(sound));
    });
    if (future.wait_for(kInitTimeout) != std::future_status::ready) {
      SetNoServer(front_->info, TrNoop("no answer within 5 s"));
      return Ok{};
    }
    auto info = future.get();
    if (!info.ok()) return info.error();
    front_->info = info.value();
    return Ok{};
  }

 private:
  GlibThread& glib_;
  const Config& config_;  // the daemon's, replaced in place on reload
  std::shared_ptr<Front> front_;
  std::shared_ptr<Back> back_;
};

bool HaveSessionBusAddress() {
  const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
  if (address != nullptr && *address != '\0') return true;
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::error_code ec;
  return runtime != nullptr && *runtime != '\0' &&
         std::filesystem::exists(std::filesystem::path(runtime) / "bus", ec);
}

}  // namespace

Result<std::unique_ptr<Notifier>> MakeLibnotifyNotifier(const PlatformContext& context,
                                                        std::unique_ptr<SoundPlayer> player) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{errc::kUnavailable, TrNoop("the GLib thread is not running")};
  }
  if (!HaveSessionBusAddress()) {
    return Error{errc::kUnavailable,
                 TrNoop("no session bus (DBUS_SESSION_BUS_ADDRESS is unset and there is no "
                        "$XDG_RUNTIME_DIR/bus)")};
  }
  auto notifier = std::make_unique<LibnotifyNotifierImpl>(context.io, *context.glib, context.config,
                                                          std::move(player));
  if (auto started = notifier->Init(); !started.ok()) return started.error();
  return std::unique_ptr<Notifier>(std::move(notifier));
}

}  // namespace unsit
