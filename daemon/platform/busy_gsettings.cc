// GNOME's Do Not Disturb: `show-banners` of org.gnome.desktop.notifications,
// false while it is on. Watched through GSettings (the "changed" signal, no
// polling) on the GLib thread. The schema is looked up first: GSettings
// aborts the process for a schema that is not installed.
#include <utility>  // before Asio: Boost 1.74 with GCC 12 in C++20

#include <gio/gio.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "platform/busy_source.h"
#include "platform/idle_factory.h"
#include "platform/session_gdbus.h"

namespace unsit {
namespace {

constexpr char kSchema[] = "org.gnome.desktop.notifications";
constexpr char kKey[] = "show-banners";

struct IoSide {
  BusySource::Callback callback;
};

// Lives on the GLib thread: the GSettings object delivers "changed" in the
// thread-default context of the thread that made it.
class Watch : public std::enable_shared_from_this<Watch> {
 public:
  Watch(boost::asio::io_context& io, std::weak_ptr<IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}
  ~Watch() {
    if (settings_ != nullptr) g_object_unref(settings_);
  }

  Status Probe() {
    GSettingsSchemaSource* source = g_settings_schema_source_get_default();
    GSettingsSchema* schema =
        source == nullptr ? nullptr : g_settings_schema_source_lookup(source, kSchema, TRUE);
    if (schema == nullptr) {
      return Error{"unavailable", std::string("the schema ") + kSchema + " is not installed"};
    }
    const bool has_key = g_settings_schema_has_key(schema, kKey) != FALSE;
    g_settings_schema_unref(schema);
    if (!has_key) return Error{"unavailable", std::string(kSchema) + " has no " + kKey};
    return Ok{};
  }

  void Start() {
    settings_ = g_settings_new(kSchema);
    auto free_weak = [](gpointer data, GClosure*) {
      delete static_cast<std::weak_ptr<Watch>*>(data);
    };
    g_signal_connect_data(settings_, "changed::show-banners", G_CALLBACK(&OnChanged),
                          new std::weak_ptr<Watch>(weak_from_this()), free_weak,
                          static_cast<GConnectFlags>(0));
    Report();
  }

  void Stop() {
    if (settings_ != nullptr)
      g_signal_handlers_disconnect_by_func(settings_, reinterpret_cast<gpointer>(&OnChanged),
                                           nullptr);
  }

 private:
  static void OnChanged(GSettings*, const gchar*, gpointer data) {
    if (auto self = static_cast<std::weak_ptr<Watch>*>(data)->lock()) self->Report();
  }

  void Report() {
    HoldReasons reasons;
    if (g_settings_get_boolean(settings_, kKey) == FALSE) reasons.Add(HoldReason::kDnd);
    boost::asio::post(io_, [side = io_side_, reasons] {
      if (auto locked = side.lock(); locked && locked->callback) locked->callback(reasons);
    });
  }

  boost::asio::io_context& io_;
  std::weak_ptr<IoSide> io_side_;
  GSettings* settings_ = nullptr;
};

class GsettingsBusySource : public BusySource {
 public:
  GsettingsBusySource(GlibThread& glib, std::shared_ptr<IoSide> io_side,
                      std::shared_ptr<Watch> watch)
      : glib_(glib), io_side_(std::move(io_side)), watch_(std::move(watch)) {}
  ~GsettingsBusySource() override {
    glib_.Post([watch = std::move(watch_)] { watch->Stop(); });
  }
  std::string_view Name() const override { return "gsettings"; }
  std::string_view Watches() const override {
    return "show-banners of org.gnome.desktop.notifications";
  }
  void Start(Callback callback) override {
    io_side_->callback = std::move(callback);
    glib_.Post([watch = watch_] { watch->Start(); });
  }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<Watch> watch_;
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeGsettingsBusySource(const PlatformContext& context) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{"unavailable", "the GLib thread is not running"};
  }
  auto io_side = std::make_shared<IoSide>();
  auto watch = std::make_shared<Watch>(context.io, io_side);
  std::optional<Status> probed = gdbus::RunOnGlib<Status>(
      *context.glib, [watch] { return watch->Probe(); }, std::chrono::milliseconds(3000));
  if (!probed) return Error{"unavailable", "the GLib thread did not answer in time"};
  if (!*probed) return probed->error();
  return std::unique_ptr<BusySource>(
      std::make_unique<GsettingsBusySource>(*context.glib, std::move(io_side), std::move(watch)));
}

}  // namespace unsit
