#include "protocol/day_json.h"

#include <chrono>
#include <utility>

#include "protocol/wire_time.h"

namespace unsit::protocol {

long long Seconds(Duration d) {
  return static_cast<long long>(std::chrono::floor<std::chrono::seconds>(d).count());
}

long long SecondsLeft(Duration d) {
  return static_cast<long long>(std::chrono::ceil<std::chrono::seconds>(d).count());
}

Json TotalsJson(const DayTotals& t) {
  return Json{{"sitting_seconds", Seconds(t.sitting)},
              {"standing_seconds", Seconds(t.standing)},
              {"longest_bout_seconds", Seconds(t.longest_bout)},
              {"bouts", t.bouts},
              {"long_bouts", t.long_bouts},
              {"breaks", t.breaks},
              {"breaks_after_reminder", t.breaks_after_reminder},
              {"reminders", t.reminders},
              {"done", t.done},
              {"up_on_own", t.up_on_own},
              {"snoozed", t.snoozed},
              {"skipped", t.skipped},
              {"dismissed", t.dismissed},
              {"open", OpenReminders(t)}};
}

Json DayJson(const DayView& day) {
  Json json = TotalsJson(day.totals);
  json["date"] = day.date;
  json["day_start"] = FormatIsoUtc(day.day_start);
  Json hours = Json::array();
  for (Duration hour : day.totals.hours) hours.push_back(Seconds(hour));
  json["hours"] = std::move(hours);
  return json;
}

}  // namespace unsit::protocol
