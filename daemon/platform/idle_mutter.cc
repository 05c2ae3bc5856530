// GNOME's idle monitor: org.gnome.Mutter.IdleMonitor at /org/gnome/Mutter/IdleMonitor/Core.
//
// AddIdleWatch(ms) fires WatchFired(id) each time idle crosses the threshold;
// AddUserActiveWatch() fires once at the next input and is then gone, so it is
// added again whenever needed. Watches belong to the connection and die with the
// owner of the name: when gnome-shell restarts (X11: Alt+F2 r) the name vanishes
// and comes back, and every watch is added again. A vanished name is not kLost:
// the source keeps waiting for it to return (IdleTime() is unknown meanwhile),
// because a restart is routine and losing the backend for it would be wrong.
#include "platform/idle_mutter.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "clock/clock.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/gdbus_util.h"

namespace unsit {
namespace {

constexpr char kName[] = "org.gnome.Mutter.IdleMonitor";
constexpr char kPath[] = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr char kInterface[] = "org.gnome.Mutter.IdleMonitor";

// What the io_context thread sees: reports and the cached idle time.
struct IoSide {
  IdleSource::Callback callback;
  std::optional<BootTime> idle_since;      // set while the last report was kIdle
  std::optional<Duration> last_idle_time;  // last GetIdletime, if the name is there
};

// The GLib side. Created on the io thread, then touched only on the GLib thread.
class Monitor : public std::enable_shared_from_this<Monitor> {
 public:
  Monitor(boost::asio::io_context& io, std::weak_ptr<IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}
  ~Monitor() {
    if (bus_ != nullptr) g_object_unref(bus_);
  }

  Status Probe();
  void Start(Duration threshold);
  void Stop();
  void WatchNextInput();
  void RefreshIdleTime();

 private:
  static void OnAppeared(GDBusConnection*, const gchar*, const gchar*, gpointer data);
  static void OnVanished(GDBusConnection*, const gchar*, gpointer data);
  static void OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                       GVariant* parameters, gpointer data);

  void Register();
  void AddWatch(const char* method, GVariant* args, guint32* id_out);
  void Fired(guint32 id);
  void Post(std::function<void(IoSide&)> fn);
  void PostReport(IdleReport report);

  boost::asio::io_context& io_;
  std::weak_ptr<IoSide> io_side_;
  GDBusConnection* bus_ = nullptr;
  guint name_watch_ = 0;
  guint signal_ = 0;
  Duration threshold_{};
  bool present_ = false;
  bool idle_ = false;             // kIdle reported, kActive not yet
  bool want_next_input_ = false;  // WatchNextInput pending
  guint32 idle_watch_ = 0;        // 0: none
  guint32 active_watch_ = 0;      // 0: none; also nonzero (pending) while being added
};

// A weak reference for GLib callbacks: the Monitor may be stopped before they run.
struct Ref {
  std::weak_ptr<Monitor> monitor;
  guint32* slot;  // where an added watch's id goes (inside the Monitor)
};

Status Monitor::Probe() {
  Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SESSION);
  if (!bus) return bus.error();
  bus_ = *bus;
  Result<GVariant*> owner = gdbus::Call(
      bus_, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetNameOwner",
      g_variant_new("(s)", kName), G_VARIANT_TYPE("(s)"), std::chrono::milliseconds(1000));
  if (!owner) {
    // TRANSLATORS: %s is a D-Bus name.
    return ErrorWithText(errc::kUnavailable, TrNoop("%s is not on the session bus"), kName);
  }
  g_variant_unref(*owner);
  return Ok{};
}

void Monitor::Start(Duration threshold) {
  threshold_ = threshold;
  auto* weak = new std::weak_ptr<Monitor>(weak_from_this());
  auto free_weak = [](gpointer data) { delete static_cast<std::weak_ptr<Monitor>*>(data); };
  signal_ =
      g_dbus_connection_signal_subscribe(bus_, kName, kInterface, "WatchFired", kPath, nullptr,
                                         G_DBUS_SIGNAL_FLAGS_NONE, &OnSignal, weak, free_weak);
  weak = new std::weak_ptr<Monitor>(weak_from_this());
  name_watch_ = g_bus_watch_name_on_connection(bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                               &OnAppeared, &OnVanished, weak, free_weak);
}

