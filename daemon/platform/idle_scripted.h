#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

// The backend named "test": reads scripted idle and session events from the
// FIFO named by $UNSIT_TEST_IDLE, one per line: "active", "idle SECONDS_AGO",
// "lock", "unlock", "sleep", "wake", "lost REASON". For integration tests that
// need exact input without a display.
Result<std::unique_ptr<IdleSource>> MakeScriptedIdleSource(const PlatformContext& context);

}  // namespace unsit
