# unsit_wayland_protocol(DIR STEM XML OUT_VAR): generates the client header
# (DIR/STEM-client-protocol.h) and code (DIR/STEM-protocol.c) of one Wayland
# protocol XML with wayland-scanner at build time and appends both to OUT_VAR.
# Needs UNSIT_WAYLAND_SCANNER.
function(unsit_wayland_protocol dir stem xml out_var)
  add_custom_command(
    OUTPUT "${dir}/${stem}-client-protocol.h" "${dir}/${stem}-protocol.c"
    COMMAND ${UNSIT_WAYLAND_SCANNER} client-header "${xml}" "${dir}/${stem}-client-protocol.h"
    COMMAND ${UNSIT_WAYLAND_SCANNER} private-code "${xml}" "${dir}/${stem}-protocol.c"
    DEPENDS "${xml}"
    COMMENT "Generating Wayland protocol code for ${stem}")
  set(${out_var} ${${out_var}} "${dir}/${stem}-protocol.c" "${dir}/${stem}-client-protocol.h"
      PARENT_SCOPE)
endfunction()
