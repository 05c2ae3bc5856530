#pragma once

// CLI11's own words in --help and after a usage error ("Usage", "OPTIONS",
// "Run with --help for more information.") in the user's language, for both
// programs. Call it right after constructing the app, before adding options
// or subcommands: they copy the option group and the help flag from it.

namespace CLI {
class App;
}

namespace unsit {

void LocalizeHelp(CLI::App& app);

// A subcommand's help flag in the translated option group (CLI11 makes it
// before it copies the group from the parent).
void LocalizeSubcommandHelp(CLI::App& subcommand);

}  // namespace unsit
