#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "platform/idle_source.h"
#include "platform/notifier.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace unsit {

class GlibThread;

// What a backend may use to start. All references outlive the backend.
struct PlatformContext {
  boost::asio::io_context& io;  // the io_context thread's loop
  GlibThread* glib;             // null when GLib is not built in
  const Config& config;
};

// A backend constructor: the source, or an Error whose message says why the
// backend cannot be used here ("DISPLAY is not set", "no SYNC IDLETIME counter").
using IdleMaker = Result<std::unique_ptr<IdleSource>> (*)(const PlatformContext&);

struct IdleChoice {
  std::unique_ptr<IdleSource> source;  // null: none usable, fixed schedule
  std::vector<Candidate> candidates;   // every backend considered, in order, with its reason
};

// Picks the idle backend named `wanted` ("auto" probes in order: DESIGN §3).
// Never fails: without any usable source it returns a null source.
IdleChoice ChooseIdleSource(const std::string& wanted, const PlatformContext& context);

// The names ChooseIdleSource accepts, for config validation and --help.
std::vector<std::string> IdleBackendNames();

struct NotifierChoice {
  std::unique_ptr<Notifier> notifier;  // never null: "log" is always available
  std::vector<Candidate> candidates;
};

NotifierChoice ChooseNotifier(const std::string& wanted, const PlatformContext& context);

}  // namespace unsit
