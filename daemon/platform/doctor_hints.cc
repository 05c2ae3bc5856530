#include "platform/doctor_hints.h"

#include <cstdlib>
#include <filesystem>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

bool Set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

const Candidate* Find(const DoctorFacts& facts, const std::string& name) {
  for (const Candidate& candidate : facts.candidates) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

std::string ImportCommand(const std::string& variables) {
  // TRANSLATORS: the first %s and the second %s are the same list of environment variables.
  return FormatText(Tr("run `systemctl --user import-environment %s` (desktops usually do this "
                       "at login with `dbus-update-activation-environment --systemd %s`), then "
                       "`systemctl --user restart unsit`"),
                    variables.c_str(), variables.c_str());
}

std::string FromTheSession() { return Tr("start unsitd from inside the graphical session"); }

void NoDisplayHints(const DoctorFacts& facts, std::vector<DoctorHint>& hints) {
  const IdleEnvironment& env = facts.environment;
  const bool wayland = env.session_type == "wayland";
  const bool x11 = env.session_type == "x11";
  if (wayland && !env.wayland_display) {
    hints.push_back({Tr("XDG_SESSION_TYPE is wayland but WAYLAND_DISPLAY is not set for unsitd"),
                     facts.under_systemd ? ImportCommand("WAYLAND_DISPLAY") : FromTheSession()});
  } else if (x11 && !env.x_display) {
    hints.push_back({Tr("XDG_SESSION_TYPE is x11 but DISPLAY is not set for unsitd"),
                     facts.under_systemd ? ImportCommand("DISPLAY") : FromTheSession()});
  } else if (!env.wayland_display && !env.x_display) {
    hints.push_back(
        {Tr("neither WAYLAND_DISPLAY nor DISPLAY is set for unsitd, so it cannot see input"),
         facts.under_systemd
             ? ImportCommand("WAYLAND_DISPLAY DISPLAY XDG_CURRENT_DESKTOP XDG_SESSION_TYPE")
             : FromTheSession()});
  }
}

void WaylandHints(const DoctorFacts& facts, std::vector<DoctorHint>& hints) {
  const Candidate* ext = Find(facts, "ext-idle-notify");
  const Candidate* kde = Find(facts, "kde-idle");
  if (ext == nullptr || kde == nullptr || !facts.environment.wayland_display) return;
  auto not_offered = [](const Candidate* c) {
    return !c->chosen && c->reason.find("does not offer") != std::string::npos;
  };
  if (!not_offered(ext) || !not_offered(kde)) return;
  hints.push_back(
      {Tr("the Wayland compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle"),
       Tr("use a compositor that offers ext-idle-notify-v1 (sway 1.9+, Hyprland, river, KWin 6, "
          "GNOME 46+), or set `idle.backend` to one that works here")});
}

// Why no precise idle source was found: the display variables, GNOME's
// session bus, the Wayland compositor's protocols.
void NoPreciseSourceHints(const DoctorFacts& facts, std::vector<DoctorHint>& hints) {
  const IdleEnvironment& env = facts.environment;
  NoDisplayHints(facts, hints);
  if (DesktopIs(env, "gnome") && !facts.session_bus) {
    hints.push_back({Tr("GNOME desktop, but no session bus address for unsitd"),
                     ImportCommand("DBUS_SESSION_BUS_ADDRESS")});
  } else if (DesktopIs(env, "gnome")) {
    hints.push_back(
        {Tr("GNOME desktop, but org.gnome.Mutter.IdleMonitor did not answer on the session bus"),
         // TRANSLATORS: %s is a command line that imports the variable.
         FormatText(Tr("check that unsitd runs on the desktop's session bus "
                       "(DBUS_SESSION_BUS_ADDRESS), e.g. %s"),
                    ImportCommand("DBUS_SESSION_BUS_ADDRESS").c_str())});
  }
  WaylandHints(facts, hints);
}

DoctorHint LogindHint() {
  return {
      Tr("the idle source is logind's IdleHint, which is coarse: the desktop decides when the "
         "session counts as idle (often only after minutes, and some desktops never say so), "
         "so breaks may be noticed late or not at all"),
      Tr("make the desktop set the hint (on sway: `exec swayidle idlehint 60` in its config "
         "marks the session idle after 60 s without input), or better, run unsitd in a desktop "
         "with an idle protocol (GNOME, KDE Plasma, a Wayland compositor with ext-idle-notify-v1) "
         "or on X11")};
}

}  // namespace

void ReadDoctorEnvironment(DoctorFacts& facts) {
  facts.under_systemd = Set("INVOCATION_ID") || Set("JOURNAL_STREAM");
  bool runtime_bus = false;
  if (const char* dir = std::getenv("XDG_RUNTIME_DIR"); dir != nullptr && *dir != '\0') {
    std::error_code error;
    runtime_bus = std::filesystem::exists(std::filesystem::path(dir) / "bus", error);
  }
  facts.session_bus = Set("DBUS_SESSION_BUS_ADDRESS") || runtime_bus;
}

std::vector<DoctorHint> DoctorHints(const DoctorFacts& facts) {
  std::vector<DoctorHint> hints;
  if (facts.chosen_backend.empty()) {
    if (facts.wanted_backend == "none") {
      hints.push_back(
          {Tr("idle detection is off (idle.backend: none): reminders run on a fixed schedule, "
              "every sit_limit"),
           Tr("set `idle.backend: auto` in unsit.yaml")});
    } else {
      NoPreciseSourceHints(facts, hints);
      hints.push_back(
          {Tr("no idle source: reminders run on a fixed schedule, every sit_limit, and breaks "
              "are not detected"),
           Tr("fix the problems above; `unsit doctor` lists every backend tried")});
    }
  } else if (facts.chosen_backend == "logind") {
    // Taken by `auto` only when every precise source failed: say why they did.
    if (facts.wanted_backend == "auto") NoPreciseSourceHints(facts, hints);
    hints.push_back(LogindHint());
  }
  if (facts.chosen_backend == "kde-idle" && !facts.respect_inhibitors) {
    hints.push_back(
        {Tr("idle.inhibitors: ignore has no effect with kde-idle: org_kde_kwin_idle always "
            "honours idle inhibitors (a playing video counts as input)"),
         Tr("use a compositor with ext-idle-notify-v1 version 2 to count input only")});
  }
  if (!facts.session_watch_error.empty()) {
    hints.push_back({FormatText(Tr("screen lock and suspend from logind are not seen: %s"),
                                facts.session_watch_error.c_str()),
                     Tr("nothing to do in a container; on a desktop check that the system bus and "
                        "systemd-logind run. Suspend is still noticed by the clock check")});
  }
  return hints;
}

}  // namespace unsit
