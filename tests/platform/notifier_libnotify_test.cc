// libnotify against python-dbusmock's notification_daemon template on a private
// session bus: the exact Notify call, replaces-id, actions and closing.
#include <gio/gio.h>
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "i18n/reminder_text.h"
#include "platform/glib_thread.h"
#include "platform/notifier_libnotify.h"
#include "support/child.h"
#include "support/private_bus.h"
#include "support/run_until.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::Child;
using test_support::RunUntil;

constexpr const char* kPython = "/usr/bin/python3";
constexpr const char* kName = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";

// One private bus for the whole test binary: GLib keeps its session-bus
// connection for the life of the process.
struct SharedBus {
  test_support::PrivateBus bus;
  GDBusConnection* connection = nullptr;  // the test's own, to drive the mock
};

SharedBus* Bus() {
  static SharedBus* shared = [] {
    // Never destroyed, so the dbus-daemon is not stopped: GLib would take its
    // going away while the process still runs as the session ending and raise
    // SIGTERM. It dies with the process (PR_SET_PDEATHSIG); its directory goes
    // at exit.
    auto* b = new SharedBus;
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(Bus()->bus.directory(), ignored);
    });
    if (!b->bus.ok()) return b;
    setenv("DBUS_SESSION_BUS_ADDRESS", b->bus.address().c_str(), 1);
    b->connection = g_dbus_connection_new_for_address_sync(
        b->bus.address().c_str(),
        static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                          G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
        nullptr, nullptr, nullptr);
    return b;
  }();
  return shared;
}

// One GLib thread for the whole binary, as in the daemon: libnotify's proxy
// follows the server's name owner through signals dispatched on the thread that
// first used it, so that thread must outlive every test. Never stopped.
GlibThread* SharedGlib() {
  static GlibThread* glib = [] {
    auto* g = new GlibThread;
    (void)g->Start();
    return g;
  }();
  return glib;
}

// A call on the bus; null on error.
GVariant* Call(const char* dest, const char* path, const char* iface, const char* method,
               GVariant* args) {
  return g_dbus_connection_call_sync(Bus()->connection, dest, path, iface, method, args, nullptr,
                                     G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, nullptr);
}

bool NameHasOwner() {
  GVariant* reply = Call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                         "NameHasOwner", g_variant_new("(s)", kName));
  if (reply == nullptr) return false;
  gboolean owned = FALSE;
  g_variant_get(reply, "(b)", &owned);
  g_variant_unref(reply);
  return owned;
}

struct NotifyCall {
  std::string app, icon, summary, body;
  guint32 replaces = 0;
  std::vector<std::string> actions;
  std::map<std::string, std::string> hints;  // printed GVariant values
  gint32 expire = 0;
};

class LibnotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"dbus-daemon", kPython}) {
      if (!test_support::HaveProgram(tool)) GTEST_SKIP() << tool << " is not installed";
    }
    if (test_support::Run({kPython, "-c", "import dbusmock"}) != 0) {
      GTEST_SKIP() << "python3-dbusmock is not installed";
    }
    ASSERT_NE(Bus()->connection, nullptr) << "private dbus-daemon did not start";
  }

  void TearDown() override {
    notifier_.reset();
    StopServer();
  }

  void StartServer(const std::string& caps) {
    mock_ = Child({kPython, "-m", "dbusmock", "--template", "notification_daemon", "-p",
                   "{\"capabilities\": \"" + caps + "\"}"});
    ASSERT_TRUE(mock_.started());
    ASSERT_TRUE(RunUntil(io_, NameHasOwner, 10s)) << "the mock did not claim its name";
    // Like a real server, closing on request gives reason 3 (the template says 1).
    GVariant* r = Call(kName, kPath, "org.freedesktop.DBus.Mock", "AddMethod",
                       g_variant_new("(sssss)", kName, "CloseNotification", "i", "",
                                     "self.EmitSignal('', 'NotificationClosed', 'uu', "
                                     "[args[0], 3])"));
    ASSERT_NE(r, nullptr);
    g_variant_unref(r);
  }

  void StopServer() {
    mock_.Stop();
    RunUntil(
        io_, [] { return !NameHasOwner(); }, 5s);
  }

  void Make(std::unique_ptr<SoundPlayer> player = nullptr) {
    auto made = MakeLibnotifyNotifier(context_, std::move(player));
    ASSERT_TRUE(made.ok()) << made.error().message;
    notifier_ = std::move(made.value());
    notifier_->SetActionCallback([this](NotifyAction a) { actions_.push_back(a); });
    notifier_->SetStatusCallback([this](const NotifierInfo& i) { statuses_.push_back(i); });
    // The test kills its bus at exit; GLib's default would then SIGTERM us.
    GDBusConnection* session = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr);
    if (session != nullptr) {
      g_dbus_connection_set_exit_on_close(session, FALSE);
      g_object_unref(session);
    }
  }

  std::vector<NotifyCall> Calls(const char* method = "Notify") {
    std::vector<NotifyCall> calls;
    GVariant* reply = Call(kName, kPath, "org.freedesktop.DBus.Mock", "GetMethodCalls",
                           g_variant_new("(s)", method));
    if (reply == nullptr) return calls;
    GVariantIter* iter = nullptr;
    g_variant_get(reply, "(a(tav))", &iter);
    guint64 stamp = 0;
    GVariantIter* args = nullptr;
    while (g_variant_iter_next(iter, "(tav)", &stamp, &args)) {
      calls.push_back(Parse(args));
      g_variant_iter_free(args);
    }
    g_variant_iter_free(iter);
    g_variant_unref(reply);
    return calls;
  }

  static NotifyCall Parse(GVariantIter* args) {
    std::vector<GVariant*> v;
    GVariant* item = nullptr;
    while (g_variant_iter_next(args, "v", &item)) v.push_back(item);
    NotifyCall call;
    if (v.size() != 8) return call;
    call.app = g_variant_get_string(v[0], nullptr);
    call.replaces = g_variant_get_uint32(v[1]);
    call.icon = g_variant_get_string(v[2], nullptr);
    call.summary = g_variant_get_string(v[3], nullptr);
    call.body = g_variant_get_string(v[4], nullptr);
    const gchar** strv = g_variant_get_strv(v[5], nullptr);
    for (const gchar** s = strv; *s != nullptr; ++s) call.actions.emplace_back(*s);
    g_free(strv);
    GVariantIter hints;
    g_variant_iter_init(&hints, v[6]);
    const gchar* key = nullptr;
    GVariant* value = nullptr;
    while (g_variant_iter_next(&hints, "{&sv}", &key, &value)) {
      gchar* text = g_variant_print(value, FALSE);
      call.hints[key] = text;
      g_free(text);
      g_variant_unref(value);
    }
    call.expire = g_variant_get_int32(v[7]);
    for (GVariant* x : v) g_variant_unref(x);
    return call;
  }

  // The id the mock gave the newest notification: it counts up on each Notify
  // that replaces nothing.
  guint32 CurrentId() {
    guint32 id = 0;
    for (const NotifyCall& call : Calls()) id = call.replaces != 0 ? call.replaces : id + 1;
    return id;
  }

  bool WaitCalls(size_t n, const char* method = "Notify") {
    return RunUntil(
        io_, [&] { return Calls(method).size() >= n; }, 5s);
  }

  void Emit(const char* signal, guint32 id, GVariant* second) {
    GVariantBuilder args;
    g_variant_builder_init(&args, G_VARIANT_TYPE("av"));
    g_variant_builder_add(&args, "v", g_variant_new_uint32(id));
    g_variant_builder_add(&args, "v", second);
    const char* sig = g_variant_is_of_type(second, G_VARIANT_TYPE_STRING) ? "us" : "uu";
    GVariant* r = Call(kName, kPath, "org.freedesktop.DBus.Mock", "EmitSignal",
                       g_variant_new("(sssav)", kName, signal, sig, &args));
    ASSERT_NE(r, nullptr);
    g_variant_unref(r);
  }

  void Settle() {
    RunUntil(
        io_, [] { return false; }, 300ms);
  }

  ReminderView View(const std::string& summary) {
    return {.summary = summary,
            .body = "Walk for a few minutes, then: standing lunge.",
            .done_label = "I'm up",
            .snooze_label = "Snooze 10 min",
            .skip_label = "Skip",
            .no_buttons = "hint",
            .picture = "",
            .desk_label = ""};
  }

  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, SharedGlib(), config_, {}};
  Child mock_;
  std::unique_ptr<Notifier> notifier_;
  std::vector<NotifyAction> actions_;
  std::vector<NotifierInfo> statuses_;
};

