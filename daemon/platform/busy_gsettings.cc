// GNOME's Do Not Disturb: `show-banners` of org.gnome.desktop.notifications,
// false while it is on. Watched through GSettings (the "changed" signal, no
// polling) on the GLib thread. The schema is looked up first: GSettings
// aborts the process for a schema that is not installed.
#include <gio/gio.h>

#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/busy_glib.h"

namespace unsit {
namespace {

constexpr char kSchema[] = "org.gnome.desktop.notifications";
constexpr char kKey[] = "show-banners";

// Lives on the GLib thread: the GSettings object delivers "changed" in the
// thread-default context of the thread that made it.
class Watch : public busy::WatchBase<Watch> {
 public:
  using WatchBase::WatchBase;
  ~Watch() {
    if (settings_ != nullptr) g_object_unref(settings_);
  }

  Status Probe() {
    GSettingsSchemaSource* source = g_settings_schema_source_get_default();
    GSettingsSchema* schema =
        source == nullptr ? nullptr : g_settings_schema_source_lookup(source, kSchema, TRUE);
    if (schema == nullptr) {
      // TRANSLATORS: %s names a GSettings schema.
      return ErrorWithText(errc::kUnavailable, TrNoop("the schema %s is not installed"), kSchema);
    }
    const bool has_key = g_settings_schema_has_key(schema, kKey) != FALSE;
    g_settings_schema_unref(schema);
    if (!has_key) {
      // TRANSLATORS: the first %s names a GSettings schema, the second one of its keys.
      return ErrorWithText(errc::kUnavailable, TrNoop("%s has no key %s"), kSchema, kKey);
    }
    return Ok{};
  }

  void Start() {
    settings_ = g_settings_new(kSchema);
    auto free_weak = [](gpointer data, GClosure*) {
      delete static_cast<std::weak_ptr<Watch>*>(data);
    };
    g_signal_connect_data(settings_, "changed::show-banners", G_CALLBACK(&OnChanged), NewWeak(),
                          free_weak, static_cast<GConnectFlags>(0));
    Report();
  }

  void Stop() {
    if (settings_ != nullptr)
      g_signal_handlers_disconnect_by_func(settings_, reinterpret_cast<gpointer>(&OnChanged),
                                           nullptr);
  }

 private:
  static void OnChanged(GSettings*, const gchar*, gpointer data) {
    if (auto self = Lock(data)) self->Report();
  }

  void Report() {
    HoldReasons reasons;
    if (g_settings_get_boolean(settings_, kKey) == FALSE) reasons.Add(HoldReason::kDnd);
    Send(reasons);
  }

  GSettings* settings_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeGsettingsBusySource(const PlatformContext& context) {
  return busy::MakeGlibSource<Watch>(context, "gsettings",
                                     TrNoop("show-banners of org.gnome.desktop.notifications"));
}

}  // namespace unsit
