#pragma once

// Finding the user's logind session, shared by the session watch
// (session_watch_logind.cc) and the logind idle source (idle_logind.cc).

#include <gio/gio.h>

#include <chrono>
#include <string>

#include "core/result.h"

namespace unsit::logind {

inline constexpr char kName[] = "org.freedesktop.login1";
inline constexpr char kManagerPath[] = "/org/freedesktop/login1";
inline constexpr char kManager[] = "org.freedesktop.login1.Manager";
inline constexpr char kSession[] = "org.freedesktop.login1.Session";
inline constexpr char kUser[] = "org.freedesktop.login1.User";
// Each call to logind waits at most this long.
inline constexpr std::chrono::milliseconds kCallTimeout(1000);

struct FoundSession {
  std::string path;  // the session's object path
  std::string how;   // how it was found, for `doctor`: "XDG_SESSION_ID", "GetSessionByPID" ...
};

// The session that stands for this user's desktop: XDG_SESSION_ID, else the
// session of this process (GetSessionByPID), else the user's display session,
// else the user's first session. A user service runs outside any session, so
// GetSessionByPID usually fails there and the display session is the answer.
// Runs on the GLib thread with a connection to the system bus (not owned); every
// step is one call of at most kCallTimeout. The Error says why none was found.
Result<FoundSession> FindSession(GDBusConnection* system_bus);

}  // namespace unsit::logind
