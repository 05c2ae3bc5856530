#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/result.h"

namespace unsit {

// The stretch catalogue (config/stretches.yaml) as built into the binary, parsed,
// each entry in the language of the locale in effect where it is wholly
// translated and in English otherwise (config/stretch_translation.h).
// It is checked by the tests, so an Error here means a broken build; callers
// still handle it rather than assume.
Result<std::vector<Stretch>> BuiltinStretches();

// The text of the built-in catalogue, exactly as shipped.
std::string_view BuiltinStretchesYaml();

// Parses a catalogue: a YAML list of entries with every field
// (id, name, where, kind, minutes, steps, cue, caution, source), ids unique. Problems are
// reported as "FILE:LINE:COLUMN: what is wrong, what was expected", one per line,
// in an Error with code "config". The user's `stretches.extra` entries are held to
// the same rules, except that kind, minutes, caution and source may be left out there.
Result<std::vector<Stretch>> ParseStretches(std::string_view yaml_text,
                                            const std::string& file_name);

// The stretches the reminders rotate through: the built-in ones whose place is in
// `config.stretches.places` and whose kind is in `config.stretches.kinds` (by
// default only hip-flexor stretches), in catalogue order, then the user's extra
// entries, which follow the same filters.
std::vector<Stretch> EligibleStretches(const std::vector<Stretch>& builtin, const Config& config);

}  // namespace unsit
