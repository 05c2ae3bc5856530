#pragma once

// The built-in stretch catalogue in the user's language. Each shown field of an
// entry is a gettext message whose context names the entry and the field
// ("standing-lunge/name", "standing-lunge/steps", ".../cue", ".../caution");
// po/stretches-pot extracts them from config/stretches.yaml.

#include "core/config.h"

namespace unsit {

// `english` in the language of the locale in effect (LC_MESSAGES, LANGUAGE),
// or `english` itself: an entry is translated only when every shown field it
// has (name, each step, cue, caution) has a translation, so a reminder never
// mixes two languages. id, place, kind, minutes, source and picture are kept.
// Only for built-in entries; the user's own entries are shown as written.
Stretch TranslatedStretch(const Stretch& english);

}  // namespace unsit
