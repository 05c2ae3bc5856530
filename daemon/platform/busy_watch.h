#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/hold.h"
#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"
#include "platform/idle_source.h"

namespace unsit {

// Makes one busy source, or an Error whose message says why it cannot run here
// ("the schema org.gnome.desktop.notifications is not installed").
using BusyMaker = Result<std::unique_ptr<BusySource>> (*)(const PlatformContext&);

// Every busy source built in, with the reasons it can report. A source whose
// reasons the config does not hold for is not started.
struct BusyBackend {
  const char* name;
  HoldReasons reasons;
  BusyMaker make;
};
std::vector<BusyBackend> BusyBackends();

// The sources that run, joined: the user is busy for the union of what each
// reports. Each candidate says whether it runs or why it was skipped.
class BusyWatch {
 public:
  // Makes every backend of `wanted`'s reasons; never fails (a missing service
  // is a skipped candidate with its reason).
  static BusyWatch Make(const PlatformContext& context, HoldReasons wanted);

  // `busy`: the union of what the sources that know report; `unknown`: the
  // reasons of on-demand sources that do not know now (not watching, or not
  // answered yet).
  using Callback = std::function<void(HoldReasons busy, HoldReasons unknown)>;
  // `callback` gets both on the io_context thread whenever either changes (at
  // Start when some are unknown, from the sources, and from SetWatching).
  void Start(Callback callback);
  // Starts (`on`) or stops the on-demand sources (out::WatchBusy). Stopping
  // makes their reasons unknown and reports at once.
  void SetWatching(bool on);
  const std::vector<Candidate>& candidates() const { return candidates_; }
  HoldReasons reasons() const { return joined_; }

 private:
  struct Running {
    std::unique_ptr<BusySource> source;
    HoldReasons can_report;  // the backend's reasons
    HoldReasons reported;
    bool known = false;  // reported since it began watching
  };
  void Report(std::size_t index, HoldReasons reasons);
  void Join();

  std::vector<std::unique_ptr<Running>> running_;
  std::vector<Candidate> candidates_;
  Callback callback_;
  bool watching_ = false;
  HoldReasons joined_;
  HoldReasons unknown_;
};

}  // namespace unsit
