#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/hold.h"
#include "core/quiet_hours.h"
#include "core/time.h"

namespace unsit {

using namespace std::chrono_literals;

// Every idle backend name idle.backend and --idle-backend accept: "auto", then
// the `auto` order, then the ones only taken by name. The one list: the config
// loader checks against it and the idle factory has a maker for every other
// name (tests/platform/backend_names_test.cc holds the two together).
inline constexpr std::array<std::string_view, 9> kIdleBackendNames = {
    "auto", "mutter", "ext-idle-notify", "kde-idle", "x11", "x11-poll", "logind", "none", "test"};

// Every notifier name notify.backend and --notifier accept.
inline constexpr std::array<std::string_view, 3> kNotifierNames = {"auto", "libnotify", "log"};

enum class OnDismiss { kSnooze, kSkip };

// notify.sound: what the reminder sounds like. A name of the freedesktop sound
// theme (sent as the `sound-name` hint, or played by unsit where the server
// has no `sound` capability), an absolute path of a sound file (`sound-file`),
// or none.
struct NotifySound {
  enum class Kind { kNone, kTheme, kFile };
  Kind kind = Kind::kTheme;
  std::string name = "complete";  // the theme sound's name, or the file's path
  bool operator==(const NotifySound&) const = default;
};
enum class StretchPlace { kStanding, kDesk, kFloor };
// What an entry does: a hip-flexor stretch, strength work for the hips and core,
// a gentle release lying down, a walk, or a posture check.
enum class StretchKind { kStretch, kStrength, kRelease, kWalk, kPosture };

// One entry of the stretch catalogue (config/stretches.yaml or the user's config).
struct Stretch {
  std::string id;    // stable, unique, [a-z0-9-]
  std::string name;  // "Standing lunge"
  StretchPlace where = StretchPlace::kStanding;
  StretchKind kind = StretchKind::kStretch;
  int minutes = 1;                 // how long it takes, whole minutes >= 1
  std::vector<std::string> steps;  // what to do, in order
  std::string cue;                 // the one line shown in the notification
  std::string caution;             // when not to, or what to watch for
  std::string source;              // the document the facts came from
  std::string picture;             // path of its line drawing, set by the daemon; may be empty
};

// Everything configurable, with the documented defaults. The struct is plain data:
// config/config_loader.h fills it from YAML and validates it.
struct Config {
  Duration sit_limit = 60min;   // continuous sitting before a reminder
  Duration break_after = 5min;  // idle this long = a break that began at the last input
  // After "I'm up", no input this long = a break that began at the press; input
  // sooner and the bout goes on (idle of break_after is a break as always).
  Duration up_min_break = 1min;
  Duration remind_every = 10min;  // re-show an unanswered reminder
  Duration snooze = 10min;        // default snooze
  OnDismiss on_dismiss = OnDismiss::kSnooze;
  // Local times in which reminders wait as in a pause; tracking goes on.
  std::vector<QuietWindow> quiet_hours;
  // If any, reminders wait outside these local times too. With quiet_hours,
  // never all of the week (the loader refuses that; core/schedule.h).
  std::vector<QuietWindow> working_hours;

  // While the user is busy for one of `reasons` (hold.for), a due reminder
  // waits; it shows `settle` after the last reason clears, and a hold never
  // lasts longer than `cap` (a stuck signal must not silence reminders).
  struct Hold {
    HoldReasons reasons = {HoldReason::kDnd, HoldReason::kCall, HoldReason::kScreencast};
    Duration settle = 30s;
    Duration cap = 2h;
  } hold;

  struct Idle {
    std::string backend = "auto";    // one of kIdleBackendNames
    bool respect_inhibitors = true;  // idle.inhibitors: respect | ignore
  } idle;

  struct Notify {
    std::string backend = "auto";  // one of kNotifierNames
    // The panel indicator (StatusNotifierItem): auto (where a panel hosts one) | off
    std::string indicator = "auto";
    NotifySound sound;
  } notify;

  struct Stretches {
    std::vector<StretchPlace> places = {StretchPlace::kStanding, StretchPlace::kDesk};
    std::vector<StretchKind> kinds = {StretchKind::kStretch};  // what reminders draw from
    std::vector<Stretch> extra;  // the user's own entries, joined to the catalogue
  } stretches;

  // The sit-stand rhythm of a standing desk (standing_desk): after `sit` of
  // sitting a prompt to raise the desk, after `stand` of standing one that the
  // user may sit again. Off (both zero) unless the config sets it.
  struct StandingDesk {
    Duration sit{0};
    Duration stand{0};
    bool on() const { return sit > Duration::zero() && stand > Duration::zero(); }
  } standing_desk;

  struct History {
    Duration checkpoint = 5min;          // write the open bout at most this often
    std::chrono::days keep{730};         // prune rows older than this
    std::chrono::minutes day_starts{0};  // local time at which a history day begins
  } history;

  std::string source;  // the file this came from; empty for the built-in defaults
};

}  // namespace unsit