void Monitor::Stop() {
  if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
  if (signal_ != 0) g_dbus_connection_signal_unsubscribe(bus_, signal_);
  name_watch_ = signal_ = 0;
  // Watches die with our connection, which closes when the Monitor goes.
  if (bus_ != nullptr) g_dbus_connection_close(bus_, nullptr, nullptr, nullptr);
}

void Monitor::OnAppeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
  if (auto self = static_cast<std::weak_ptr<Monitor>*>(data)->lock()) {
    self->present_ = true;
    self->Register();
  }
}

void Monitor::OnVanished(GDBusConnection*, const gchar*, gpointer data) {
  if (auto self = static_cast<std::weak_ptr<Monitor>*>(data)->lock()) {
    self->present_ = false;
    self->idle_watch_ = self->active_watch_ = 0;  // they died with the old owner
    self->Post([](IoSide& side) { side.last_idle_time.reset(); });
  }
}

void Monitor::OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                       GVariant* parameters, gpointer data) {
  auto self = static_cast<std::weak_ptr<Monitor>*>(data)->lock();
  if (!self || !g_variant_is_of_type(parameters, G_VARIANT_TYPE("(u)"))) return;
  guint32 id = 0;
  g_variant_get(parameters, "(u)", &id);
  self->Fired(id);
}

// (Re-)adds the watches on a new owner. The user may already be idle past the
// threshold (an idle watch fires only on crossing): GetIdletime settles that.
void Monitor::Register() {
  AddWatch("AddIdleWatch", g_variant_new("(t)", static_cast<guint64>(threshold_.count())),
           &idle_watch_);
  if (idle_ || want_next_input_) AddWatch("AddUserActiveWatch", nullptr, &active_watch_);
  RefreshIdleTime();
}

