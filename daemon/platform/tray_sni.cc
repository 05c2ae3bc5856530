#include "platform/tray_sni.h"

#include <gio/gio.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
#include <string>

#include "i18n/tr.h"
#include "platform/gdbus_util.h"
#include "platform/tray_menu.h"

namespace unsit {
namespace {

constexpr const char* kItemPath = "/StatusNotifierItem";
constexpr const char* kMenuPath = "/MenuBar";
constexpr const char* kItemInterface = "org.kde.StatusNotifierItem";
constexpr const char* kWatcher = "org.kde.StatusNotifierWatcher";
constexpr const char* kWatcherPath = "/StatusNotifierWatcher";
constexpr const char* kLabelGuide = "999m";
constexpr const char* kNoWatcher =
    TrNoop("no StatusNotifierWatcher on the session bus: no panel here shows indicators");

constexpr const char* kIntrospection = R"xml(<node>
<interface name="org.kde.StatusNotifierItem">
 <property name="Category" type="s" access="read"/>
 <property name="Id" type="s" access="read"/>
 <property name="Title" type="s" access="read"/>
 <property name="Status" type="s" access="read"/>
 <property name="WindowId" type="i" access="read"/>
 <property name="IconName" type="s" access="read"/>
 <property name="IconPixmap" type="a(iiay)" access="read"/>
 <property name="ToolTip" type="(sa(iiay)ss)" access="read"/>
 <property name="ItemIsMenu" type="b" access="read"/>
 <property name="Menu" type="o" access="read"/>
 <property name="XAyatanaLabel" type="s" access="read"/>
 <property name="XAyatanaLabelGuide" type="s" access="read"/>
 <method name="ContextMenu"><arg type="i" direction="in"/><arg type="i" direction="in"/></method>
 <method name="Activate"><arg type="i" direction="in"/><arg type="i" direction="in"/></method>
 <method name="SecondaryActivate"><arg type="i" direction="in"/><arg type="i" direction="in"/></method>
 <method name="Scroll"><arg type="i" direction="in"/><arg type="s" direction="in"/></method>
 <signal name="NewTitle"/>
 <signal name="NewIcon"/>
 <signal name="NewToolTip"/>
 <signal name="NewStatus"><arg type="s"/></signal>
 <signal name="XAyatanaNewLabel"><arg type="s"/><arg type="s"/></signal>
</interface>
</node>)xml";

GVariant* Pixmaps(TrayState state) {
  GVariantBuilder builder;
  g_variant_builder_init(&builder, G_VARIANT_TYPE("a(iiay)"));
  for (int size : {22, 32, 48}) {
    std::vector<std::uint8_t> pixels = TrayPixmap(state, size);
    GVariant* bytes =
        g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, pixels.data(), pixels.size(), 1);
    g_variant_builder_add(&builder, "(ii@ay)", size, size, bytes);
  }
  return g_variant_builder_end(&builder);
}

// The item; its menu is a TrayMenu. Lives on the GLib thread only; reports
// through `report`.
class SniItem {
 public:
  explicit SniItem(std::function<void(std::function<void(TrayCallbacks&, TrayInfo&)>)> report)
      : report_(std::move(report)),
        name_("org.kde.StatusNotifierItem-" + std::to_string(getpid()) + "-1"),
        menu_([this](TrayAction action) {
          report_([action](TrayCallbacks& callbacks, TrayInfo&) {
            if (callbacks.action) callbacks.action(action);
          });
        }) {}

