#include "shell/idle_supervisor.h"

#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "core/duration.h"

namespace unsit {

void LogCandidates(const char* what, const std::vector<Candidate>& candidates) {
  for (const Candidate& candidate : candidates) {
    if (candidate.chosen) {
      spdlog::info("{}: using {}", what, candidate.name);
    } else {
      spdlog::info("{}: skipped {}: {}", what, candidate.name, candidate.reason);
    }
  }
}

IdleSupervisor::IdleSupervisor(boost::asio::io_context& io, const Config& config, Chooser choose,
                               ReadClock clock, Feed feed)
    : io_(io),
      config_(config),
      choose_(std::move(choose)),
      clock_(std::move(clock)),
      feed_(std::move(feed)) {}

IdleSupervisor::~IdleSupervisor() { Stop(); }

void IdleSupervisor::Choose(const std::string& wanted) {
  source_.reset();  // before the new one opens: it may hold the same display
  wanted_ = wanted;
  lost_reason_.clear();
  IdleChoice choice = choose_(wanted_);
  LogCandidates("idle", choice.candidates);
  Adopt(std::move(choice));
}

// Takes `choice` as the idle source, or the fixed schedule when it has none.
void IdleSupervisor::Adopt(IdleChoice choice) {
  candidates_ = std::move(choice.candidates);
  source_ = std::move(choice.source);
  if (!source_) FallBack();
}

void IdleSupervisor::FallBack() {
  spdlog::warn(
      "idle: no idle source works here; reminding on a fixed schedule, one every {} "
      "(see `unsit doctor`)",
      FormatHuman(config_.sit_limit));
  source_ = std::move(choose_("none").source);
}

void IdleSupervisor::Begin(Duration threshold) {
  threshold_ = threshold;
  auto started = source_->Start(threshold, [this](const IdleReport& report) { OnReport(report); });
  if (!started.ok()) {
    spdlog::error("idle: {} failed to start: {}", source_->Name(), started.error().message);
    candidates_.push_back({std::string(source_->Name()), false, started.error().message});
    FallBack();
    Begin(threshold);
    return;
  }
  std::optional<Duration> idle_for = source_->IdleTime();
  if (!idle_for) {
    source_->WatchNextInput();
  } else if (*idle_for < threshold) {
    feed_(in::Active{});
  } else {
    feed_(in::Idle{clock_() - *idle_for});
  }
}

void IdleSupervisor::Stop() {
  stopped_ = true;
  source_.reset();
}

void IdleSupervisor::OnReport(const IdleReport& report) {
  switch (report.kind) {
    case IdleReport::Kind::kIdle:
      feed_(in::Idle{report.since});
      return;
    case IdleReport::Kind::kActive:
      feed_(in::Active{});
      return;
    case IdleReport::Kind::kLost:
      break;
  }
  std::string name(source_ ? source_->Name() : "idle source");
  spdlog::warn("idle: {} stopped working: {}; choosing again", name, report.reason);
  lost_reason_ = name + ": " + report.reason;
  // Destroying the source from inside its own callback is not safe: defer.
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_), name] {
    if (!alive.expired()) Replace(name);
  });
}

// Chooses again after `lost` stopped working. The one just lost may still open
// (e.g. a display that is going away): it is not taken straight back; `unsit
// reload` probes it again.
void IdleSupervisor::Replace(const std::string& lost) {
  if (stopped_) return;
  source_.reset();
  IdleChoice choice = choose_(wanted_);
  if (choice.source && choice.source->Name() == lost) choice.source.reset();
  LogCandidates("idle", choice.candidates);
  Adopt(std::move(choice));
  Begin(threshold_);
}

}  // namespace unsit
