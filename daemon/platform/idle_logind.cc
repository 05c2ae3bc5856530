// logind's IdleHint on the user's session, the coarse last resort.
//
// A desktop tells logind that its session is idle with Session.SetIdleHint(b);
// logind then emits PropertiesChanged with IdleHint, IdleSinceHint and
// IdleSinceHintMonotonic (µs on CLOCK_MONOTONIC, when idleness began). Sessions
// whose idleness logind computes itself (text consoles, from the terminal's
// access time) emit no such signal; they are not desktops, and no polling is done
// for them.
#include "platform/idle_logind.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "clock/clock.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/gdbus_util.h"
#include "platform/logind_find_session.h"

namespace unsit {
namespace {

using logind::kName;
using logind::kSession;
constexpr char kProperties[] = "org.freedesktop.DBus.Properties";

// What the io_context thread sees.
struct IoSide {
  IdleSource::Callback callback;
  std::optional<BootTime> idle_since;  // set while the last report was kIdle
};

// The session's idle state as one message carried it.
struct Hint {
  bool idle = false;
  std::optional<guint64> since_us;  // IdleSinceHintMonotonic, if the message had it
};

// IdleHint and IdleSinceHintMonotonic from an a{sv}; nullopt without IdleHint.
std::optional<Hint> ReadHint(GVariant* properties) {
  gboolean idle = FALSE;
  if (!g_variant_lookup(properties, "IdleHint", "b", &idle)) return std::nullopt;
  Hint hint{idle != FALSE, std::nullopt};
  guint64 since = 0;
  if (g_variant_lookup(properties, "IdleSinceHintMonotonic", "t", &since)) hint.since_us = since;
  return hint;
}

// True if an "as" of invalidated property names holds IdleHint.
bool InvalidatesIdleHint(GVariant* invalidated) {
  GVariantIter iter;
  g_variant_iter_init(&iter, invalidated);
  const gchar* name = nullptr;
  while (g_variant_iter_next(&iter, "&s", &name)) {
    if (g_strcmp0(name, "IdleHint") == 0) return true;
  }
  return false;
}

// The boot-clock instant of a CLOCK_MONOTONIC reading in µs (0: unknown, now).
BootTime ToBootTime(guint64 monotonic_us) {
  const BootTime boot_now = ReadBootClock();
  if (monotonic_us == 0) return boot_now;
  const std::chrono::microseconds since(static_cast<std::chrono::microseconds::rep>(monotonic_us));
  return MonotonicToBoot(std::chrono::duration_cast<Duration>(since), boot_now,
                         ReadMonotonicClock());
}

// The GLib side. Created on the io thread, then touched only on the GLib thread.
class Watcher : public std::enable_shared_from_this<Watcher> {
 public:
  Watcher(boost::asio::io_context& io, std::weak_ptr<IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}
  ~Watcher() {
    if (bus_ != nullptr) g_object_unref(bus_);
  }

  Status Probe();
  void Start();
  void Stop();
  void WatchNextInput();

 private:
  static void OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                       GVariant* parameters, gpointer data);
  static void OnVanished(GDBusConnection* bus, const gchar*, gpointer data);

  void Changed(GVariant* parameters);
  void Refresh();
  void Apply(const Hint& hint);
  void PostReport(IdleReport report);

