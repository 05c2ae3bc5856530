// Screen lock and sleep: logind on the system bus (PrepareForSleep, and the
// session's Lock/Unlock signals and LockedHint), plus the screensavers' ActiveChanged
// on the session bus for desktops that do not maintain logind's lock state.
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "platform/gdbus_util.h"
#include "platform/logind_find_session.h"
#include "platform/session_watch.h"

namespace unsit {
namespace {

using logind::kManager;
using logind::kManagerPath;
using logind::kSession;
constexpr const char* kLogind = logind::kName;

// The screensaver services whose ActiveChanged(b) means locked / unlocked.
// Each is also the interface; `path` is where GetActive answers.
struct ScreenSaver {
  const char* name;
  const char* path;
};
constexpr ScreenSaver kScreenSavers[] = {
    {"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"},
    {"org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"}};
constexpr std::chrono::milliseconds kScreenSaverTimeout(500);

struct IoSide {
  SessionWatch::Callback callback;
  SessionState state;
};

// The GLib side. Created on the io thread, then touched only on the GLib thread.
class Watcher : public std::enable_shared_from_this<Watcher> {
 public:
  Watcher(boost::asio::io_context& io, std::weak_ptr<IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}
  ~Watcher() {
    for (GDBusConnection* bus : {system_, session_}) {
      if (bus != nullptr) g_object_unref(bus);
    }
  }

  Status Start();
  void Stop();

 private:
  void WatchScreenSavers();
  Status WatchLogind();
  std::optional<bool> ScreenSaverActive(const ScreenSaver& saver);
  void Subscribe(GDBusConnection* bus, const char* sender, const char* interface,
                 const char* member, const char* path, const char* arg0);
  static void OnSignal(GDBusConnection*, const gchar* sender, const gchar* path,
                       const gchar* interface, const gchar* member, GVariant* parameters,
                       gpointer data);
  void Handle(const std::string& interface, const std::string& member, GVariant* parameters);
  void SetLocked(bool locked);
  void SetSleeping(bool sleeping);
  void Deliver(std::optional<SessionEvent> event);

  boost::asio::io_context& io_;
  std::weak_ptr<IoSide> io_side_;
  GDBusConnection* system_ = nullptr;
  GDBusConnection* session_ = nullptr;
  std::vector<std::pair<GDBusConnection*, guint>> subscriptions_;
  SessionState state_;
  bool sleeping_ = false;
};

Status Watcher::Start() {
  WatchScreenSavers();
  Status result = WatchLogind();
  // Started behind a locked screen (a restart while the user is away): that is
  // a lock like any other, or the time would count as sitting until the unlock.
  Deliver(state_.locked.value_or(false) ? std::optional(SessionEvent::kLock) : std::nullopt);
  return result;
}

// The session bus (screensavers) is optional and independent of logind.
void Watcher::WatchScreenSavers() {
  Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SESSION);
  if (!bus) return;
  session_ = *bus;
  for (const ScreenSaver& saver : kScreenSavers) {
    Subscribe(session_, saver.name, saver.name, "ActiveChanged", nullptr, nullptr);
    state_.sources.emplace_back(saver.name);
    if (std::optional<bool> active = ScreenSaverActive(saver)) {
      state_.locked = state_.locked.value_or(false) || *active;
    }
  }
}

Status Watcher::WatchLogind() {
  Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SYSTEM);
  if (!bus) return bus.error();
  system_ = *bus;
  Subscribe(system_, kLogind, kManager, "PrepareForSleep", kManagerPath, nullptr);
  state_.sources.emplace_back("logind sleep");
  // The session whose lock state matters.
  Result<logind::FoundSession> found = logind::FindSession(system_);
  if (!found) return found.error();
  state_.session = found->path;
  state_.session_found_by = found->how;
  const char* path = state_.session.c_str();
  Subscribe(system_, kLogind, kSession, "Lock", path, nullptr);
  Subscribe(system_, kLogind, kSession, "Unlock", path, nullptr);
  Subscribe(system_, kLogind, "org.freedesktop.DBus.Properties", "PropertiesChanged", path,
            kSession);
  state_.sources.emplace_back("logind session lock");
  if (Result<GVariant*> hint = gdbus::GetProperty(system_, kLogind, path, kSession, "LockedHint");
      hint) {
    state_.locked = state_.locked.value_or(false) || g_variant_get_boolean(*hint) != FALSE;
    g_variant_unref(*hint);
  }
  return Ok{};
}

