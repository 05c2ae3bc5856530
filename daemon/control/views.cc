#include "control/views.h"

#include "protocol/wire_time.h"
#include "unsit/version.h"

namespace unsit {

using protocol::Json;

const char* WireName(StretchPlace place) {
  switch (place) {
    case StretchPlace::kStanding:
      return "standing";
    case StretchPlace::kDesk:
      return "desk";
    case StretchPlace::kFloor:
      return "floor";
  }
  return "standing";
}

Json HoldJson(HoldReasons reasons) {
  Json names = Json::array();
  for (HoldReason reason : kAllHoldReasons) {
    if (reasons.Has(reason)) names.push_back(ToString(reason));
  }
  return names;
}

namespace {

Json CandidatesJson(const std::vector<Candidate>& candidates) {
  Json list = Json::array();
  for (const Candidate& c : candidates) {
    Json item{{"name", c.name}, {"chosen", c.chosen}, {"reason", c.reason}};
    if (!c.reason_text.empty()) item["reason_text"] = c.reason_text;
    list.push_back(std::move(item));
  }
  return list;
}

// null without a schedule; else where now falls in it (the keys of
// unsit-ipc(7)).
Json ScheduleJson(const std::optional<ScheduleState>& schedule) {
  if (!schedule) return Json();
  return Json{{"quiet", schedule->quiet},
              {"in", ToString(schedule->in)},
              {"span", schedule->span ? Json(FormatSpan(*schedule->span)) : Json()},
              {"until", schedule->until ? Json(protocol::FormatIsoUtc(*schedule->until)) : Json()}};
}

}  // namespace

Json StatusJson(const StatusView& view) {
  const Snapshot& s = view.snapshot;
  auto optional_seconds = [](const std::optional<Duration>& d, bool round_up) {
    if (!d) return Json(nullptr);
    return Json(round_up ? SecondsLeft(*d) : Seconds(*d));
  };
  return Json{
      {"state", ToString(s.state)},
      {"bout_seconds", Seconds(s.bout)},
      {"next_reminder_seconds", optional_seconds(s.next_reminder, true)},
      {"reminder_open", s.reminder_open},
      {"reminder_held", s.reminder_held},
      {"busy", HoldJson(s.busy)},
      {"held_by", HoldJson(s.held_by)},
      {"paused", s.paused},
      {"paused_until", s.paused_until ? Json(protocol::FormatIsoUtc(*s.paused_until)) : Json()},
      {"quiet_until", s.quiet_until ? Json(protocol::FormatIsoUtc(*s.quiet_until)) : Json()},
      {"schedule", ScheduleJson(s.schedule)},
      {"locked", s.locked},
      {"desk_prompt", s.desk_open ? Json(ToString(*s.desk_open)) : Json()},
      {"next_desk_prompt_seconds", optional_seconds(s.next_desk, true)},
      {"idle_seconds", optional_seconds(s.idle_for, false)},
      {"idle_backend", view.idle_backend},
      {"fixed_schedule", view.fixed_schedule},
      {"notifier", view.notifier},
      {"sit_limit_seconds", Seconds(view.sit_limit)},
      {"now", protocol::FormatIsoUtc(view.now)},
      {"today", TotalsJson(s.today)}};
}

Json StretchJson(const Stretch& stretch) {
  return Json{
      {"id", stretch.id},           {"name", stretch.name},     {"where", WireName(stretch.where)},
      {"minutes", stretch.minutes}, {"steps", stretch.steps},   {"cue", stretch.cue},
      {"caution", stretch.caution}, {"source", stretch.source}, {"picture", stretch.picture}};
}

Json DoctorJson(const DoctorReport& r) {
  return Json{{"session_type", r.session_type},
              {"desktop", r.desktop},
              {"compositor", r.compositor},
              {"compositor_version", r.compositor_version},
              {"idle_backend", r.idle_backend},
              {"idle_protocol", r.idle_protocol},
              {"idle_candidates", CandidatesJson(r.idle_candidates)},
              {"busy_sources", CandidatesJson(r.busy_candidates)},
              {"idle_seconds", r.idle_for ? Json(Seconds(*r.idle_for)) : Json()},
              {"locked", r.locked},
              {"notifier", r.notifier},
              {"notification_server", r.notification_server},
              {"notification_capabilities", r.notification_capabilities},
              {"notification_actions", r.notification_actions},
              {"sound", r.sound},
              {"indicator", r.indicator},
              {"indicator_text", r.indicator_text},
              {"locale", r.locale},
              {"schedule", ScheduleJson(r.schedule)},
              {"config_path", r.config_path},
              {"history_path", r.history_path},
              {"socket_path", r.socket_path},
              {"daemon_version", kVersion},
              {"protocol", protocol::kProtocolVersion},
              {"problems", r.problems}};
}

}  // namespace unsit
