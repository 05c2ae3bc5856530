#!/usr/bin/python3
"""Looks at a StatusNotifierItem as a panel host does, on the session bus.

  sni_item.py items                 the items the watcher lists, one a line
  sni_item.py prop SERVICE NAME     one property of the item at SERVICE
  sni_item.py menu SERVICE          the menu: "ID<TAB>LABEL<TAB>enabled<TAB>toggle-state"
  sni_item.py submenu SERVICE LABEL the labels under the menu item LABEL, one a line
  sni_item.py click SERVICE LABEL   sends the menu item LABEL the "clicked" event,
                                    as a host does when the user picks it
Exits 1 with a message when the item, the property or the label is missing.
"""
import sys

from gi.repository import Gio, GLib

WATCHER = "org.kde.StatusNotifierWatcher"


def bus():
    return Gio.bus_get_sync(Gio.BusType.SESSION, None)


def call(dest, path, iface, method, args, reply):
    return bus().call_sync(dest, path, iface, method, args, GLib.VariantType(reply),
                           Gio.DBusCallFlags.NONE, 5000, None).unpack()


def prop(dest, path, iface, name):
    return call(dest, path, "org.freedesktop.DBus.Properties", "Get",
                GLib.Variant("(ss)", (iface, name)), "(v)")[0]


def split(service):
    """'NAME' or 'NAME/PATH' as the watcher lists items."""
    if "/" in service:
        name, path = service.split("/", 1)
        return name, "/" + path
    return service, "/StatusNotifierItem"


def layout(service):
    name, path = split(service)
    menu_path = prop(name, path, "org.kde.StatusNotifierItem", "Menu")
    return name, menu_path, call(name, menu_path, "com.canonical.dbusmenu", "GetLayout",
                                 GLib.Variant("(iias)", (0, -1, [])), "(u(ia{sv}av))")[1]


def submenu(service, label):
    for _, props, children in layout(service)[2][2]:
        if props.get("label") == label:
            return [child[1].get("label", "") for child in children]
    sys.exit(f"no menu item {label!r}")


def menu(service):
    name, menu_path, root = layout(service)
    rows = []
    for ident, props, _ in root[2]:
        if props.get("type") == "separator":
            continue
        rows.append((ident, props.get("label", ""), props.get("enabled", True),
                     props.get("toggle-state", -1)))
    return name, menu_path, rows


def main():
    what = sys.argv[1]
    if what == "items":
        for item in prop(WATCHER, "/StatusNotifierWatcher", WATCHER,
                         "RegisteredStatusNotifierItems"):
            print(item)
    elif what == "prop":
        name, path = split(sys.argv[2])
        print(prop(name, path, "org.kde.StatusNotifierItem", sys.argv[3]))
    elif what == "menu":
        for row in menu(sys.argv[2])[2]:
            print("\t".join(str(x) for x in row))
    elif what == "submenu":
        for label in submenu(sys.argv[2], sys.argv[3]):
            print(label)
    elif what == "click":
        name, menu_path, rows = menu(sys.argv[2])
        ids = [r[0] for r in rows if r[1] == sys.argv[3]]
        if not ids:
            sys.exit(f"no menu item {sys.argv[3]!r} in {[r[1] for r in rows]}")
        call(name, menu_path, "com.canonical.dbusmenu", "Event",
             GLib.Variant("(isvu)", (ids[0], "clicked", GLib.Variant("i", 0), 0)), "()")


if __name__ == "__main__":
    main()
