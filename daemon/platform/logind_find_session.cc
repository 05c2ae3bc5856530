#include "platform/logind_find_session.h"

#include <unistd.h>

#include <cstdlib>

#include "platform/gdbus_util.h"

namespace unsit::logind {
namespace {

// Returns the object path in a "(o)" reply, consuming it.
std::string TakePath(GVariant* reply) {
  const gchar* path = nullptr;
  g_variant_get(reply, "(&o)", &path);
  std::string result = path;
  g_variant_unref(reply);
  return result;
}

// The session logind calls the user's display (graphical) session, if any.
Result<FoundSession> UserDisplaySession(GDBusConnection* bus) {
  Result<GVariant*> user = gdbus::Call(bus, kName, kManagerPath, kManager, "GetUser",
                                       g_variant_new("(u)", static_cast<guint32>(getuid())),
                                       G_VARIANT_TYPE("(o)"), kCallTimeout);
  if (!user) return user.error();
  const std::string user_path = TakePath(*user);
  Result<GVariant*> display = gdbus::GetProperty(bus, kName, user_path.c_str(), kUser, "Display");
  if (!display) return display.error();
  std::string found = "/";
  if (g_variant_is_of_type(*display, G_VARIANT_TYPE("(so)"))) {
    const gchar* path = nullptr;
    g_variant_get(*display, "(&s&o)", nullptr, &path);
    found = path;
  }
  g_variant_unref(*display);
  if (found == "/") return Error{errc::kNoSession, "the user has no display session"};
  return FoundSession{found, "the user's display session"};
}

// The first session ListSessions gives for this uid.
Result<FoundSession> FirstSessionOfUser(GDBusConnection* bus) {
  Result<GVariant*> list = gdbus::Call(bus, kName, kManagerPath, kManager, "ListSessions", nullptr,
                                       G_VARIANT_TYPE("(a(susso))"), kCallTimeout);
  if (!list)
    return Error{errc::kNoSession, "cannot ask logind for sessions: " + list.error().message};
  GVariantIter* iter = nullptr;
  g_variant_get(*list, "(a(susso))", &iter);
  const gchar* path = nullptr;
  guint32 uid = 0;
  std::string first;
  while (first.empty() &&
         g_variant_iter_loop(iter, "(&su&s&s&o)", nullptr, &uid, nullptr, nullptr, &path)) {
    if (uid == getuid()) first = path;
  }
  g_variant_iter_free(iter);
  g_variant_unref(*list);
  if (first.empty()) return Error{errc::kNoSession, "logind lists no session for this user"};
  return FoundSession{first, "the user's first session"};
}

}  // namespace

Result<FoundSession> FindSession(GDBusConnection* system_bus) {
  if (const char* id = std::getenv("XDG_SESSION_ID"); id != nullptr && *id != '\0') {
    Result<GVariant*> reply =
        gdbus::Call(system_bus, kName, kManagerPath, kManager, "GetSession",
                    g_variant_new("(s)", id), G_VARIANT_TYPE("(o)"), kCallTimeout);
    if (reply) return FoundSession{TakePath(*reply), "XDG_SESSION_ID"};
  }
  Result<GVariant*> by_pid = gdbus::Call(
      system_bus, kName, kManagerPath, kManager, "GetSessionByPID",
      g_variant_new("(u)", static_cast<guint32>(getpid())), G_VARIANT_TYPE("(o)"), kCallTimeout);
  if (by_pid) return FoundSession{TakePath(*by_pid), "GetSessionByPID"};
  if (Result<FoundSession> display = UserDisplaySession(system_bus); display) return display;
  return FirstSessionOfUser(system_bus);
}

}  // namespace unsit::logind