  boost::asio::io_context& io_;
  std::weak_ptr<IoSide> io_side_;
  GDBusConnection* bus_ = nullptr;
  std::string session_;  // object path
  guint signal_ = 0;
  guint name_watch_ = 0;
  bool known_ = false;            // IdleHint read at least once
  bool idle_ = false;             // kIdle reported, kActive not yet
  bool want_next_input_ = false;  // WatchNextInput pending
  bool lost_ = false;             // kLost reported: nothing more
};

using WeakWatcher = std::weak_ptr<Watcher>;

void FreeWeak(gpointer data) { delete static_cast<WeakWatcher*>(data); }

Status Watcher::Probe() {
  Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SYSTEM);
  if (!bus) return bus.error();
  bus_ = *bus;
  Result<logind::FoundSession> found = logind::FindSession(bus_);
  // TRANSLATORS: %s is why, often in D-Bus's words.
  if (!found) return WrapError(errc::kUnavailable, TrNoop("no logind session: %s"), found.error());
  session_ = found->path;
  Result<GVariant*> hint = gdbus::GetProperty(bus_, kName, session_.c_str(), kSession, "IdleHint");
  if (!hint) {
    // TRANSLATORS: the first %s is a D-Bus object path, the second why.
    return ErrorWithText(errc::kUnavailable, TrNoop("the logind session %s has no IdleHint: %s"),
                         session_.c_str(), ErrorText(hint.error()).c_str());
  }
  const bool boolean = g_variant_is_of_type(*hint, G_VARIANT_TYPE_BOOLEAN);
  g_variant_unref(*hint);
  if (!boolean) {
    // TRANSLATORS: %s is a D-Bus object path.
    return ErrorWithText(errc::kUnavailable, TrNoop("IdleHint of %s is not a boolean"),
                         session_.c_str());
  }
  return Ok{};
}

// Subscribes first, then reads the state, so no change falls in between.
void Watcher::Start() {
  signal_ = g_dbus_connection_signal_subscribe(
      bus_, kName, kProperties, "PropertiesChanged", session_.c_str(), kSession,
      G_DBUS_SIGNAL_FLAGS_NONE, &OnSignal, new WeakWatcher(weak_from_this()), &FreeWeak);
  // Also called when the connection closes.
  name_watch_ =
      g_bus_watch_name_on_connection(bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE, nullptr,
                                     &OnVanished, new WeakWatcher(weak_from_this()), &FreeWeak);
  Refresh();
}

void Watcher::Stop() {
  if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
  if (signal_ != 0) g_dbus_connection_signal_unsubscribe(bus_, signal_);
  name_watch_ = signal_ = 0;
  if (bus_ != nullptr) g_dbus_connection_close(bus_, nullptr, nullptr, nullptr);
}

void Watcher::OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                       GVariant* parameters, gpointer data) {
  if (auto self = static_cast<WeakWatcher*>(data)->lock()) self->Changed(parameters);
}

void Watcher::OnVanished(GDBusConnection* bus, const gchar*, gpointer data) {
  auto self = static_cast<WeakWatcher*>(data)->lock();
  if (!self || self->lost_) return;
  self->lost_ = true;
  self->PostReport({IdleReport::Kind::kLost,
                    {},
                    g_dbus_connection_is_closed(bus)
                        ? "the system bus closed the connection"
                        : std::string("logind (") + kName + ") left the system bus"});
}

// logind sends the three idle properties together; anything less is read again.
void Watcher::Changed(GVariant* parameters) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
  GVariant* changed = g_variant_get_child_value(parameters, 1);
  GVariant* invalidated = g_variant_get_child_value(parameters, 2);
  std::optional<Hint> hint = ReadHint(changed);
  if (hint && (!hint->idle || hint->since_us)) {
    Apply(*hint);
  } else if (hint || InvalidatesIdleHint(invalidated)) {
    Refresh();
  }
  g_variant_unref(changed);
  g_variant_unref(invalidated);
}

