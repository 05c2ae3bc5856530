// Xfce's Do Not Disturb: xfce4-notifyd keeps it as /do-not-disturb in its
// xfconf channel. Followed through xfconfd's PropertyChanged and
// PropertyRemoved signals on the session bus, and read once whenever xfconfd
// takes its name; no xfconfd is free. Runs on the GLib thread.
#include <cstring>
#include <vector>

#include "i18n/tr.h"
#include "platform/busy_glib.h"

namespace unsit {
namespace {

constexpr char kName[] = "org.xfce.Xfconf";
constexpr char kPath[] = "/org/xfce/Xfconf";
constexpr char kChannel[] = "xfce4-notifyd";
constexpr char kProperty[] = "/do-not-disturb";

class Watch : public busy::SessionBusWatch<Watch> {
 public:
  using SessionBusWatch::SessionBusWatch;

  void Start() {
    for (const char* member : {"PropertyChanged", "PropertyRemoved"}) {
      signals_.push_back(g_dbus_connection_signal_subscribe(bus_, kName, kName, member, kPath,
                                                            kChannel, G_DBUS_SIGNAL_FLAGS_NONE,
                                                            &OnSignal, NewWeak(), &FreeWeak));
    }
    name_watch_ = g_bus_watch_name_on_connection(bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                 &OnAppeared, &OnVanished, NewWeak(), &FreeWeak);
  }

  void Stop() {
    if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
    for (guint id : signals_) g_dbus_connection_signal_unsubscribe(bus_, id);
    name_watch_ = 0;
    signals_.clear();
    CloseBus();
  }

 private:
  static void OnAppeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
    if (auto self = Lock(data)) self->Read();
  }

  static void OnVanished(GDBusConnection*, const gchar*, gpointer data) {
    if (auto self = Lock(data)) self->Report(false);
  }

  // PropertyChanged (ssv) or PropertyRemoved (ss): channel, property[, value].
  static void OnSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                       const gchar* member, GVariant* parameters, gpointer data) {
    auto self = Lock(data);
    if (!self || g_variant_n_children(parameters) < 2) return;
    const gchar* property = nullptr;
    g_variant_get_child(parameters, 1, "&s", &property);
    if (std::strcmp(property, kProperty) != 0) return;
    if (std::strcmp(member, "PropertyRemoved") == 0) return self->Report(false);
    if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(ssv)"))) return;
    GVariant* value = nullptr;
    g_variant_get_child(parameters, 2, "v", &value);
    self->Report(IsTrue(value));
    g_variant_unref(value);
  }

  static bool IsTrue(GVariant* value) {
    return g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN) &&
           g_variant_get_boolean(value) != FALSE;
  }

  // Reads the property in the background; not set is false.
  void Read() {
    g_dbus_connection_call(
        bus_, kName, kPath, kName, "GetProperty", g_variant_new("(ss)", kChannel, kProperty),
        G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, nullptr,
        [](GObject* source, GAsyncResult* result, gpointer data) {
          std::unique_ptr<std::weak_ptr<Watch>> weak(static_cast<std::weak_ptr<Watch>*>(data));
          GVariant* reply =
              g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
          bool on = false;
          if (reply != nullptr) {
            GVariant* value = nullptr;
            g_variant_get(reply, "(v)", &value);
            on = IsTrue(value);
            g_variant_unref(value);
            g_variant_unref(reply);
          }
          if (auto self = weak->lock()) self->Report(on);
        },
        NewWeak());
  }

  void Report(bool on) {
    HoldReasons reasons;
    if (on) reasons.Add(HoldReason::kDnd);
    Send(reasons);
  }

  std::vector<guint> signals_;
  guint name_watch_ = 0;
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeXfconfBusySource(const PlatformContext& context) {
  return busy::MakeGlibSource<Watch>(context, "xfconf", TrNoop("/do-not-disturb of xfce4-notifyd"));
}

}  // namespace unsit
