// Do Not Disturb as the notification server says it, on the session bus:
// dunst's `paused` (interface org.dunstproject.cmd0) and the `Inhibited`
// property of org.freedesktop.Notifications, which servers with the
// `inhibitions` capability (KDE Plasma) set. Both live on the server's
// /org/freedesktop/Notifications and are followed through PropertiesChanged;
// they are read once whenever a server takes the name, and a server that
// leaves the bus leaves nothing held. Runs on the GLib thread.
#include <cstring>

#include "i18n/tr.h"
#include "platform/busy_glib.h"

namespace unsit {
namespace {

constexpr char kName[] = "org.freedesktop.Notifications";
constexpr char kPath[] = "/org/freedesktop/Notifications";
constexpr char kDunst[] = "org.dunstproject.cmd0";

class Watch : public busy::SessionBusWatch<Watch> {
 public:
  using SessionBusWatch::SessionBusWatch;

  void Start() {
    signal_ = g_dbus_connection_signal_subscribe(
        bus_, kName, "org.freedesktop.DBus.Properties", "PropertiesChanged", kPath, nullptr,
        G_DBUS_SIGNAL_FLAGS_NONE, &OnChanged, NewWeak(), &FreeWeak);
    name_watch_ = g_bus_watch_name_on_connection(bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                 &OnAppeared, &OnVanished, NewWeak(), &FreeWeak);
  }

  void Stop() {
    if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
    if (signal_ != 0) g_dbus_connection_signal_unsubscribe(bus_, signal_);
    name_watch_ = signal_ = 0;
    CloseBus();
  }

 private:
  static void OnAppeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
    if (auto self = Lock(data)) {
      self->Read(kDunst, "paused", &Watch::paused_);
      self->Read(kName, "Inhibited", &Watch::inhibited_);
    }
  }

  static void OnVanished(GDBusConnection*, const gchar*, gpointer data) {
    if (auto self = Lock(data)) {
      self->paused_ = self->inhibited_ = false;
      self->Report();
    }
  }

  // (sa{sv}as): the interface, the changed values, the invalidated names.
  static void OnChanged(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                        GVariant* parameters, gpointer data) {
    auto self = Lock(data);
    if (!self || !g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
    const gchar* interface = nullptr;
    GVariant* changed = nullptr;
    GVariant* invalidated = nullptr;
    g_variant_get(parameters, "(&s@a{sv}@as)", &interface, &changed, &invalidated);
    const bool dunst = std::strcmp(interface, kDunst) == 0;
    const bool server = std::strcmp(interface, kName) == 0;
    const char* property = dunst ? "paused" : server ? "Inhibited" : nullptr;
    bool Watch::*field = dunst ? &Watch::paused_ : &Watch::inhibited_;
    if (property != nullptr) {
      gboolean value = FALSE;
      if (g_variant_lookup(changed, property, "b", &value)) {
        (*self).*field = value != FALSE;
        self->Report();
      } else if (Lists(invalidated, property)) {
        self->Read(interface, property, field);
      }
    }
    g_variant_unref(changed);
    g_variant_unref(invalidated);
  }

  static bool Lists(GVariant* names, const char* name) {
    GVariantIter iter;
    g_variant_iter_init(&iter, names);
    const gchar* each = nullptr;
    while (g_variant_iter_next(&iter, "&s", &each)) {
      if (std::strcmp(each, name) == 0) return true;
    }
    return false;
  }

  // Reads a boolean property in the background; a server without it is false.
  void Read(const char* interface, const char* property, bool Watch::*field) {
    struct Pending {
      std::weak_ptr<Watch> watch;
      bool Watch::*field;
    };
    g_dbus_connection_call(
        bus_, kName, kPath, "org.freedesktop.DBus.Properties", "Get",
        g_variant_new("(ss)", interface, property), G_VARIANT_TYPE("(v)"),
        G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, nullptr,
        [](GObject* source, GAsyncResult* result, gpointer data) {
          std::unique_ptr<Pending> pending(static_cast<Pending*>(data));
          GVariant* reply =
              g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
          bool value = false;
          if (reply != nullptr) {
            GVariant* boxed = nullptr;
            g_variant_get(reply, "(v)", &boxed);
            value = g_variant_is_of_type(boxed, G_VARIANT_TYPE_BOOLEAN) &&
                    g_variant_get_boolean(boxed) != FALSE;
            g_variant_unref(boxed);
            g_variant_unref(reply);
          }
          if (auto self = pending->watch.lock()) {
            (*self).*(pending->field) = value;
            self->Report();
          }
        },
        new Pending{weak_from_this(), field});
  }

  void Report() {
    HoldReasons reasons;
    if (paused_ || inhibited_) reasons.Add(HoldReason::kDnd);
    Send(reasons);
  }

  guint signal_ = 0;
  guint name_watch_ = 0;
  bool paused_ = false;     // dunst: notifications paused
  bool inhibited_ = false;  // the server inhibits notifications (KDE's Do Not Disturb)
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeNotificationsBusySource(const PlatformContext& context) {
  return busy::MakeGlibSource<Watch>(
      context, "notifications", TrNoop("the notification server's Inhibited and dunst's paused"));
}

}  // namespace unsit