TEST_F(LibnotifyTest, ShowsTheReminderAndReplacesIt) {
  StartServer("actions body persistence");
  Make();
  NotifierInfo info = notifier_->Info();
  EXPECT_EQ(info.name, "libnotify");
  EXPECT_EQ(info.server, "mock-notify 1.0 (test vendor)");
  EXPECT_TRUE(info.actions);
  EXPECT_TRUE(info.problem.empty()) << info.problem;

  notifier_->Show(View("Time to stand up — 1 h 02 min sitting"));
  ASSERT_TRUE(WaitCalls(1));
  NotifyCall first = Calls()[0];
  EXPECT_EQ(first.app, "unsit");
  EXPECT_EQ(first.icon, "unsit");  // the installed hicolor icon
  EXPECT_EQ(first.hints.count("image-path"), 0u) << "no picture, no hint";
  EXPECT_EQ(first.replaces, 0u);
  EXPECT_EQ(first.summary, "Time to stand up — 1 h 02 min sitting");
  EXPECT_EQ(first.body, "Walk for a few minutes, then: standing lunge.");
  EXPECT_EQ(first.actions, (std::vector<std::string>{"default", "I'm up", "done", "I'm up",
                                                     "snooze", "Snooze 10 min", "skip", "Skip"}));
  EXPECT_EQ(first.hints["urgency"], "0x01");  // normal
  EXPECT_EQ(first.hints["category"], "'x-unsit.reminder'");
  EXPECT_EQ(first.hints["desktop-entry"], "'unsit'");
  EXPECT_EQ(first.hints["resident"], "true");
  EXPECT_EQ(first.expire, 0);  // never expires

  notifier_->Show(View("Time to stand up — 1 h 12 min sitting"));
  ASSERT_TRUE(WaitCalls(2));
  NotifyCall second = Calls()[1];
  EXPECT_EQ(second.replaces, 1u);  // the id the server gave the first
  EXPECT_EQ(second.summary, "Time to stand up — 1 h 12 min sitting");
}

TEST_F(LibnotifyTest, ThePictureGoesAsImagePath) {
  StartServer("actions body persistence");
  Make();
  ReminderView view = View("Time to stand up — 1 h sitting");
  view.picture = "/usr/share/unsit/stretches/standing-lunge.svg";
  notifier_->Show(view);
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_EQ(Calls()[0].hints["image-path"], "'/usr/share/unsit/stretches/standing-lunge.svg'");
}

TEST(ActionMenuCommandTest, NamesTheMenuOfServersWithoutButtons) {
  NotifierInfo info;
  info.server = "dunst 1.9.0 (Dunst)";
  EXPECT_EQ(ActionMenuCommand(info), "dunstctl context");
  info.server = "mako 1.7.1 (emersion)";
  EXPECT_EQ(ActionMenuCommand(info), "makoctl menu");
  info.server = "gnome-shell 43.9 (GNOME)";
  EXPECT_EQ(ActionMenuCommand(info), "");
}

TEST_F(LibnotifyTest, ActionsAndDismissalComeBack) {
  StartServer("actions body");
  Make();
  auto show_and_wait = [&](size_t n) {
    notifier_->Show(View("stand up"));
    ASSERT_TRUE(WaitCalls(n));
  };
  // The user closes it without a button: a dismissal.
  show_and_wait(1);
  Emit("NotificationClosed", CurrentId(), g_variant_new_uint32(2));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return actions_.size() == 1; }, 3s));
  EXPECT_EQ(actions_[0], NotifyAction::kDismissed);

  // libnotify forgets the id once the server says it closed: a new one follows.
  show_and_wait(2);
  Emit("ActionInvoked", CurrentId(), g_variant_new_string("snooze"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return actions_.size() == 2; }, 3s));
  EXPECT_EQ(actions_[1], NotifyAction::kSnooze);
  Emit("NotificationClosed", CurrentId(),
       g_variant_new_uint32(2));  // after an action: not a dismissal
  Settle();
  EXPECT_EQ(actions_.size(), 2u);

  size_t shown = 2;
  for (const char* action : {"default", "skip", "done"}) {
    show_and_wait(++shown);
    Emit("ActionInvoked", CurrentId(), g_variant_new_string(action));
    ASSERT_TRUE(RunUntil(
        io_, [&] { return actions_.size() == shown; }, 3s))
        << action;
  }
  EXPECT_EQ(actions_[2], NotifyAction::kDone);
  EXPECT_EQ(actions_[3], NotifyAction::kSkip);
  EXPECT_EQ(actions_[4], NotifyAction::kDone);

  show_and_wait(6);
  notifier_->Close();  // we withdraw it: the server's NotificationClosed is ours
  ASSERT_TRUE(WaitCalls(1, "CloseNotification"));
  Settle();
  EXPECT_EQ(actions_.size(), 5u);
  notifier_->Close();  // nothing on screen: no second call
  Settle();
  EXPECT_EQ(Calls("CloseNotification").size(), 1u);
}

