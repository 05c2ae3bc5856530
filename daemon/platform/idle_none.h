#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

// No idle information at all: the user is taken to be present all the time, so
// reminders come on a fixed schedule (one every sit_limit). Always available.
Result<std::unique_ptr<IdleSource>> MakeNoneIdleSource(const PlatformContext& context);

}  // namespace unsit
