#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/model.h"
#include "core/time.h"
#include "platform/idle_factory.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace unsit {

// Logs each backend considered for `what` ("idle", "notify"): the one taken
// and why each other was skipped.
void LogCandidates(const char* what, const std::vector<Candidate>& candidates);

// Chooses the idle source, starts it, turns its reports into model inputs and
// replaces it when it is lost. Without any usable source it runs "none", which
// reports the user present: reminders then come on a fixed schedule. Lives on
// the io_context thread; logs what it chose and why.
class IdleSupervisor {
 public:
  // ChooseIdleSource with the daemon's PlatformContext.
  using Chooser = std::function<IdleChoice(const std::string& wanted)>;
  // Reads the boot clock (clock/clock.h ReadBootClock in the daemon).
  using ReadClock = std::function<BootTime()>;
  // Hands an input to the model (in::Idle, in::Active).
  using Feed = std::function<void(const Input&)>;

  // `config` (its sit_limit, for the log) outlives the supervisor.
  IdleSupervisor(boost::asio::io_context& io, const Config& config, Chooser choose, ReadClock clock,
                 Feed feed);
  IdleSupervisor(const IdleSupervisor&) = delete;
  IdleSupervisor& operator=(const IdleSupervisor&) = delete;
  ~IdleSupervisor();

  // Drops the source in use, then takes the one named `wanted` ("auto"
  // probes), or "none". Forgets an earlier loss. Not started yet: the shell
  // may first ask the new source how long the user has been idle.
  void Choose(const std::string& wanted);
  // Starts the chosen source with `threshold` and tells the model what it
  // knows of the user: active when idle less than `threshold`, idle since the
  // last input when longer, and when it cannot tell, it watches for the next
  // input. A source that fails to start joins the candidates with its error
  // and "none" is started instead.
  void Begin(Duration threshold);
  // Drops the source; a replacement still queued is not made. For shutdown.
  void Stop();

  // The source in use; null before Choose and after Stop.
  IdleSource* source() const { return source_.get(); }
  // Every backend considered by the last choice, in order, with its reason.
  const std::vector<Candidate>& candidates() const { return candidates_; }
  // "NAME: reason" of a source lost since the last Choose; empty otherwise.
  const std::string& lost_reason() const { return lost_reason_; }

 private:
  void Adopt(IdleChoice choice);
  // Runs "none" (the fixed schedule) in place of the source, keeping the
  // candidates that say why.
  void FallBack();
  void OnReport(const IdleReport& report);
  void Replace(const std::string& lost);

  boost::asio::io_context& io_;
  const Config& config_;
  Chooser choose_;
  ReadClock clock_;
  Feed feed_;
  std::string wanted_;
  Duration threshold_{};
  std::unique_ptr<IdleSource> source_;
  std::vector<Candidate> candidates_;
  std::string lost_reason_;
  bool stopped_ = false;
  // Guards a replacement posted to the loop against this object's end.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace unsit
