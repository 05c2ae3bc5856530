#include "platform/idle_factory.h"

#include <utility>

#include "i18n/tr.h"
#include "platform/idle_auto.h"
#include "platform/idle_none.h"
#include "platform/idle_scripted.h"
#ifdef UNSIT_HAVE_X11
#include "platform/idle_x11.h"
#endif
#ifdef UNSIT_HAVE_WAYLAND_IDLE
#include "platform/idle_wayland.h"
#endif
#ifdef UNSIT_HAVE_MUTTER_IDLE
#include "platform/idle_mutter.h"
#endif
#ifdef UNSIT_HAVE_LOGIND
#include "platform/idle_logind.h"
#endif

namespace unsit {
namespace {

struct Backend {
  const char* name;
  IdleMaker make;  // null: not built into this binary
};

// Every backend name, in the `auto` order of idle_auto.h, then the explicit-only ones.
const std::vector<Backend>& Backends() {
  static const std::vector<Backend> kBackends = {
#ifdef UNSIT_HAVE_MUTTER_IDLE
      {"mutter", &MakeMutterIdleSource},
#else
      {"mutter", nullptr},
#endif
#ifdef UNSIT_HAVE_WAYLAND_IDLE
      {"ext-idle-notify", &MakeExtIdleNotifySource},
      {"kde-idle", &MakeKdeIdleSource},
#else
      {"ext-idle-notify", nullptr},
      {"kde-idle", nullptr},
#endif
#ifdef UNSIT_HAVE_X11
      {"x11", &MakeX11IdleSource},
      {"x11-poll", &MakeX11PollIdleSource},
#else
      {"x11", nullptr},
      {"x11-poll", nullptr},
#endif
#ifdef UNSIT_HAVE_LOGIND
      {"logind", &MakeLogindIdleSource},
#else
      {"logind", nullptr},
#endif
      {"none", &MakeNoneIdleSource},
      {"test", &MakeScriptedIdleSource},
  };
  return kBackends;
}

const Backend* Find(const std::string& name) {
  for (const Backend& backend : Backends()) {
    if (name == backend.name) return &backend;
  }
  return nullptr;
}

// Tries one backend; records why it was taken or skipped.
std::unique_ptr<IdleSource> Try(const Backend& backend, const PlatformContext& context,
                                std::vector<Candidate>& candidates) {
  if (backend.make == nullptr) {
    candidates.push_back({backend.name, false, TrNoop("not built into this binary")});
    return nullptr;
  }
  auto made = backend.make(context);
  if (!made.ok()) {
    candidates.push_back({backend.name, false, made.error().message, made.error().text});
    return nullptr;
  }
  candidates.push_back({std::string(made.value()->Name()), true, TrNoop("works here")});
  return std::move(made.value());
}

}  // namespace

std::vector<std::string> IdleBackendNames() {
  std::vector<std::string> names = {"auto"};
  for (const Backend& backend : Backends()) names.emplace_back(backend.name);
  return names;
}

IdleChoice ChooseIdleSource(const std::string& wanted, const PlatformContext& context) {
  IdleChoice choice;
  if (wanted != "auto") {
    if (const Backend* backend = Find(wanted)) {
      choice.source = Try(*backend, context, choice.candidates);
    } else {
      choice.candidates.push_back({wanted, false, TrNoop("unknown idle backend")});
    }
    return choice;
  }
  for (const AutoCandidate& candidate : AutoIdleOrder(ReadIdleEnvironment())) {
    if (!candidate.candidate) {
      choice.candidates.push_back({candidate.name, false, candidate.reason});
      continue;
    }
    const Backend* backend = Find(candidate.name);
    if (backend == nullptr) continue;
    choice.source = Try(*backend, context, choice.candidates);
    if (choice.source) return choice;
  }
  return choice;
}

}  // namespace unsit
