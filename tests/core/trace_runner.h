#pragma once

// Runs one trace: a readable scenario for the sitting model (the language is
// described in tests/traces/README.md). Time advances on a fake pair of clocks;
// like the daemon's single timer, the runner calls Tick at every deadline the
// model asks for on the way.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/model.h"
#include "core/time.h"

namespace unsit::trace {

// A line the runner cannot read; reported as one failure of that line.
struct BadLine : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A line that did not hold: "name:line: what differed".
struct Failure {
  int line = 0;
  std::string message;
};

// Runs the trace `text` (its file name `name` goes into messages). The process
// TZ is set for the run and restored afterwards.
std::vector<Failure> RunTrace(const std::string& name, const std::string& text);

class Runner {
 public:
  std::vector<Failure> Run(const std::string& text);

 private:
  using Words = std::vector<std::string>;

  void Line(const Words& words);
  void Setup(const Words& words);
  void Action(const Words& words);
  void Input(const Words& words);
  void Expect(const Words& words);
  bool ExpectEvent(const std::string& kind, bool negated, const Words& args);
  void ExpectStatus(const std::string& what, bool negated, const Words& args);
  void ExpectSchedule(const Snapshot& status, bool negated, const Words& args);
  bool UntilMatches(WallTime until, const Words& args, size_t from);
  void ExpectTotals(const DayTotals& totals, const Words& args, size_t from,
                    const std::string& what);

  Now MakeNowHere() const;
  void Start(const Words& words);
  void AdvanceBy(Duration length);
  void Feed(const unsit::Input& input);
  void Take(Output output);
  void Fail(const std::string& message);
  std::string StepText() const;

  Duration Dur(const std::string& text);
  int Int(const std::string& text);
  // "-5m" (relative to now on the boot clock) or "HH:MM" (local wall clock).
  bool TimeMatches(const std::string& spec, BootTime boot, WallTime wall);
  BootTime TimeAt(const std::string& spec);
  void SetConfig(Config& config, const Words& words, size_t from);
  DayTotals ReadTotals(const Words& words, size_t from);

  int line_ = 0;
  std::vector<Failure> failures_;
  Config config_;
  std::optional<Model> model_;
  BootTime boot_{std::chrono::hours(1000)};
  WallTime wall_{};
  std::optional<BootTime> deadline_;
  bool asleep_ = false;
  std::vector<Decision> step_;                   // decisions since the last action
  std::optional<out::BreakStarted> open_break_;  // as the decisions told
};

// Helpers shared with the unit tests.
std::string Describe(const Decision& decision);
std::string LocalTime(WallTime wall, const char* format);  // strftime in the process TZ
WallTime LocalToWall(const std::string& date, const std::string& time);

}  // namespace unsit::trace
