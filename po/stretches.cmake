# The stretch catalogue's share of the translations (po/README).
#
# unsit-stretches-pot: po/stretches-pot writes the template of the catalogue's
# shown text to ${UNSIT_STRETCHES_POT}, a part of the project template that
# `unsit-pot` merges after the code's messages. Read by po/CMakeLists.txt.
set(UNSIT_STRETCHES_POT ${CMAKE_BINARY_DIR}/po/stretches.pot CACHE INTERNAL "")

find_program(UNSIT_PYTHON3 python3)
find_program(UNSIT_MSGFMT msgfmt)
if(UNSIT_BUILD_TESTS AND (NOT UNSIT_PYTHON3 OR NOT UNSIT_MSGFMT))
  message(FATAL_ERROR "the tests need python3 (with python3-yaml) and msgfmt (gettext)")
endif()

if(UNSIT_PYTHON3)
  add_custom_command(
    OUTPUT ${UNSIT_STRETCHES_POT}
    COMMAND ${UNSIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/stretches-pot
            ${PROJECT_SOURCE_DIR}/config/stretches.yaml -o ${UNSIT_STRETCHES_POT}
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/stretches-pot ${PROJECT_SOURCE_DIR}/config/stretches.yaml
    COMMENT "Extracting the stretch catalogue's messages"
    VERBATIM)
  add_custom_target(unsit-stretches-pot DEPENDS ${UNSIT_STRETCHES_POT})
  set_property(GLOBAL APPEND PROPERTY UNSIT_POT_PARTS ${UNSIT_STRETCHES_POT})
  set_property(GLOBAL APPEND PROPERTY UNSIT_POT_PART_TARGETS unsit-stretches-pot)
endif()