// Whether a screensaver says it is active; nullopt if it is not running. Absent
// ones cost no wait: the bus answers for them, and nothing is activated.
std::optional<bool> Watcher::ScreenSaverActive(const ScreenSaver& saver) {
  Result<GVariant*> reply = gdbus::Call(session_, saver.name, saver.path, saver.name, "GetActive",
                                        nullptr, G_VARIANT_TYPE("(b)"), kScreenSaverTimeout);
  if (!reply) return std::nullopt;
  gboolean active = FALSE;
  g_variant_get(*reply, "(b)", &active);
  g_variant_unref(*reply);
  return active != FALSE;
}

void Watcher::Stop() {
  for (auto [bus, id] : subscriptions_) g_dbus_connection_signal_unsubscribe(bus, id);
  subscriptions_.clear();
  for (GDBusConnection* bus : {system_, session_}) {
    if (bus != nullptr) g_dbus_connection_close(bus, nullptr, nullptr, nullptr);
  }
}

void Watcher::Subscribe(GDBusConnection* bus, const char* sender, const char* interface,
                        const char* member, const char* path, const char* arg0) {
  auto* weak = new std::weak_ptr<Watcher>(weak_from_this());
  guint id = g_dbus_connection_signal_subscribe(
      bus, sender, interface, member, path, arg0, G_DBUS_SIGNAL_FLAGS_NONE, &OnSignal, weak,
      [](gpointer data) { delete static_cast<std::weak_ptr<Watcher>*>(data); });
  subscriptions_.emplace_back(bus, id);
}

void Watcher::OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar* interface,
                       const gchar* member, GVariant* parameters, gpointer data) {
  if (auto self = static_cast<std::weak_ptr<Watcher>*>(data)->lock()) {
    self->Handle(interface, member, parameters);
  }
}

void Watcher::Handle(const std::string& interface, const std::string& member,
                     GVariant* parameters) {
  if (member == "PrepareForSleep" && g_variant_is_of_type(parameters, G_VARIANT_TYPE("(b)"))) {
    gboolean start = FALSE;
    g_variant_get(parameters, "(b)", &start);
    SetSleeping(start != FALSE);
  } else if (member == "Lock" || member == "Unlock") {
    SetLocked(member == "Lock");
  } else if (member == "ActiveChanged" && g_variant_is_of_type(parameters, G_VARIANT_TYPE("(b)"))) {
    gboolean active = FALSE;
    g_variant_get(parameters, "(b)", &active);
    SetLocked(active != FALSE);
  } else if (member == "PropertiesChanged" &&
             g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) {
    GVariant* changed = g_variant_get_child_value(parameters, 1);
    gboolean hint = FALSE;
    if (g_variant_lookup(changed, "LockedHint", "b", &hint)) SetLocked(hint != FALSE);
    g_variant_unref(changed);
  }
  (void)interface;
}

// One event per change, whichever source saw it first.
void Watcher::SetLocked(bool locked) {
  if (state_.locked == locked) return;
  state_.locked = locked;
  Deliver(locked ? SessionEvent::kLock : SessionEvent::kUnlock);
}

void Watcher::SetSleeping(bool sleeping) {
  if (sleeping_ == sleeping) return;
  sleeping_ = sleeping;
  Deliver(sleeping ? SessionEvent::kSleep : SessionEvent::kWake);
}

void Watcher::Deliver(std::optional<SessionEvent> event) {
  boost::asio::post(io_, [side = io_side_, state = state_, event] {
    auto locked = side.lock();
    if (!locked) return;
    locked->state = state;
    if (event && locked->callback) locked->callback(*event);
  });
}

class LogindSessionWatch : public SessionWatch {
 public:
  LogindSessionWatch(GlibThread& glib, boost::asio::io_context& io)
      : glib_(glib),
        io_side_(std::make_shared<IoSide>()),
        watcher_(std::make_shared<Watcher>(io, io_side_)) {}
  ~LogindSessionWatch() override {
    glib_.Post([watcher = std::move(watcher_)] { watcher->Stop(); });
  }
  Status Start(Callback callback) override {
    io_side_->callback = std::move(callback);
    std::optional<Status> started = gdbus::RunOnGlib<Status>(
        glib_, [watcher = watcher_] { return watcher->Start(); }, std::chrono::milliseconds(5000));
    if (!started) return Error{errc::kDbus, "logind did not answer in time"};
    return *started;
  }
  SessionState State() const override { return io_side_->state; }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<Watcher> watcher_;
};

}  // namespace

Result<std::unique_ptr<SessionWatch>> MakeLogindSessionWatch(const PlatformContext& context) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{errc::kUnavailable, "the GLib thread is not running"};
  }
  return std::unique_ptr<SessionWatch>(
      std::make_unique<LogindSessionWatch>(*context.glib, context.io));
}

}  // namespace unsit