// Closes belong to the notification they name. After a reminder was answered
// and withdrawn, the user closing a later one is still a dismissal, each time
// (libnotify emits "closed" once per notification object).
TEST_F(LibnotifyTest, DismissalsAfterAWithdrawnReminderStillCount) {
  StartServer("actions body");
  Make();
  notifier_->Show(View("one"));
  ASSERT_TRUE(WaitCalls(1));
  Emit("ActionInvoked", CurrentId(), g_variant_new_string("done"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return actions_.size() == 1; }, 3s));
  notifier_->Close();  // the mock answers with NotificationClosed(id, 3)
  ASSERT_TRUE(WaitCalls(1, "CloseNotification"));
  Settle();
  for (size_t n = 2; n <= 3; ++n) {
    notifier_->Show(View("again"));
    ASSERT_TRUE(WaitCalls(n));
    EXPECT_EQ(Calls()[n - 1].replaces, 0u) << "a closed notification is not replaced";
    Emit("NotificationClosed", CurrentId(), g_variant_new_uint32(2));
    ASSERT_TRUE(RunUntil(
        io_, [&] { return actions_.size() == n; }, 3s))
        << "dismissal " << n - 1 << " was lost";
    EXPECT_EQ(actions_.back(), NotifyAction::kDismissed);
  }
}

TEST_F(LibnotifyTest, WithoutActionsCapabilityThereAreNoButtons) {
  StartServer("body");
  Make();
  EXPECT_FALSE(notifier_->Info().actions);
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(1));
  NotifyCall call = Calls()[0];
  EXPECT_TRUE(call.actions.empty());
  EXPECT_EQ(call.hints.count("resident"), 0u);
}

TEST_F(LibnotifyTest, NoServerIsAProblemUntilOneAppears) {
  Make();
  EXPECT_FALSE(notifier_->Info().problem.empty());
  EXPECT_TRUE(notifier_->Info().server.empty());
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !statuses_.empty(); }, 5s));
  EXPECT_NE(statuses_.back().problem.find("no notification server"), std::string::npos)
      << statuses_.back().problem;

  StartServer("actions body");
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(1));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return notifier_->Info().problem.empty(); }, 3s));
  EXPECT_TRUE(statuses_.back().problem.empty());
  EXPECT_TRUE(notifier_->Info().actions);
}

// The daemon composes a reminder before the notifier learns the server is
// back: the text must follow what the server that shows it can do.
TEST_F(LibnotifyTest, TheFirstReminderAfterTheServerReturnsHasButtonsNotTheHint) {
  Make();
  ASSERT_FALSE(notifier_->Info().actions);
  StartServer("actions body");
  Stretch stretch;
  stretch.name = "Standing lunge";
  stretch.cue = "Step forward.";
  notifier_->Show(ComposeReminder(1h, stretch, 10min));
  ASSERT_TRUE(WaitCalls(1));
  NotifyCall call = Calls()[0];
  EXPECT_EQ(call.body.find("No buttons here"), std::string::npos) << call.body;
  EXPECT_FALSE(call.actions.empty());
}

TEST_F(LibnotifyTest, WithoutActionsTheBodyNamesTheCommands) {
  StartServer("body");
  Make();
  Stretch stretch;
  stretch.name = "Standing lunge";
  stretch.cue = "Step forward.";
  notifier_->Show(ComposeReminder(1h, stretch, 10min));
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_NE(Calls()[0].body.find("No buttons here"), std::string::npos) << Calls()[0].body;
}

TEST_F(LibnotifyTest, ServerThatGoesAwayAndComesBack) {
  StartServer("actions body");
  Make();
  notifier_->Show(View("one"));
  ASSERT_TRUE(WaitCalls(1));
  StopServer();
  notifier_->Show(View("two"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !notifier_->Info().problem.empty(); }, 5s));
  StartServer("actions body");
  notifier_->Show(View("three"));
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_EQ(Calls()[0].summary, "three");
  ASSERT_TRUE(RunUntil(
      io_, [&] { return notifier_->Info().problem.empty(); }, 3s));
  Emit("ActionInvoked", CurrentId(), g_variant_new_string("snooze"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !actions_.empty(); }, 3s));
  EXPECT_EQ(actions_[0], NotifyAction::kSnooze);
}

