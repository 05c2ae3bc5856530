'''python-dbusmock template: the parts of GNOME's org.gnome.Mutter.IdleMonitor
that unsit uses. Watch ids count up from 1 on each new mock; SetIdle sets what
GetIdletime says. Fire a watch with the mock's EmitSignal
('org.gnome.Mutter.IdleMonitor', 'WatchFired', 'u', [id]), or with FireIdle /
FireActive, which fire the latest idle watch / user-active watch.'''

BUS_NAME = 'org.gnome.Mutter.IdleMonitor'
MAIN_OBJ = '/org/gnome/Mutter/IdleMonitor/Core'
MAIN_IFACE = 'org.gnome.Mutter.IdleMonitor'
SYSTEM_BUS = False

NEXT_ID = "self.n = getattr(self, 'n', 0) + 1; self.{0} = self.n; ret = dbus.UInt32(self.n)"
FIRE = ("self.EmitSignal('{0}', 'WatchFired', 'u', [dbus.UInt32(getattr(self, '{{0}}', 0))]); "
        "ret = dbus.UInt32(getattr(self, '{{0}}', 0))").format(MAIN_IFACE)


def load(mock, parameters):
    del parameters
    mock.AddMethods(MAIN_IFACE, [
        ('AddIdleWatch', 't', 'u', NEXT_ID.format('idle_id')),
        ('AddUserActiveWatch', '', 'u', NEXT_ID.format('active_id')),
        ('RemoveWatch', 'u', '', ''),
        ('GetIdletime', '', 't', "ret = dbus.UInt64(getattr(self, 'idle', 0))"),
        ('SetIdle', 't', '', 'self.idle = args[0]'),
        ('FireIdle', '', 'u', FIRE.format('idle_id')),
        ('FireActive', '', 'u', FIRE.format('active_id')),
    ])
