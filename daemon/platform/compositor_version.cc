#include "platform/compositor_version.h"

#include "platform/desktop_info.h"
#include "platform/gdbus_util.h"

namespace unsit {
namespace {

// Reads a string from `bus` with one call; empty on any error. GLib thread.
std::string ReadString(GDBusConnection* bus, const std::string& program,
                       std::chrono::milliseconds timeout) {
  if (program == "gnome-shell") {
    Result<GVariant*> value = gdbus::GetProperty(bus, "org.gnome.Shell", "/org/gnome/Shell",
                                                 "org.gnome.Shell", "ShellVersion");
    if (!value || !g_variant_is_of_type(*value, G_VARIANT_TYPE_STRING)) {
      if (value) g_variant_unref(*value);
      return "";
    }
    std::string version = g_variant_get_string(*value, nullptr);
    g_variant_unref(*value);
    return version;
  }
  if (program == "kwin_wayland") {
    Result<GVariant*> reply =
        gdbus::Call(bus, "org.kde.KWin", "/KWin", "org.kde.KWin", "supportInformation", nullptr,
                    G_VARIANT_TYPE("(s)"), timeout);
    if (!reply) return "";
    const char* text = nullptr;
    g_variant_get(*reply, "(&s)", &text);
    std::string version = KWinVersion(text);
    g_variant_unref(*reply);
    return version;
  }
  return "";
}

}  // namespace

std::string CompositorVersion(GlibThread* glib, const std::string& program,
                              std::chrono::milliseconds timeout) {
  if (glib == nullptr || (program != "gnome-shell" && program != "kwin_wayland")) return "";
  std::optional<std::string> version = gdbus::RunOnGlib<std::string>(
      *glib,
      [program, timeout] {
        Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SESSION);
        if (!bus) return std::string();
        std::string read = ReadString(*bus, program, timeout);
        g_object_unref(*bus);
        return read;
      },
      timeout);
  return version.value_or("");
}

}  // namespace unsit
