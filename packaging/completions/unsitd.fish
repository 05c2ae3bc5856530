# fish completion for unsitd(1)

complete -c unsitd -f
complete -c unsitd -l config -r -F -d 'Read this configuration file'
complete -c unsitd -l log-level -x -a 'trace debug info warn error critical off' -d 'Lowest level to log'
complete -c unsitd -l idle-backend -x -a 'auto mutter ext-idle-notify kde-idle x11 x11-poll logind none' -d 'Idle source'
complete -c unsitd -l notifier -x -a 'auto libnotify log' -d 'How reminders are shown'
complete -c unsitd -l check-config -F -d 'Check a configuration file and exit'
complete -c unsitd -l autostart -d 'Started by the XDG autostart entry'
complete -c unsitd -l version -d 'Show version and exit'
complete -c unsitd -l help -d 'Show help and exit'
