// Xfce's Do Not Disturb: xfce4-notifyd keeps it as /do-not-disturb in its
// xfconf channel. Followed through xfconfd's PropertyChanged and
// PropertyRemoved signals on the session bus, and read once whenever xfconfd
// takes its name; no xfconfd is free. Runs on the GLib thread.
#include <cstring>
#include <vector>

#include "platform/busy_glib.h"

namespace unsit {
namespace {

constexpr char kName[] = "org.xfce.Xfconf";
constexpr char kPath[] = "/org/xfce/Xfconf";
constexpr char kChannel[] = "xfce4-notifyd";
constexpr char kProperty[] = "/do-not-disturb";

class Watch : public std::enable_shared_from_this<Watch> {
 public:
  Watch(boost::asio::io_context& io, std::weak_ptr<busy::IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}
  ~Watch() {
    if (bus_ != nullptr) g_object_unref(bus_);
  }

  Status Probe() {
    Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SESSION);
    if (!bus) return bus.error();
    bus_ = *bus;
    return Ok{};
  }

  void Start() {
    auto free_weak = [](gpointer data) { delete static_cast<std::weak_ptr<Watch>*>(data); };
    for (const char* member : {"PropertyChanged", "PropertyRemoved"}) {
      signals_.push_back(g_dbus_connection_signal_subscribe(
          bus_, kName, kName, member, kPath, kChannel, G_DBUS_SIGNAL_FLAGS_NONE, &OnSignal,
          new std::weak_ptr<Watch>(weak_from_this()), free_weak));
    }
    name_watch_ = g_bus_watch_name_on_connection(
        bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE, &OnAppeared, &OnVanished,
        new std::weak_ptr<Watch>(weak_from_this()), free_weak);
  }

  void Stop() {
    if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
    for (guint id : signals_) g_dbus_connection_signal_unsubscribe(bus_, id);
    name_watch_ = 0;
    signals_.clear();
    if (bus_ != nullptr) g_dbus_connection_close(bus_, nullptr, nullptr, nullptr);
  }

 private:
  static std::shared_ptr<Watch> Lock(gpointer data) {
    return static_cast<std::weak_ptr<Watch>*>(data)->lock();
  }

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
        new std::weak_ptr<Watch>(weak_from_this()));
  }

  void Report(bool on) {
    HoldReasons reasons;
    if (on) reasons.Add(HoldReason::kDnd);
    busy::Post(io_, io_side_, reasons);
  }

  boost::asio::io_context& io_;
  std::weak_ptr<busy::IoSide> io_side_;
  GDBusConnection* bus_ = nullptr;
  std::vector<guint> signals_;
  guint name_watch_ = 0;
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeXfconfBusySource(const PlatformContext& context) {
  return busy::MakeGlibSource<Watch>(context, "xfconf", "/do-not-disturb of xfce4-notifyd");
}

}  // namespace unsit