  void Start() {
    cancel_ = g_cancellable_new();
    bus_ = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr);
    if (bus_ == nullptr)
      return Report(TrayInfo{false, false, "", TrNoop("the session bus is gone")});
    g_dbus_connection_set_exit_on_close(bus_, FALSE);
    GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kIntrospection, nullptr);
    static const GDBusInterfaceVTable vtable{&SniItem::Call, &SniItem::Property, nullptr, {}};
    object_id_ = g_dbus_connection_register_object(bus_, kItemPath, node->interfaces[0], &vtable,
                                                   this, nullptr, nullptr);
    g_dbus_node_info_unref(node);
    menu_.Start(kMenuPath);
    owner_id_ = g_bus_own_name_on_connection(bus_, name_.c_str(), G_BUS_NAME_OWNER_FLAGS_NONE,
                                             &SniItem::NameAcquired, nullptr, this, nullptr);
  }

  void Stop() {
    if (cancel_ != nullptr) g_cancellable_cancel(cancel_);
    if (watch_id_ != 0) g_bus_unwatch_name(watch_id_);
    if (host_signal_ != 0) g_dbus_connection_signal_unsubscribe(bus_, host_signal_);
    if (owner_id_ != 0) g_bus_unown_name(owner_id_);
    if (object_id_ != 0) g_dbus_connection_unregister_object(bus_, object_id_);
    menu_.Stop();
    if (bus_ != nullptr) g_object_unref(bus_);
    if (cancel_ != nullptr) g_object_unref(cancel_);
    watch_id_ = owner_id_ = object_id_ = host_signal_ = 0;
    bus_ = nullptr;
    cancel_ = nullptr;
  }

  void Show(const TrayView& view) {
    TrayView old = std::exchange(view_, view);
    if (bus_ == nullptr) return;
    if (old.status != view.status) Emit("NewStatus", g_variant_new("(s)", view.status.c_str()));
    if (old.state != view.state) Emit("NewIcon", nullptr);
    if (old.tooltip_body != view.tooltip_body) Emit("NewToolTip", nullptr);
    if (old.label != view.label) {
      Emit("XAyatanaNewLabel", g_variant_new("(ss)", view.label.c_str(), kLabelGuide));
    }
    menu_.Show(view);
  }

  void ShowToday(const std::string& line) { menu_.ShowToday(line); }
  void ShowStretch(const std::vector<std::string>& lines) { menu_.ShowStretch(lines); }

 private:
  void Report(TrayInfo info) {
    report_([info](TrayCallbacks& callbacks, TrayInfo& current) {
      current = info;
      if (callbacks.info) callbacks.info(current);
    });
  }

  void Emit(const char* signal, GVariant* args) {
    g_dbus_connection_emit_signal(bus_, nullptr, kItemPath, kItemInterface, signal, args, nullptr);
  }

  static void NameAcquired(GDBusConnection* bus, const gchar*, gpointer data) {
    auto* self = static_cast<SniItem*>(data);
    if (self->watch_id_ != 0) return;
    // A host (a panel) may come after the item registered.
    self->host_signal_ = g_dbus_connection_signal_subscribe(
        bus, nullptr, kWatcher, "StatusNotifierHostRegistered", kWatcherPath, nullptr,
        G_DBUS_SIGNAL_FLAGS_NONE, &SniItem::HostRegistered, self, nullptr);
    self->watch_id_ = g_bus_watch_name_on_connection(bus, kWatcher, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                     &SniItem::WatcherAppeared,
                                                     &SniItem::WatcherVanished, self, nullptr);
  }

  // A watcher appeared or changed owner: register with it.
  static void WatcherAppeared(GDBusConnection* bus, const gchar*, const gchar* owner,
                              gpointer data) {
    auto* self = static_cast<SniItem*>(data);
    self->watcher_ = owner;
    self->registered_ = false;
    g_dbus_connection_call(bus, kWatcher, kWatcherPath, kWatcher, "RegisterStatusNotifierItem",
                           g_variant_new("(s)", self->name_.c_str()), nullptr,
                           G_DBUS_CALL_FLAGS_NONE, 5000, self->cancel_, &SniItem::Registered, self);
  }

  static void WatcherVanished(GDBusConnection*, const gchar*, gpointer data) {
    auto* self = static_cast<SniItem*>(data);
    self->watcher_.clear();
    self->registered_ = false;
    self->Report(TrayInfo{false, false, "", kNoWatcher});
  }

  static void Registered(GObject* source, GAsyncResult* result, gpointer data) {
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
    if (error != nullptr && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_error_free(error);
      return;  // stopped: `data` is gone
    }
    auto* self = static_cast<SniItem*>(data);
    if (reply == nullptr) {
      std::string why = std::string("the StatusNotifierWatcher refused the item: ") +
                        (error != nullptr ? error->message : "no reply");
      if (error != nullptr) g_error_free(error);
      return self->Report(TrayInfo{false, false, self->watcher_, why});
    }
    g_variant_unref(reply);
    self->registered_ = true;
    self->ReadHost();
  }

  static void HostRegistered(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                             const gchar*, GVariant*, gpointer data) {
    auto* self = static_cast<SniItem*>(data);
    if (self->registered_) self->ReadHost();
  }

  void ReadHost() {
    g_dbus_connection_call(bus_, kWatcher, kWatcherPath, "org.freedesktop.DBus.Properties", "Get",
                           g_variant_new("(ss)", kWatcher, "IsStatusNotifierHostRegistered"),
                           G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NONE, 5000, cancel_,
                           &SniItem::HostRead, this);
  }

  static void HostRead(GObject* source, GAsyncResult* result, gpointer data) {
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
    if (error != nullptr && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_error_free(error);
      return;
    }
    if (error != nullptr) g_error_free(error);
    auto* self = static_cast<SniItem*>(data);
    bool host = false;
    if (reply != nullptr) {
      GVariant* value = nullptr;
      g_variant_get(reply, "(v)", &value);
      host = g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean(value);
      g_variant_unref(value);
      g_variant_unref(reply);
    }
    self->Report(TrayInfo{true, host, self->watcher_,
                          host ? "" : TrNoop("the StatusNotifierWatcher knows no host (panel)")});
  }

  static void Call(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                   GVariant*, GDBusMethodInvocation* invocation, gpointer) {
    g_dbus_method_invocation_return_value(invocation, nullptr);
  }

  static GVariant* Property(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                            const gchar* name, GError**, gpointer data) {
    const TrayView& view = static_cast<SniItem*>(data)->view_;
    std::string_view p = name;
    if (p == "Category") return g_variant_new_string("ApplicationStatus");
    if (p == "Id" || p == "Title") return g_variant_new_string("unsit");
    if (p == "Status") return g_variant_new_string(view.status.c_str());
    if (p == "WindowId") return g_variant_new_int32(0);
    if (p == "IconName") return g_variant_new_string("");
    if (p == "IconPixmap") return Pixmaps(view.state);
    if (p == "ItemIsMenu") return g_variant_new_boolean(TRUE);
    if (p == "Menu") return g_variant_new_object_path(kMenuPath);
    if (p == "XAyatanaLabel") return g_variant_new_string(view.label.c_str());
    if (p == "XAyatanaLabelGuide") return g_variant_new_string(kLabelGuide);
    // ToolTip: icon name, icon pixmaps, title, text.
    return g_variant_new("(s@a(iiay)ss)", "", Pixmaps(view.state), view.tooltip_title.c_str(),
                         view.tooltip_body.c_str());
  }

  std::function<void(std::function<void(TrayCallbacks&, TrayInfo&)>)> report_;
  std::string name_;
  std::string watcher_;
  TrayView view_;
  GDBusConnection* bus_ = nullptr;
  GCancellable* cancel_ = nullptr;
  guint object_id_ = 0;
  guint owner_id_ = 0;
  guint watch_id_ = 0;
  guint host_signal_ = 0;
  bool registered_ = false;  // the current watcher accepted the item
  TrayMenu menu_;
};

