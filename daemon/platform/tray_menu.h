#pragma once

// The panel indicator's menu (tray_sni.cc serves the item): the actions, the
// "Show a stretch" submenu and the disabled "Today: ..." line, as a
// com.canonical.dbusmenu tree that libdbusmenu-glib serves at `path` on GLib's
// shared session connection. GLib thread only.

#include <libdbusmenu-glib/menuitem.h>
#include <libdbusmenu-glib/server.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/tray_view.h"
#include "platform/tray.h"

namespace unsit {

class TrayMenu {
 public:
  // `on_action`: an item was chosen (Standing already turned into on or off
  // from the state last shown). Called on the GLib thread.
  explicit TrayMenu(std::function<void(TrayAction)> on_action) : on_action_(std::move(on_action)) {}
  ~TrayMenu();  // Stop()
  TrayMenu(const TrayMenu&) = delete;
  TrayMenu& operator=(const TrayMenu&) = delete;

  // Builds the tree and serves it at `path`.
  void Start(const char* path);
  // Stops serving and drops the tree. Start may be called again.
  void Stop();

  // Only what applies to `view` can be chosen; Standing is a check box.
  void Show(const TrayView& view);
  void ShowToday(const std::string& line);
  // Replaces the submenu's lines, one disabled item each.
  void ShowStretch(const std::vector<std::string>& lines);

 private:
  static void Activated(DbusmenuMenuitem* item, guint timestamp, gpointer data);

  std::function<void(TrayAction)> on_action_;
  bool standing_ = false;  // as last shown: the check box's state
  DbusmenuServer* server_ = nullptr;
  DbusmenuMenuitem* root_ = nullptr;
  DbusmenuMenuitem* today_ = nullptr;    // held by root_
  DbusmenuMenuitem* stretch_ = nullptr;  // held by root_
  std::vector<std::pair<DbusmenuMenuitem*, TrayAction>> items_;
};

}  // namespace unsit
