# X11 idle (XSync alarms, MIT-SCREEN-SAVER polling) and libnotify notifications.
# Included by CMakeLists.txt in this folder; adds to unsit_platform. The log-only
# notifier is always built (listed there).

if(UNSIT_HAVE_X11)
  # Surviving the X server's death needs XSetIOErrorExitHandler (libX11 1.7+).
  include(CheckSymbolExists)
  set(CMAKE_REQUIRED_INCLUDES ${X11_INCLUDE_DIRS})
  set(CMAKE_REQUIRED_LIBRARIES ${X11_LINK_LIBRARIES})
  check_symbol_exists(XSetIOErrorExitHandler "X11/Xlib.h" UNSIT_X11_HAS_IO_EXIT_HANDLER)
  unset(CMAKE_REQUIRED_INCLUDES)
  unset(CMAKE_REQUIRED_LIBRARIES)
  if(UNSIT_X11_HAS_IO_EXIT_HANDLER)
    target_sources(unsit_platform PRIVATE
      ${CMAKE_CURRENT_LIST_DIR}/x11_connection.cc
      ${CMAKE_CURRENT_LIST_DIR}/idle_x11_sync.cc
      ${CMAKE_CURRENT_LIST_DIR}/idle_x11_poll.cc
      ${CMAKE_CURRENT_LIST_DIR}/busy_x11_fullscreen.cc)
    target_link_libraries(unsit_platform PUBLIC PkgConfig::X11)
    target_compile_definitions(unsit_platform PUBLIC UNSIT_HAVE_X11=1)
  else()
    message(STATUS "unsit: libX11 older than 1.7 (no XSetIOErrorExitHandler): X11 idle left out")
  endif()
endif()

if(UNSIT_HAVE_LIBNOTIFY AND UNSIT_HAVE_GIO)
  target_sources(unsit_platform PRIVATE ${CMAKE_CURRENT_LIST_DIR}/notifier_libnotify.cc)
  target_link_libraries(unsit_platform PUBLIC PkgConfig::LIBNOTIFY)
  target_compile_definitions(unsit_platform PUBLIC UNSIT_HAVE_LIBNOTIFY=1)
endif()
