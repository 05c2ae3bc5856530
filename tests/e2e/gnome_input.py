#!/usr/bin/python3
"""Test-only input for GNOME Shell / Mutter through org.gnome.Mutter.RemoteDesktop.

Creates a remote-desktop session on the session bus and keeps it (Mutter ends
it when this connection closes). Prints "ready" once started, then for each line
on stdin sends one event: "motion" (a relative pointer motion) or "key" (press
and release of the A key). Exits at end of input."""
import sys

from gi.repository import Gio, GLib

NAME = 'org.gnome.Mutter.RemoteDesktop'
KEYSYM_A = 0x61


def call(bus, path, iface, method, args=None, reply='()'):
    return bus.call_sync(NAME, path, iface, method, args, GLib.VariantType(reply),
                         Gio.DBusCallFlags.NONE, 5000, None)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    session = call(bus, '/org/gnome/Mutter/RemoteDesktop', NAME, 'CreateSession',
                   reply='(o)').unpack()[0]
    iface = NAME + '.Session'
    call(bus, session, iface, 'Start')
    print('ready', flush=True)
    for line in sys.stdin:
        what = line.strip()
        if what == 'motion':
            call(bus, session, iface, 'NotifyPointerMotionRelative', GLib.Variant('(dd)', (2.0, 1.0)))
        elif what == 'key':
            for pressed in (True, False):
                call(bus, session, iface, 'NotifyKeyboardKeysym',
                     GLib.Variant('(ub)', (KEYSYM_A, pressed)))
        else:
            print('unknown input: ' + what, file=sys.stderr, flush=True)
    call(bus, session, iface, 'Stop')


if __name__ == '__main__':
    main()
