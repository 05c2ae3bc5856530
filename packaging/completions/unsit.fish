# fish completion for unsit(1)

set -l __unsit_verbs status today history report snooze done skip pause resume standing stretch watch doctor reload version

complete -c unsit -f
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -l json -d 'Print machine-readable JSON'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -l socket -r -F -d 'Control socket of the daemon'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -l help -d 'Show help and exit'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -l version -d 'Show version and exit'

complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a status -d 'Current bout, next reminder, today'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a today -d "Today's sitting, breaks and reminders"
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a history -d 'Past days'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a report -d 'Picture of the last days'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a snooze -d 'Postpone the reminder'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a done -d 'You stood up: end the bout'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a skip -d 'Skip this reminder'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a pause -d 'Mute reminders for a while'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a resume -d 'End a pause'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a standing -d 'Standing on or off'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a stretch -d 'Show a stretch now'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a watch -d 'Print the status when it changes'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a doctor -d 'Check the setup'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a reload -d 'Reload the configuration'
complete -c unsit -n "not __fish_seen_subcommand_from $__unsit_verbs" -a version -d 'Versions of CLI and daemon'

complete -c unsit -n "__fish_seen_subcommand_from $__unsit_verbs" -l help -d 'Show help'
complete -c unsit -n "__fish_seen_subcommand_from status watch" -l format -x -a 'plain json waybar' -d 'Output format'
complete -c unsit -n "__fish_seen_subcommand_from history" -l days -x -a '1 7 14 30 90' -d 'Number of days'
complete -c unsit -n "__fish_seen_subcommand_from history" -l csv -d 'Comma-separated values'
complete -c unsit -n "__fish_seen_subcommand_from report" -l days -x -a '1 7 14 30 90' -d 'Number of days'
complete -c unsit -n "__fish_seen_subcommand_from report" -l output -r -F -d 'Writes OUTPUT.svg and OUTPUT.html'
complete -c unsit -n "__fish_seen_subcommand_from snooze pause" -x -a '5m 10m 15m 20m 30m 45m 1h 1h30m 2h' -d 'Duration'
complete -c unsit -n "__fish_seen_subcommand_from standing; and not __fish_seen_subcommand_from on off" -x -a 'on off'
