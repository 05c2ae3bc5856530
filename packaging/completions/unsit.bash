# bash completion for unsit(1) and unsitd(1)            -*- shell-script -*-
# shellcheck disable=SC2207  # COMPREPLY=($(compgen ...)) is the bash-completion idiom

_unsit()
{
    local cur prev words cword
    _init_completion || return

    local verbs="status today history report snooze done skip pause resume standing stretch watch doctor reload version"
    local global_opts="--json --socket --help --version"
    local durations="5m 10m 15m 20m 30m 45m 1h 1h30m 2h"

    case $prev in
        --socket)
            _filedir
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W 'plain json waybar' -- "$cur"))
            return
            ;;
        --days)
            COMPREPLY=($(compgen -W '1 7 14 30 90' -- "$cur"))
            return
            ;;
        --output)
            _filedir
            return
            ;;
    esac

    # Find the verb: the first word that is neither an option nor an option's value.
    local i verb="" verb_index=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --socket) ((i++)) ;;
            -*) ;;
            *)
                verb=${words[i]}
                verb_index=$i
                break
                ;;
        esac
    done

    if [[ -z $verb ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$verbs" -- "$cur"))
        fi
        return
    fi

    local nargs=$((cword - verb_index - 1))
    case $verb in
        status | watch)
            COMPREPLY=($(compgen -W '--format --help' -- "$cur"))
            ;;
        history)
            COMPREPLY=($(compgen -W '--days --csv --help' -- "$cur"))
            ;;
        report)
            COMPREPLY=($(compgen -W '--days --output --help' -- "$cur"))
            ;;
        snooze | pause)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help' -- "$cur"))
            elif ((nargs == 0)); then
                COMPREPLY=($(compgen -W "$durations" -- "$cur"))
            fi
            ;;
        standing)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help' -- "$cur"))
            elif ((nargs == 0)); then
                COMPREPLY=($(compgen -W 'on off' -- "$cur"))
            fi
            ;;
        *)
            COMPREPLY=($(compgen -W '--help' -- "$cur"))
            ;;
    esac
} &&
    complete -F _unsit unsit

_unsitd()
{
    local cur prev words cword
    _init_completion || return

    case $prev in
        --config)
            _filedir '@(yaml|yml)'
            return
            ;;
        --check-config)
            if [[ $cur != -* ]]; then
                _filedir '@(yaml|yml)'
                return
            fi
            ;;
        --log-level)
            COMPREPLY=($(compgen -W 'trace debug info warn error critical off' -- "$cur"))
            return
            ;;
        --idle-backend)
            COMPREPLY=($(compgen -W 'auto mutter ext-idle-notify kde-idle x11 x11-poll logind none' -- "$cur"))
            return
            ;;
        --notifier)
            COMPREPLY=($(compgen -W 'auto libnotify log' -- "$cur"))
            return
            ;;
    esac

    COMPREPLY=($(compgen -W '--config --log-level --idle-backend --notifier --check-config
        --autostart --version --help' -- "$cur"))
} &&
    complete -F _unsitd unsitd

# ex: filetype=sh
