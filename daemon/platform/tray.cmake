# The panel indicator: a StatusNotifierItem whose menu libdbusmenu-glib serves.
# Included by CMakeLists.txt in this folder; adds to unsit_platform. Without
# libdbusmenu-glib (or with -DUNSIT_INDICATOR=OFF) it is left out and `doctor`
# says so.
option(UNSIT_INDICATOR "Build the panel indicator (needs libdbusmenu-glib)" ON)
if(UNSIT_INDICATOR AND UNSIT_HAVE_GIO)
  pkg_check_modules(DBUSMENU IMPORTED_TARGET dbusmenu-glib-0.4)
endif()
if(UNSIT_INDICATOR AND UNSIT_HAVE_GIO AND DBUSMENU_FOUND)
  target_sources(unsit_platform PRIVATE ${CMAKE_CURRENT_LIST_DIR}/tray_sni.cc
                                        ${CMAKE_CURRENT_LIST_DIR}/tray_menu.cc)
  target_link_libraries(unsit_platform PUBLIC PkgConfig::DBUSMENU)
  target_compile_definitions(unsit_platform PUBLIC UNSIT_HAVE_SNI=1)
  message(STATUS "unsit: the panel indicator (StatusNotifierItem, libdbusmenu-glib) is built")
else()
  message(STATUS "unsit: the panel indicator is left out (libdbusmenu-glib not found or "
                 "UNSIT_INDICATOR off)")
endif()
