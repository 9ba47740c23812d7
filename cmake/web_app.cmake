# How a browser app is linked: the portal (wasm/) and the bench's bare ImGui page use
# the same flags, so comparing them measures the app, not the build.
# We emit .js (Debian's emcc cannot emit .html: its minifier is missing) and ship our
# own shell page from web/.
set(RETOUR_WEB_LIBRARY "${CMAKE_CURRENT_LIST_DIR}/../wasm/web_library.js")
function(retour_link_web_app target)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME retour SUFFIX ".js")
  target_link_options(${target} PRIVATE
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1
    -sMODULARIZE=1 -sEXPORT_NAME=createRetour
    -sENVIRONMENT=web
    # web/platform.js only cwraps the retour_* exports; nothing else is called from outside.
    "-sEXPORTED_RUNTIME_METHODS=['cwrap']"
    "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']"
    "--js-library=${RETOUR_WEB_LIBRARY}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${RETOUR_WEB_LIBRARY}")
endfunction()
