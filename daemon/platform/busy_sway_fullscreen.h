#pragma once

// The pure part of the sway fullscreen source, for tests: what sway's IPC
// (the i3-compatible protocol on $SWAYSOCK) says about fullscreen.

#include <optional>
#include <string_view>

namespace unsit {

// Whether the focused container of a GET_TREE reply is fullscreen: the focused
// node, or a container on the way to it, has a fullscreen_mode other than 0.
// Empty when the reply is not a tree.
std::optional<bool> SwayFocusedFullscreen(std::string_view tree_json);

}  // namespace unsit