// Reads the session's properties in the background and applies the idle state.
void Watcher::Refresh() {
  g_dbus_connection_call(
      bus_, kName, session_.c_str(), kProperties, "GetAll", g_variant_new("(s)", kSession),
      G_VARIANT_TYPE("(a{sv})"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
      static_cast<gint>(logind::kCallTimeout.count()), nullptr,
      [](GObject* source, GAsyncResult* result, gpointer data) {
        std::unique_ptr<WeakWatcher> owned(static_cast<WeakWatcher*>(data));
        GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
        std::optional<Hint> hint;
        if (reply != nullptr) {
          GVariant* properties = g_variant_get_child_value(reply, 0);
          hint = ReadHint(properties);
          g_variant_unref(properties);
          g_variant_unref(reply);
        }
        auto self = owned->lock();
        if (!self) return;
        // No answer at all (logind gone: the name watch reports it; or hung):
        // a first state of "not idle" lets a pending WatchNextInput through.
        if (hint) {
          self->Apply(*hint);
        } else if (!self->known_) {
          self->Apply(Hint{});
        }
      },
      new WeakWatcher(weak_from_this()));
}

// One report per edge. Idle without a start time (0 or missing) began now.
void Watcher::Apply(const Hint& hint) {
  if (lost_) return;
  known_ = true;
  if (hint.idle && !idle_) {
    idle_ = true;
    PostReport({IdleReport::Kind::kIdle, ToBootTime(hint.since_us.value_or(0)), {}});
  } else if (!hint.idle && (idle_ || want_next_input_)) {
    idle_ = want_next_input_ = false;
    PostReport({IdleReport::Kind::kActive, {}, {}});
  }
}

// IdleHint cannot see input in a session that is not idle: that is reported as
// input at once. Until the first answer, or while idle, Apply reports it.
void Watcher::WatchNextInput() {
  if (lost_) return;
  if (!known_ || idle_) {
    want_next_input_ = true;
    return;
  }
  PostReport({IdleReport::Kind::kActive, {}, {}});
}

void Watcher::PostReport(IdleReport report) {
  boost::asio::post(io_, [side = io_side_, report = std::move(report)] {
    auto locked = side.lock();
    if (!locked) return;
    locked->idle_since =
        report.kind == IdleReport::Kind::kIdle ? std::optional(report.since) : std::nullopt;
    if (locked->callback) locked->callback(report);
  });
}

class LogindIdleSource : public IdleSource {
 public:
  LogindIdleSource(GlibThread& glib, std::shared_ptr<IoSide> io_side,
                   std::shared_ptr<Watcher> watcher)
      : glib_(glib), io_side_(std::move(io_side)), watcher_(std::move(watcher)) {}
  ~LogindIdleSource() override {
    glib_.Post([watcher = std::move(watcher_)] { watcher->Stop(); });
  }
  std::string_view Name() const override { return "logind"; }
  std::string Protocol() const override { return "org.freedesktop.login1 IdleHint"; }
  // The desktop decides when the session is idle: `threshold` is checked, not used.
  Status Start(Duration threshold, Callback callback) override {
    if (Status valid = CheckIdleThreshold(threshold); !valid) return valid;
    io_side_->callback = std::move(callback);
    glib_.Post([watcher = watcher_] { watcher->Start(); });
    return Ok{};
  }
  void WatchNextInput() override {
    glib_.Post([watcher = watcher_] { watcher->WatchNextInput(); });
  }
  // Exact while idle; otherwise unknown, since the desktop only says "idle"
  // after a delay of its own.
  std::optional<Duration> IdleTime() override {
    if (io_side_->idle_since) return ReadBootClock() - *io_side_->idle_since;
    return std::nullopt;
  }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<Watcher> watcher_;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeLogindIdleSource(const PlatformContext& context) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{errc::kUnavailable, TrNoop("the GLib thread is not running")};
  }
  auto io_side = std::make_shared<IoSide>();
  auto watcher = std::make_shared<Watcher>(context.io, io_side);
  // A few bounded calls; an absent logind answers at once (no auto-start).
  std::optional<Status> probed = gdbus::RunOnGlib<Status>(
      *context.glib, [watcher] { return watcher->Probe(); }, std::chrono::milliseconds(5000));
  if (!probed) return Error{errc::kUnavailable, TrNoop("logind did not answer in time")};
  if (!*probed) {
    context.glib->Post([watcher] { watcher->Stop(); });
    return probed->error();
  }
  return std::unique_ptr<IdleSource>(
      std::make_unique<LogindIdleSource>(*context.glib, std::move(io_side), std::move(watcher)));
}

}  // namespace unsit
