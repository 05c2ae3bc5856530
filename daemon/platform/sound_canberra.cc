// libcanberra behind SoundPlayer (contract in sound_canberra.h).
//
// The library is reached through dlopen and dlsym only; <canberra.h> gives the
// types and constants. libcanberra reports the end of a sound on a thread of
// its own (the sound server driver's), so the context is handed back to the
// GLib thread to be destroyed, never from inside that callback.
#include "platform/sound_canberra.h"

#include <canberra.h>
#include <dlfcn.h>
#include <malloc.h>

#include <cstring>
#include <memory>
#include <string>

#include "i18n/tr.h"
#include "platform/glib_thread.h"

namespace unsit {
namespace {

constexpr const char* kLibrary = "libcanberra.so.0";
constexpr uint32_t kSoundId = 1;

// The functions we call, found with dlsym.
struct CanberraApi {
  decltype(&ca_context_create) create = nullptr;
  decltype(&ca_context_destroy) destroy = nullptr;
  decltype(&ca_context_play_full) play_full = nullptr;
  decltype(&ca_proplist_create) proplist_create = nullptr;
  decltype(&ca_proplist_sets) proplist_sets = nullptr;
  decltype(&ca_proplist_destroy) proplist_destroy = nullptr;
  decltype(&ca_strerror) strerror = nullptr;
};

template <typename Fn>
bool Find(void* library, const char* name, Fn& out) {
  void* symbol = dlsym(library, name);
  static_assert(sizeof symbol == sizeof out);
  std::memcpy(&out, &symbol, sizeof out);  // a function pointer from dlsym's object pointer
  return out != nullptr;
}

// Loads the library once per process; it is never unloaded (its sound server
// client library keeps state of its own).
Result<CanberraApi> LoadCanberra() {
  static void* library = nullptr;
  static CanberraApi api;
  if (library != nullptr) return api;
  void* opened = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (opened == nullptr) {
    const char* why = dlerror();
    return Error{
        errc::kUnavailable,
        std::string(Tr("libcanberra cannot be loaded")) + " (" + (why != nullptr ? why : kLibrary) +
            "): " + Tr("install libcanberra0 and libcanberra-pulse, or set notify.sound: none")};
  }
  CanberraApi found;
  if (!Find(opened, "ca_context_create", found.create) ||
      !Find(opened, "ca_context_destroy", found.destroy) ||
      !Find(opened, "ca_context_play_full", found.play_full) ||
      !Find(opened, "ca_proplist_create", found.proplist_create) ||
      !Find(opened, "ca_proplist_sets", found.proplist_sets) ||
      !Find(opened, "ca_proplist_destroy", found.proplist_destroy) ||
      !Find(opened, "ca_strerror", found.strerror)) {
    dlclose(opened);
    return Error{errc::kUnavailable,
                 std::string(kLibrary) + " " + Tr("lacks a function unsit calls")};
  }
  library = opened;
  api = found;
  return api;
}

// Words for `doctor` from a libcanberra error.
std::string Describe(const CanberraApi& api, int code, const NotifySound& sound) {
  const std::string detail = std::string(" (libcanberra: ") + api.strerror(code) + ")";
  if (code == CA_ERROR_NOTFOUND) {
    if (sound.kind == NotifySound::Kind::kFile) {
      return std::string(Tr("the sound file cannot be read")) + ": " + sound.name + detail;
    }
    return std::string(Tr("the sound theme has no sound")) + " \"" + sound.name + "\"" + detail +
           ": " + Tr("install sound-theme-freedesktop or choose another in notify.sound");
  }
  if (code == CA_ERROR_NOTAVAILABLE || code == CA_ERROR_NODRIVER || code == CA_ERROR_DISCONNECTED) {
    return std::string(Tr("no sound server answers")) + detail + ": " +
           Tr("start PipeWire (with pipewire-pulse) or PulseAudio");
  }
  return std::string(Tr("the sound could not be played")) + detail;
}

// Shared with the callbacks through weak_ptr: the context of the sound playing.
class Playing {
 public:
  Playing(GlibThread& glib, CanberraApi api) : glib_(glib), api_(api) {}
  Playing(const Playing&) = delete;
  Playing& operator=(const Playing&) = delete;
  ~Playing() { Finish(nullptr); }

  // Destroys `context` if it is the one playing (null: whichever is), which
  // stops libcanberra's thread and closes its connection; freed heap goes back
  // to the system, so the memory of one sound does not stay with the daemon.
  void Finish(ca_context* context) {
    if (context_ == nullptr || (context != nullptr && context != context_)) return;
    ca_context* done = context_;
    context_ = nullptr;
    api_.destroy(done);
    malloc_trim(0);
  }

  Status Play(const NotifySound& sound, std::weak_ptr<Playing> self) {
    Finish(nullptr);  // one whose end was never reported
    ca_context* context = nullptr;
    if (int made = api_.create(&context); made < 0)
      return Error{errc::kUnavailable, Describe(api_, made, sound)};
    ca_proplist* props = nullptr;
    api_.proplist_create(&props);
    const bool file = sound.kind == NotifySound::Kind::kFile;
    api_.proplist_sets(props, file ? CA_PROP_MEDIA_FILENAME : CA_PROP_EVENT_ID, sound.name.c_str());
    api_.proplist_sets(props, CA_PROP_EVENT_DESCRIPTION, "Time to stand up");
    api_.proplist_sets(props, CA_PROP_MEDIA_ROLE, "event");
    api_.proplist_sets(props, CA_PROP_APPLICATION_NAME, "unsit");
    api_.proplist_sets(props, CA_PROP_APPLICATION_ID, "unsit");
    auto* token = new Token{&glib_, std::move(self), context};
    int played = api_.play_full(context, kSoundId, props, &Playing::OnEnd, token);
    api_.proplist_destroy(props);
    if (played < 0) {
      api_.destroy(context);  // a failed play never calls back
      delete token;
      malloc_trim(0);
      return Error{errc::kUnavailable, Describe(api_, played, sound)};
    }
    context_ = context;
    return Ok{};
  }

 private:
  struct Token {
    GlibThread* glib;
    std::weak_ptr<Playing> playing;
    ca_context* context;
  };

  // On libcanberra's thread (or inside destroy, with the sound cancelled).
  static void OnEnd(ca_context*, uint32_t, int, void* data) {
    std::unique_ptr<Token> token(static_cast<Token*>(data));
    token->glib->Post([playing = token->playing, context = token->context] {
      if (auto p = playing.lock()) p->Finish(context);
    });
  }

  GlibThread& glib_;
  CanberraApi api_;
  ca_context* context_ = nullptr;
};

class CanberraPlayer final : public SoundPlayer {
 public:
  explicit CanberraPlayer(GlibThread& glib) : glib_(glib) {}
  std::string_view Name() const override { return "libcanberra"; }

  Status Play(const NotifySound& sound) override {
    if (playing_ == nullptr) {
      Result<CanberraApi> api = LoadCanberra();
      if (!api) return api.error();
      playing_ = std::make_shared<Playing>(glib_, *api);
    }
    return playing_->Play(sound, playing_);
  }

 private:
  GlibThread& glib_;
  std::shared_ptr<Playing> playing_;
};

}  // namespace

std::unique_ptr<SoundPlayer> MakeCanberraPlayer(GlibThread& glib) {
  return std::make_unique<CanberraPlayer>(glib);
}

}  // namespace unsit
