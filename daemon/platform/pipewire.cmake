# Calls and screen sharing through PipeWire (libpipewire-0.3), when found.
# Included by CMakeLists.txt in this folder; adds to unsit_platform.
pkg_check_modules(PIPEWIRE IMPORTED_TARGET libpipewire-0.3)
if(PIPEWIRE_FOUND)
  target_sources(unsit_platform PRIVATE ${CMAKE_CURRENT_LIST_DIR}/busy_pipewire.cc)
  target_link_libraries(unsit_platform PRIVATE PkgConfig::PIPEWIRE)
  # libpipewire's method macros (pw_core_add_listener, ...) expand to GNU
  # statement expressions and empty variadic arguments in our code, which
  # clang's -Wpedantic reports; GCC does not for macros from system headers.
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/busy_pipewire.cc PROPERTIES COMPILE_OPTIONS
    "$<$<CXX_COMPILER_ID:Clang>:-Wno-gnu-statement-expression;-Wno-gnu-zero-variadic-macro-arguments>")
  target_compile_definitions(unsit_platform PRIVATE UNSIT_HAVE_PIPEWIRE=1)
  message(STATUS "unsit: PipeWire found, calls and screen sharing are watched")
else()
  message(STATUS "unsit: PipeWire not found, calls and screen sharing are not watched")
endif()
