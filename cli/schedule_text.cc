#include "schedule_text.h"

#include <ctime>
#include <string_view>
#include <utility>

#include "i18n/tr.h"
#include "json_read.h"
#include "output.h"
#include "protocol/wire_time.h"

namespace unsit::cli {
namespace {

using protocol::Json;

// "17:30" today, else "Mon 09:00" (the weekday in the user's language).
std::string LocalWhen(const std::string& iso_utc) {
  const auto wall = protocol::ParseIsoUtc(iso_utc);
  if (!wall) return iso_utc;
  const std::time_t at = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(*wall));
  const std::time_t now = std::time(nullptr);
  std::tm then{};
  std::tm today{};
  localtime_r(&at, &then);
  localtime_r(&now, &today);
  if (then.tm_year == today.tm_year && then.tm_yday == today.tm_yday) return LocalClock(iso_utc);
  char text[32];
  const std::size_t n = std::strftime(text, sizeof text, "%a %H:%M", &then);
  return std::string(text, n);
}

// `text` with each {name} replaced: translations may move the parts around.
std::string Fill(std::string text,
                 std::initializer_list<std::pair<std::string_view, std::string>> parts) {
  for (const auto& [name, value] : parts) {
    if (const std::size_t at = text.find(name); at != std::string::npos) {
      text.replace(at, name.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string RenderSchedule(const Json& schedule) {
  if (!schedule.is_object()) return "";
  const std::string in = Str(schedule, "in");
  const std::string span = Str(schedule, "span");
  const std::string until = Str(schedule, "until");
  const char* text = nullptr;
  if (in == "quiet_hours") {
    text = until.empty() ? Tr("Quiet hours ({span}): reminders wait")
                         : Tr("Quiet hours ({span}) until {until}: reminders wait until then");
  } else if (in == "outside_working_hours") {
    text = until.empty() ? Tr("Outside working hours: reminders wait")
                         : Tr("Outside working hours until {until}: reminders wait until then");
  } else if (in == "working_hours") {
    text = until.empty() ? Tr("Working hours ({span})")
                         : Tr("Working hours ({span}): reminders until {until}");
  } else if (in == "outside_quiet_hours" && !until.empty()) {
    text = Tr("Quiet hours begin {until}");
  } else {
    return "";
  }
  return Fill(text, {{"{span}", span}, {"{until}", until.empty() ? "" : LocalWhen(until)}});
}

}  // namespace unsit::cli
