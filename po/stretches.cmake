# The stretch catalogue's share of the translations (po/README).
#
# unsit-stretches-pot: po/stretches-pot writes the template of the catalogue's
# shown text to ${UNSIT_STRETCHES_POT}, for the project template to take in.
# With the tests: unsit-test-locale compiles each po/LL.po into
# ${UNSIT_TEST_LOCALE_DIR}/LL/LC_MESSAGES/unsit.mo, a locale dir the tests bind
# the unsit domain to (nothing is installed from it).
set(UNSIT_STRETCHES_POT ${CMAKE_BINARY_DIR}/po/stretches.pot)
set(UNSIT_TEST_LOCALE_DIR ${CMAKE_BINARY_DIR}/po/test-locale)
set(UNSIT_STRETCH_LINGUAS de es fr)

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
endif()

if(UNSIT_BUILD_TESTS)
  set(mo_files)
  foreach(lingua IN LISTS UNSIT_STRETCH_LINGUAS)
    set(mo ${UNSIT_TEST_LOCALE_DIR}/${lingua}/LC_MESSAGES/unsit.mo)
    add_custom_command(
      OUTPUT ${mo}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${UNSIT_TEST_LOCALE_DIR}/${lingua}/LC_MESSAGES
      COMMAND ${UNSIT_MSGFMT} --check -o ${mo} ${CMAKE_CURRENT_LIST_DIR}/${lingua}.po
      DEPENDS ${CMAKE_CURRENT_LIST_DIR}/${lingua}.po
      VERBATIM)
    list(APPEND mo_files ${mo})
  endforeach()
  add_custom_target(unsit-test-locale DEPENDS ${mo_files})
endif()
