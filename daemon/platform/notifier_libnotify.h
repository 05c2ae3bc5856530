#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/notifier.h"
#include "platform/sound_player.h"

namespace unsit {

// Desktop notifications through libnotify (org.freedesktop.Notifications).
//
// Threads: every libnotify call runs on the GLib thread (PlatformContext::glib);
// the public methods are called on the io_context thread and only post work.
// Actions and status changes are posted back to the io_context.
//
// The reminder: app name and desktop-entry "unsit", urgency normal, category
// "x-unsit.reminder", no expiry; when the server has the "actions" capability,
// buttons "I'm up" (done), view.snooze_label (snooze), "Skip" (skip), the default
// action (a click on the body) meaning done, and the `resident` hint so the
// server keeps it until we withdraw it. Show replaces the one on screen (same id).
//
// Failures are values, never crashes: when a Show cannot reach a server (none
// running, or it went away), Info().problem says so and the status callback
// (Notifier::SetStatusCallback) fires; the shell should then put the reminder
// in its log. The next Show tries again, and a success clears the problem
// (status callback again).
//
// Fails (with the reason) when there is no GLib thread, no session bus address
// (DBUS_SESSION_BUS_ADDRESS unset and no $XDG_RUNTIME_DIR/bus: we never let GLib
// autolaunch a bus), or notify_init fails. A bus without a notification server is
// not a failure: the notifier is made with Info().problem set, and works once a
// server appears. Blocks the caller for at most about 5 s to read the server's
// name and capabilities.
//
// The sound (notify.sound, read on the io_context thread at each Show): the
// `sound-name` or `sound-file` hint where the server has the "sound"
// capability; elsewhere `player` plays it on the GLib thread after the
// notification is shown (null: no player built in). Info().sound and
// Info().sound_problem say which, and why it cannot sound.
Result<std::unique_ptr<Notifier>> MakeLibnotifyNotifier(
    const PlatformContext& context, std::unique_ptr<SoundPlayer> player = nullptr);

}  // namespace unsit
