# Required libraries. Optional ones decide which platform backends are compiled;
# each found one sets UNSIT_HAVE_<NAME> for the code and is listed in the summary.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(spdlog REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)

# The daemon carries its C++ libraries inside it: spdlog and fmt header-only,
# yaml-cpp from its static archive where there is one, libstdc++ and libgcc
# linked statically (daemon/CMakeLists.txt). Then no shared library it maps needs
# libstdc++.so, and it maps only the parts of them it calls: resident memory
# counts every page of a shared library the process has touched, the ones other
# processes share too, and the budget is 12 MiB. The sanitizers replace parts of
# the C++ runtime, so they keep the shared libraries.
add_library(unsit_spdlog INTERFACE)
target_compile_definitions(unsit_spdlog INTERFACE SPDLOG_FMT_EXTERNAL)
target_include_directories(unsit_spdlog SYSTEM INTERFACE
  $<TARGET_PROPERTY:spdlog::spdlog_header_only,INTERFACE_INCLUDE_DIRECTORIES>)
target_link_libraries(unsit_spdlog INTERFACE fmt::fmt-header-only Threads::Threads)

# Asio, for every library whose code runs on the shell's loop (link unsit_asio,
# not Boost::headers). Boost 1.74's Asio under GCC 12 in C++20 needs <utility>
# included before it, so every C++ file built against it gets <utility> first:
# said once here, not as an include line each file must keep first.
add_library(unsit_asio INTERFACE)
target_link_libraries(unsit_asio INTERFACE Boost::headers Threads::Threads)
target_compile_options(unsit_asio INTERFACE "$<$<COMPILE_LANGUAGE:CXX>:SHELL:-include utility>")

find_library(UNSIT_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
add_library(unsit_yaml_cpp INTERFACE)
if(UNSIT_YAML_CPP_ARCHIVE AND NOT UNSIT_SANITIZE)
  target_include_directories(unsit_yaml_cpp SYSTEM INTERFACE
    $<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(unsit_yaml_cpp INTERFACE ${UNSIT_YAML_CPP_ARCHIVE})
else()
  target_link_libraries(unsit_yaml_cpp INTERFACE yaml-cpp)
endif()

pkg_check_modules(GIO IMPORTED_TARGET gio-2.0 glib-2.0)
pkg_check_modules(LIBNOTIFY IMPORTED_TARGET libnotify)
pkg_check_modules(X11 IMPORTED_TARGET x11 xext xscrnsaver)
pkg_check_modules(WAYLAND IMPORTED_TARGET wayland-client)
pkg_check_modules(WAYLAND_SCANNER wayland-scanner)
pkg_check_modules(WAYLAND_PROTOCOLS wayland-protocols)
pkg_check_modules(SYSTEMD IMPORTED_TARGET libsystemd)

set(UNSIT_HAVE_GIO ${GIO_FOUND})
set(UNSIT_HAVE_LIBNOTIFY ${LIBNOTIFY_FOUND})
set(UNSIT_HAVE_X11 ${X11_FOUND})
set(UNSIT_HAVE_WAYLAND ${WAYLAND_FOUND})
set(UNSIT_HAVE_SYSTEMD ${SYSTEMD_FOUND})

foreach(feature GIO LIBNOTIFY X11 WAYLAND SYSTEMD)
  if(UNSIT_HAVE_${feature})
    message(STATUS "unsit: ${feature} found, its backends are built")
  else()
    message(STATUS "unsit: ${feature} not found, its backends are left out")
  endif()
endforeach()