void Monitor::AddWatch(const char* method, GVariant* args, guint32* id_out) {
  *id_out = G_MAXUINT32;  // pending: no id yet, but do not add twice
  auto* ref = new Ref{weak_from_this(), id_out};
  g_dbus_connection_call(
      bus_, kName, kPath, kInterface, method, args, G_VARIANT_TYPE("(u)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, nullptr,
      [](GObject* source, GAsyncResult* result, gpointer data) {
        std::unique_ptr<Ref> owned(static_cast<Ref*>(data));
        GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
        auto self = owned->monitor.lock();
        guint32 id = 0;
        if (reply != nullptr) {
          g_variant_get(reply, "(u)", &id);
          g_variant_unref(reply);
        }
        if (self && self->present_) *owned->slot = id;  // 0 on failure: re-added on return
      },
      ref);
}

void Monitor::Fired(guint32 id) {
  if (id == 0) return;
  if (id == idle_watch_ && !idle_) {
    idle_ = true;
    BootTime since = ReadBootClock() - threshold_;
    PostReport({IdleReport::Kind::kIdle, since, {}});
    if (active_watch_ == 0) AddWatch("AddUserActiveWatch", nullptr, &active_watch_);
  } else if (id == active_watch_) {
    active_watch_ = 0;  // one-shot: Mutter removed it
    if (idle_ || want_next_input_) {
      idle_ = want_next_input_ = false;
      PostReport({IdleReport::Kind::kActive, {}, {}});
    }
  }
}

void Monitor::WatchNextInput() {
  if (want_next_input_ || idle_) return;  // idle: the active watch reports it already
  want_next_input_ = true;
  if (present_ && active_watch_ == 0) AddWatch("AddUserActiveWatch", nullptr, &active_watch_);
}

// Asks for GetIdletime; the answer updates the io side's cache and, if the user
// is already idle past the threshold, reports kIdle (back-dated to the last input).
void Monitor::RefreshIdleTime() {
  if (!present_) return;
  auto* weak = new std::weak_ptr<Monitor>(weak_from_this());
  g_dbus_connection_call(
      bus_, kName, kPath, kInterface, "GetIdletime", nullptr, G_VARIANT_TYPE("(t)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, nullptr,
      [](GObject* source, GAsyncResult* result, gpointer data) {
        std::unique_ptr<std::weak_ptr<Monitor>> owned(static_cast<std::weak_ptr<Monitor>*>(data));
        GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
        auto self = owned->lock();
        if (reply == nullptr || !self) {
          if (reply != nullptr) g_variant_unref(reply);
          return;
        }
        guint64 ms = 0;
        g_variant_get(reply, "(t)", &ms);
        g_variant_unref(reply);
        const Duration idle(static_cast<Duration::rep>(ms));
        self->Post([idle](IoSide& side) { side.last_idle_time = idle; });
        if (idle >= self->threshold_ && !self->idle_) {
          self->idle_ = true;
          self->PostReport({IdleReport::Kind::kIdle, ReadBootClock() - idle, {}});
          if (self->active_watch_ == 0) {
            self->AddWatch("AddUserActiveWatch", nullptr, &self->active_watch_);
          }
        }
      },
      weak);
}

void Monitor::Post(std::function<void(IoSide&)> fn) {
  boost::asio::post(io_, [side = io_side_, fn = std::move(fn)] {
    if (auto locked = side.lock()) fn(*locked);
  });
}

void Monitor::PostReport(IdleReport report) {
  Post([report = std::move(report)](IoSide& side) {
    side.idle_since =
        report.kind == IdleReport::Kind::kIdle ? std::optional(report.since) : std::nullopt;
    if (side.callback) side.callback(report);
  });
}

class MutterIdleSource : public IdleSource {
 public:
  MutterIdleSource(GlibThread& glib, std::shared_ptr<IoSide> io_side,
                   std::shared_ptr<Monitor> monitor)
      : glib_(glib), io_side_(std::move(io_side)), monitor_(std::move(monitor)) {}
  ~MutterIdleSource() override {
    glib_.Post([monitor = std::move(monitor_)] { monitor->Stop(); });
  }
  std::string_view Name() const override { return "mutter"; }
  std::string Protocol() const override { return "org.gnome.Mutter.IdleMonitor"; }
  Status Start(Duration threshold, Callback callback) override {
    if (Status valid = CheckIdleThreshold(threshold); !valid) return valid;
    io_side_->callback = std::move(callback);
    glib_.Post([monitor = monitor_, threshold] { monitor->Start(threshold); });
    return Ok{};
  }
  void WatchNextInput() override {
    glib_.Post([monitor = monitor_] { monitor->WatchNextInput(); });
  }
  // While idle: exact from the kIdle edge. Otherwise the last GetIdletime answer,
  // refreshed in the background for the next call (so at most one call stale).
  std::optional<Duration> IdleTime() override {
    if (io_side_->idle_since) return ReadBootClock() - *io_side_->idle_since;
    glib_.Post([monitor = monitor_] { monitor->RefreshIdleTime(); });
    return io_side_->last_idle_time;
  }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<Monitor> monitor_;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeMutterIdleSource(const PlatformContext& context) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{errc::kUnavailable, TrNoop("the GLib thread is not running")};
  }
  auto io_side = std::make_shared<IoSide>();
  auto monitor = std::make_shared<Monitor>(context.io, io_side);
  std::optional<Status> probed = gdbus::RunOnGlib<Status>(
      *context.glib, [monitor] { return monitor->Probe(); }, std::chrono::milliseconds(3000));
  if (!probed) return Error{errc::kUnavailable, TrNoop("the session bus did not answer in time")};
  if (!*probed) {
    context.glib->Post([monitor] { monitor->Stop(); });
    return probed->error();
  }
  return std::unique_ptr<IdleSource>(
      std::make_unique<MutterIdleSource>(*context.glib, std::move(io_side), std::move(monitor)));
}

}  // namespace unsit
