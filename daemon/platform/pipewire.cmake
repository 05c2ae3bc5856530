# Calls and screen sharing through PipeWire (libpipewire-0.3), when found.
# Included by CMakeLists.txt in this folder; adds to unsit_platform.
pkg_check_modules(PIPEWIRE IMPORTED_TARGET libpipewire-0.3)
if(PIPEWIRE_FOUND)
  target_sources(unsit_platform PRIVATE ${CMAKE_CURRENT_LIST_DIR}/busy_pipewire.cc)
  target_link_libraries(unsit_platform PRIVATE PkgConfig::PIPEWIRE)
  target_compile_definitions(unsit_platform PRIVATE UNSIT_HAVE_PIPEWIRE=1)
  message(STATUS "unsit: PipeWire found, calls and screen sharing are watched")
else()
  message(STATUS "unsit: PipeWire not found, calls and screen sharing are not watched")
endif()
