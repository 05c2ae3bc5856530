#!/bin/sh
# dunst's dmenu for the tests: from the action list on stdin
# ("#Snooze 10 min (unsit) [2,snooze]"), pick the snooze action.
grep -m1 ',snooze\]'
