#pragma once

#include <string>
#include <vector>

#include "control/daemon_api.h"

namespace unsit::test_support {

// A DaemonApi that records the commands it is given and answers with canned views.
class FakeDaemonApi : public DaemonApi {
 public:
  FakeDaemonApi() {
    view.sit_limit = std::chrono::minutes(60);
    view.idle_backend = "none";
    view.fixed_schedule = true;
    view.notifier = "log";
    view.now = WallTime(std::chrono::seconds(1'795'000'000));
    view.snapshot.state = State::kSitting;
    view.snapshot.bout = std::chrono::milliseconds(754'321);
    view.snapshot.next_reminder = std::chrono::milliseconds(2'845'500);
    view.snapshot.today.sitting = std::chrono::hours(2);
    view.snapshot.today.breaks = 3;
    day.date = "2026-11-21";
    day.day_start = WallTime(std::chrono::seconds(1'794'960'000));
    day.totals.hours[9] = std::chrono::minutes(42);
    day.totals.sitting = std::chrono::minutes(42);
    stretch.id = "standing-lunge";
    stretch.name = "Standing lunge";
    stretch.steps = {"Step back.", "Tuck the pelvis."};
  }

  StatusView Status() override { return view; }
  StatusView Apply(const Input& command) override {
    commands.push_back(command);
    return view;
  }
  unsit::Status Reload() override {
    ++reloads;
    if (!reload_error.empty()) return Error{"config", reload_error};
    return Ok{};
  }
  DayView Today() override { return day; }
  Result<std::vector<DayView>> History(int days) override {
    history_days = days;
    if (history_fails) return Error{"io", "history.db is locked"};
    return std::vector<DayView>(static_cast<std::size_t>(days), day);
  }
  Stretch NextStretch() override { return stretch; }
  DoctorReport Doctor() override {
    DoctorReport report;
    report.idle_backend = "none";
    report.compositor = "kwin_wayland (pid 7)";
    report.compositor_version = "5.27.5";
    report.idle_protocol = "ext_idle_notifier_v1 version 1";
    report.problems = {"No idle source: reminders run on a fixed schedule."};
    return report;
  }

  StatusView view;
  DayView day;
  Stretch stretch;
  std::vector<Input> commands;
  int reloads = 0;
  std::string reload_error;
  int history_days = 0;
  bool history_fails = false;
};

}  // namespace unsit::test_support
