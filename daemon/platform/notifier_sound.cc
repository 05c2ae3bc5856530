#include "platform/notifier_sound.h"

#include <unistd.h>

#include "i18n/tr.h"
#include "platform/sound_player.h"

namespace unsit {
namespace {

std::string Quoted(const NotifySound& sound) { return "\"" + sound.name + "\""; }

}  // namespace

SoundPlan PlanSound(const NotifySound& sound, bool server_has_sound, std::string_view player) {
  SoundPlan plan;
  if (sound.kind == NotifySound::Kind::kNone) {
    plan.description = Tr("none (notify.sound: none)");
    return plan;
  }
  const bool file = sound.kind == NotifySound::Kind::kFile;
  if (server_has_sound) {
    plan.way = SoundPlan::Way::kHint;
    plan.hint = file ? "sound-file" : "sound-name";
    plan.description =
        Quoted(sound) + ", " + Tr("played by the notification server") + " (" + plan.hint + ")";
    return plan;
  }
  if (!player.empty()) {
    plan.way = SoundPlan::Way::kPlay;
    plan.description = Quoted(sound) + ", " + Tr("played by unsitd through") + " " +
                       std::string(player) + " " +
                       Tr("(the notification server has no sound capability)");
    return plan;
  }
  plan.way = SoundPlan::Way::kSilent;
  plan.description = Tr("none: the notification server cannot play sounds");
  plan.problem =
      Tr("reminders are silent: the notification server has no sound capability and unsitd was "
         "built without libcanberra; set notify.sound: none to keep them silent without this note");
  return plan;
}

std::string CheckSoundExists(const NotifySound& sound) {
  if (sound.kind == NotifySound::Kind::kFile) {
    if (access(sound.name.c_str(), R_OK) == 0) return "";
    return std::string(Tr("the sound file cannot be read")) + ": " + sound.name + ": " +
           Tr("fix notify.sound");
  }
  if (sound.kind == NotifySound::Kind::kNone || !FindThemeSound(sound.name).empty()) return "";
  return std::string(Tr("the sound theme has no sound")) + " " + Quoted(sound) + ": " +
         Tr("install sound-theme-freedesktop or choose another in notify.sound");
}

}  // namespace unsit