// What the io_context thread keeps: the callbacks and the last TrayInfo.
struct IoSide {
  TrayCallbacks callbacks;
  TrayInfo info{false, false, "", kNoWatcher};
};

class SniTray final : public Tray {
 public:
  SniTray(boost::asio::io_context& io, GlibThread& glib, TrayCallbacks callbacks)
      : glib_(glib), io_side_(std::make_shared<IoSide>(IoSide{std::move(callbacks), {}})) {
    io_side_->info = TrayInfo{false, false, "", kNoWatcher};
    std::weak_ptr<IoSide> weak = io_side_;
    item_ =
        std::make_shared<SniItem>([&io, weak](std::function<void(TrayCallbacks&, TrayInfo&)> fn) {
          boost::asio::post(io, [weak, fn = std::move(fn)] {
            if (auto side = weak.lock()) fn(side->callbacks, side->info);
          });
        });
    glib_.Post([item = item_] { item->Start(); });
  }
  ~SniTray() override {
    glib_.Post([item = std::move(item_)] { item->Stop(); });
  }

  void Show(const TrayView& view) override {
    if (shown_ && view == last_) return;
    shown_ = true;
    last_ = view;
    glib_.Post([item = item_, view] { item->Show(view); });
  }
  void ShowToday(const std::string& line) override {
    if (line == today_) return;
    today_ = line;
    glib_.Post([item = item_, line] { item->ShowToday(line); });
  }
  void ShowStretch(const std::vector<std::string>& lines) override {
    if (lines == stretch_) return;
    stretch_ = lines;
    glib_.Post([item = item_, lines] { item->ShowStretch(lines); });
  }
  TrayInfo Info() const override { return io_side_->info; }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<SniItem> item_;
  TrayView last_;
  bool shown_ = false;
  std::string today_;
  std::vector<std::string> stretch_;
};

}  // namespace

Result<std::unique_ptr<Tray>> MakeSniTray(boost::asio::io_context& io, GlibThread& glib,
                                          TrayCallbacks callbacks) {
  if (!glib.running()) return Error{errc::kUnavailable, "the GLib thread is not running"};
  // A private connection finds the session bus the way every backend does
  // (never autolaunched); the item then uses GLib's shared one, where
  // libdbusmenu-glib serves the menu.
  auto probe = gdbus::RunOnGlib<Status>(
      glib,
      [] {
        auto bus = gdbus::Connect(G_BUS_TYPE_SESSION);
        if (!bus.ok()) return Status(bus.error());
        g_dbus_connection_close_sync(*bus, nullptr, nullptr);
        g_object_unref(*bus);
        return Status(Ok{});
      },
      std::chrono::seconds(2));
  if (!probe) return Error{errc::kUnavailable, "the session bus did not answer in time"};
  if (!probe->ok()) return probe->error();
  return std::unique_ptr<Tray>(std::make_unique<SniTray>(io, glib, std::move(callbacks)));
}

}  // namespace unsit
