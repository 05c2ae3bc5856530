#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

struct IdleChoice {
  std::unique_ptr<IdleSource> source;  // null: none usable, fixed schedule
  std::vector<Candidate> candidates;   // every backend considered, in order, with its reason
};

// Picks the idle backend named `wanted` ("auto" probes in the order of idle_auto.h).
// Never fails: without any usable source it returns a null source.
IdleChoice ChooseIdleSource(const std::string& wanted, const PlatformContext& context);

// The names ChooseIdleSource accepts, for config validation and --help.
std::vector<std::string> IdleBackendNames();

}  // namespace unsit
