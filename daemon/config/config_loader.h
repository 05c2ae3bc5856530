#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/result.h"

namespace unsit {

// Parses the text of an unsit.yaml. Every key is optional; an empty document
// gives the defaults. Problems come back as an Error (code "config") whose
// message has one line per problem, sorted by position:
//   FILE:LINE:COLUMN: what is wrong, what was expected
// `file_name` is used in those lines and becomes Config::source. User entries in
// `stretches.extra` may not reuse an id of the built-in catalogue.
Result<Config> ParseConfig(std::string_view yaml_text, const std::string& file_name);

// Reads and parses the file at `path`. A file that cannot be read (missing, a
// directory, unreadable, larger than 1 MiB) is an Error with code "io".
Result<Config> LoadConfigFile(const std::string& path);

// $XDG_CONFIG_HOME/unsit/unsit.yaml, where XDG_CONFIG_HOME defaults to ~/.config
// (a relative XDG_CONFIG_HOME is ignored, as the XDG spec asks). Empty when no
// home directory can be found.
std::string DefaultConfigPath();

// The config the daemon runs with. With `explicit_path`, that file must exist.
// Without, DefaultConfigPath() is read if it exists; if it does not, the result
// is the built-in defaults with an empty Config::source.
Result<Config> LoadConfig(std::optional<std::string> explicit_path);

}  // namespace unsit
