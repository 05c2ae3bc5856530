/* Test-only input for KWin: binds org_kde_kwin_fake_input (KWin offers it when
 * KWIN_WAYLAND_NO_PERMISSION_CHECKS=1), authenticates, and sends one pointer
 * motion ("motion") or one press and release of the A key ("key", version 4),
 * then waits until the compositor has read it.
 * Usage: kwin_fake_input motion|key   (connects to $WAYLAND_DISPLAY)
 * Exits 0 when the input was sent, 2 on bad usage, 1 when the compositor lacks
 * the protocol or the version the request needs. */
#include <linux/input-event-codes.h>
#include <stdio.h>
#include <string.h>
#include <wayland-client.h>

#include "fake-input-client-protocol.h"

struct state {
  struct org_kde_kwin_fake_input* fake_input;
  uint32_t version;
};

static void on_global(void* data, struct wl_registry* registry, uint32_t name,
                      const char* interface, uint32_t version) {
  struct state* state = data;
  if (strcmp(interface, org_kde_kwin_fake_input_interface.name) != 0) return;
  state->version = version < 4 ? version : 4;
  state->fake_input =
      wl_registry_bind(registry, name, &org_kde_kwin_fake_input_interface, state->version);
}

static void on_global_remove(void* data, struct wl_registry* registry, uint32_t name) {
  (void)data;
  (void)registry;
  (void)name;
}

static const struct wl_registry_listener kRegistryListener = {on_global, on_global_remove};

static int send_input(struct state* state, const char* what) {
  struct org_kde_kwin_fake_input* input = state->fake_input;
  org_kde_kwin_fake_input_authenticate(input, "unsit tests", "end-to-end input");
  if (strcmp(what, "motion") == 0) {
    org_kde_kwin_fake_input_pointer_motion(input, wl_fixed_from_int(2), wl_fixed_from_int(1));
    return 0;
  }
  if (state->version < 4) {
    fprintf(stderr, "org_kde_kwin_fake_input v%u has no keyboard_key\n", state->version);
    return 1;
  }
  org_kde_kwin_fake_input_keyboard_key(input, KEY_A, WL_KEYBOARD_KEY_STATE_PRESSED);
  org_kde_kwin_fake_input_keyboard_key(input, KEY_A, WL_KEYBOARD_KEY_STATE_RELEASED);
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 2 || (strcmp(argv[1], "motion") != 0 && strcmp(argv[1], "key") != 0)) {
    fprintf(stderr, "usage: kwin_fake_input motion|key\n");
    return 2;
  }
  struct wl_display* display = wl_display_connect(NULL);
  if (display == NULL) {
    fprintf(stderr, "cannot connect to the Wayland display\n");
    return 1;
  }
  struct state state = {NULL, 0};
  struct wl_registry* registry = wl_display_get_registry(display);
  wl_registry_add_listener(registry, &kRegistryListener, &state);
  wl_display_roundtrip(display);
  int status = 1;
  if (state.fake_input == NULL) {
    fprintf(stderr, "the compositor does not offer org_kde_kwin_fake_input\n");
  } else {
    status = send_input(&state, argv[1]);
    if (wl_display_roundtrip(display) < 0) status = 1;
    org_kde_kwin_fake_input_destroy(state.fake_input);
  }
  wl_registry_destroy(registry);
  wl_display_disconnect(display);
  return status;
}