TEST_F(LibnotifyTest, NoSessionBusIsAnError) {
  std::string address = Bus()->bus.address();
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string saved_runtime = runtime != nullptr ? runtime : "";
  unsetenv("DBUS_SESSION_BUS_ADDRESS");
  setenv("XDG_RUNTIME_DIR", "/nonexistent", 1);
  auto made = MakeLibnotifyNotifier(context_);
  setenv("DBUS_SESSION_BUS_ADDRESS", address.c_str(), 1);
  if (runtime != nullptr)
    setenv("XDG_RUNTIME_DIR", saved_runtime.c_str(), 1);
  else
    unsetenv("XDG_RUNTIME_DIR");
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("no session bus"), std::string::npos);
}

// A SoundPlayer of ours that counts what it was asked to play (on the GLib
// thread; read after the Notify call it follows was seen).
class CountingPlayer final : public SoundPlayer {
 public:
  explicit CountingPlayer(std::shared_ptr<std::vector<NotifySound>> played) : played_(played) {}
  std::string_view Name() const override { return "counting"; }
  Status Play(const NotifySound& sound) override {
    played_->push_back(sound);
    if (sound.name == "missing") return Error{errc::kUnavailable, "no such sound"};
    return Ok{};
  }

 private:
  std::shared_ptr<std::vector<NotifySound>> played_;
};

TEST_F(LibnotifyTest, AServerWithSoundGetsTheThemeSoundsName) {
  StartServer("actions body sound");
  auto played = std::make_shared<std::vector<NotifySound>>();
  Make(std::make_unique<CountingPlayer>(played));
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_EQ(Calls()[0].hints["sound-name"], "'complete'");  // the default
  EXPECT_EQ(Calls()[0].hints.count("sound-file"), 0u);
  Settle();
  EXPECT_TRUE(played->empty()) << "the server plays it, not the daemon";
  EXPECT_NE(notifier_->Info().sound.find("played by the notification server (sound-name)"),
            std::string::npos)
      << notifier_->Info().sound;

  config_.notify.sound = {NotifySound::Kind::kFile, "/home/me/gong.oga"};
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(2));
  EXPECT_EQ(Calls()[1].hints["sound-file"], "'/home/me/gong.oga'");
  EXPECT_EQ(Calls()[1].hints.count("sound-name"), 0u) << "the name of the first show is removed";

  config_.notify.sound = {NotifySound::Kind::kNone, ""};
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(3));
  EXPECT_EQ(Calls()[2].hints.count("sound-file"), 0u);
  EXPECT_EQ(Calls()[2].hints.count("sound-name"), 0u);
}

TEST_F(LibnotifyTest, WithoutSoundCapabilityTheDaemonPlaysIt) {
  StartServer("actions body");
  auto played = std::make_shared<std::vector<NotifySound>>();
  Make(std::make_unique<CountingPlayer>(played));
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_EQ(Calls()[0].hints.count("sound-name"), 0u);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !notifier_->Info().sound.empty() && played->size() == 1; }, 5s));
  EXPECT_EQ(played->at(0), (NotifySound{NotifySound::Kind::kTheme, "complete"}));
  EXPECT_NE(notifier_->Info().sound.find("played by unsitd through counting"), std::string::npos)
      << notifier_->Info().sound;

  // The player's error is the sound problem, until a sound plays again.
  config_.notify.sound = {NotifySound::Kind::kTheme, "missing"};
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return notifier_->Info().sound_problem == "no such sound"; }, 5s));
  config_.notify.sound = {NotifySound::Kind::kTheme, "bell"};
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(RunUntil(
      io_, [&] { return played->size() == 3 && notifier_->Info().sound_problem.empty(); }, 5s));
}

TEST_F(LibnotifyTest, WithoutSoundCapabilityOrPlayerRemindersAreSilentAndDoctorSaysSo) {
  StartServer("actions body");
  Make();
  notifier_->Show(View("stand up"));
  ASSERT_TRUE(WaitCalls(1));
  EXPECT_EQ(Calls()[0].hints.count("sound-name"), 0u);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !notifier_->Info().sound_problem.empty(); }, 5s));
  EXPECT_NE(notifier_->Info().sound_problem.find("reminders are silent"), std::string::npos);
}

}  // namespace
}  // namespace unsit
