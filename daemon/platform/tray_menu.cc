#include "platform/tray_menu.h"

#include <array>

#include "i18n/tr.h"

namespace unsit {
namespace {

struct MenuEntry {
  const char* label;  // nullptr: a separator
  TrayAction action;
};
constexpr std::array<MenuEntry, 11> kMenu{
    {{TrNoop("I'm up"), TrayAction::kDone},
     {TrNoop("Snooze"), TrayAction::kSnooze},
     {TrNoop("Skip"), TrayAction::kSkip},
     {nullptr, TrayAction::kDone},
     {TrNoop("Pause 30 min"), TrayAction::kPause30Min},
     {TrNoop("Pause 1 h"), TrayAction::kPause1Hour},
     {TrNoop("Pause until tomorrow"), TrayAction::kPauseUntilTomorrow},
     {TrNoop("Resume"), TrayAction::kResume},
     {nullptr, TrayAction::kDone},
     {TrNoop("Standing"), TrayAction::kStandingOn},
     {nullptr, TrayAction::kDone}}};

constexpr const char* kActionKey = "unsit-action";

}  // namespace

TrayMenu::~TrayMenu() { Stop(); }

void TrayMenu::Start(const char* path) {
  root_ = dbusmenu_menuitem_new();
  for (const MenuEntry& entry : kMenu) {
    DbusmenuMenuitem* item = dbusmenu_menuitem_new();
    if (entry.label == nullptr) {
      dbusmenu_menuitem_property_set(item, DBUSMENU_MENUITEM_PROP_TYPE, "separator");
    } else {
      dbusmenu_menuitem_property_set(item, DBUSMENU_MENUITEM_PROP_LABEL, Tr(entry.label));
      g_object_set_data(G_OBJECT(item), kActionKey,
                        GINT_TO_POINTER(static_cast<int>(entry.action) + 1));
      g_signal_connect(item, DBUSMENU_MENUITEM_SIGNAL_ITEM_ACTIVATED,
                       G_CALLBACK(&TrayMenu::Activated), this);
      items_.push_back({item, entry.action});
    }
    dbusmenu_menuitem_child_append(root_, item);
    g_object_unref(item);  // the root holds it
  }
  // A submenu to read: the stretch of the reminder on screen, else the next one.
  stretch_ = dbusmenu_menuitem_new();
  dbusmenu_menuitem_property_set(stretch_, DBUSMENU_MENUITEM_PROP_LABEL, Tr("Show a stretch"));
  dbusmenu_menuitem_property_set(stretch_, DBUSMENU_MENUITEM_PROP_CHILD_DISPLAY,
                                 DBUSMENU_MENUITEM_CHILD_DISPLAY_SUBMENU);
  dbusmenu_menuitem_child_append(root_, stretch_);
  g_object_unref(stretch_);  // the root holds it
  today_ = dbusmenu_menuitem_new();
  dbusmenu_menuitem_property_set(today_, DBUSMENU_MENUITEM_PROP_LABEL, Tr("Today: nothing yet"));
  dbusmenu_menuitem_property_set_bool(today_, DBUSMENU_MENUITEM_PROP_ENABLED, FALSE);
  dbusmenu_menuitem_child_append(root_, today_);
  g_object_unref(today_);
  server_ = dbusmenu_server_new(path);
  dbusmenu_server_set_root(server_, root_);
  Show(TrayView{});
}

void TrayMenu::Stop() {
  if (server_ != nullptr) g_object_unref(server_);
  if (root_ != nullptr) g_object_unref(root_);
  server_ = nullptr;
  root_ = today_ = stretch_ = nullptr;  // the root held them
  items_.clear();
}

void TrayMenu::Show(const TrayView& view) {
  standing_ = view.standing;
  for (const auto& [item, action] : items_) {
    bool enabled = true;
    switch (action) {
      case TrayAction::kDone:
      case TrayAction::kSnooze:
      case TrayAction::kSkip:
        enabled = view.reminder_open;
        break;
      case TrayAction::kResume:
        enabled = view.paused;
        break;
      case TrayAction::kStandingOn:
      case TrayAction::kStandingOff:
        dbusmenu_menuitem_property_set(item, DBUSMENU_MENUITEM_PROP_TOGGLE_TYPE,
                                       DBUSMENU_MENUITEM_TOGGLE_CHECK);
        dbusmenu_menuitem_property_set_int(item, DBUSMENU_MENUITEM_PROP_TOGGLE_STATE,
                                           view.standing
                                               ? DBUSMENU_MENUITEM_TOGGLE_STATE_CHECKED
                                               : DBUSMENU_MENUITEM_TOGGLE_STATE_UNCHECKED);
        break;
      default:
        break;
    }
    dbusmenu_menuitem_property_set_bool(item, DBUSMENU_MENUITEM_PROP_ENABLED, enabled);
  }
}

void TrayMenu::ShowToday(const std::string& line) {
  if (today_ != nullptr) {
    dbusmenu_menuitem_property_set(today_, DBUSMENU_MENUITEM_PROP_LABEL, line.c_str());
  }
}

// A label's "_" marks a mnemonic in dbusmenu, so a literal one is doubled.
void TrayMenu::ShowStretch(const std::vector<std::string>& lines) {
  if (stretch_ == nullptr) return;
  GList* old = g_list_copy(dbusmenu_menuitem_get_children(stretch_));
  for (GList* l = old; l != nullptr; l = l->next) {
    dbusmenu_menuitem_child_delete(stretch_, DBUSMENU_MENUITEM(l->data));
  }
  g_list_free(old);
  for (const std::string& line : lines) {
    std::string label;
    for (char c : line) label += c == '_' ? std::string("__") : std::string(1, c);
    DbusmenuMenuitem* item = dbusmenu_menuitem_new();
    dbusmenu_menuitem_property_set(item, DBUSMENU_MENUITEM_PROP_LABEL, label.c_str());
    dbusmenu_menuitem_child_append(stretch_, item);
    g_object_unref(item);  // the submenu holds it
  }
}

void TrayMenu::Activated(DbusmenuMenuitem* item, guint /*timestamp*/, gpointer data) {
  auto* self = static_cast<TrayMenu*>(data);
  auto action =
      static_cast<TrayAction>(GPOINTER_TO_INT(g_object_get_data(G_OBJECT(item), kActionKey)) - 1);
  if (action == TrayAction::kStandingOn && self->standing_) action = TrayAction::kStandingOff;
  if (self->on_action_) self->on_action_(action);
}

}  // namespace unsit
