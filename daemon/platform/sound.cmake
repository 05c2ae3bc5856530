# The daemon's own sound player, for notification servers without the `sound`
# capability: libcanberra, built when <canberra.h> is found (libcanberra-dev).
# The library is dlopen'ed at run time, never linked, so only the header is
# needed here. Included by CMakeLists.txt in this folder; adds to unsit_platform.
if(UNSIT_HAVE_GIO)
  include(CheckIncludeFile)
  check_include_file(canberra.h UNSIT_CANBERRA_HEADER)
endif()
if(UNSIT_HAVE_GIO AND UNSIT_CANBERRA_HEADER)
  target_sources(unsit_platform PRIVATE ${CMAKE_CURRENT_LIST_DIR}/sound_canberra.cc)
  target_link_libraries(unsit_platform PRIVATE ${CMAKE_DL_LIBS})
  target_compile_definitions(unsit_platform PRIVATE UNSIT_HAVE_CANBERRA=1)
  message(STATUS "unsit: libcanberra's header found, unsitd plays reminder sounds itself where "
                 "the notification server cannot")
else()
  message(STATUS "unsit: libcanberra's header not found, reminders sound only where the "
                 "notification server plays them")
endif()
