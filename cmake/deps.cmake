# Third-party code fetched by `build.sh setup` into .deps/ (never committed).

# nayuki's QR Code generator, C version: ~15 KB of wasm, and the same code natively,
# so both targets produce identical symbols.
set(QRCODEGEN_DIR "${RETOUR_DEPS}/QR-Code-generator-1.8.0/c")
add_library(qrcodegen STATIC "${QRCODEGEN_DIR}/qrcodegen.c")
target_include_directories(qrcodegen SYSTEM PUBLIC "${QRCODEGEN_DIR}")
set_target_properties(qrcodegen PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
if(EMSCRIPTEN)
  # Every label encodes a QR code: speed over the few bytes (see core/CMakeLists.txt).
  target_compile_options(qrcodegen PRIVATE -O2)
endif()

# Dear ImGui 1.86. In wasm with the OpenGL3 renderer in its WebGL2 (GLES3) flavour;
# natively with no backend at all, like imgui's examples/example_null: the portal's
# screens are drawn headless in its native tests (tests/portal).
# The sanitize build (core tests and fuzzers) uses none of it: only built when asked for.
set(IMGUI_DIR "${RETOUR_DEPS}/imgui-1.86")
if(RETOUR_SANITIZE)
  set(RETOUR_IMGUI_EXCLUDE EXCLUDE_FROM_ALL)
endif()
add_library(imgui STATIC ${RETOUR_IMGUI_EXCLUDE}
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp" "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/misc/cpp")
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(EMSCRIPTEN)
  target_sources(imgui PRIVATE "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}/backends")
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
endif()

if(EMSCRIPTEN)
  # libsodium 1.0.18 for wasm, compiled from source as it is: portable C paths only
  # (no asm, no SIMD intrinsics, no threads). Natively core/ links Debian's libsodium-dev.
  # Its randombytes uses crypto.getRandomValues (browser) or node's crypto module; the
  # core itself never asks for randomness.
  set(SODIUM_DIR "${RETOUR_DEPS}/libsodium-1.0.18/src/libsodium")
  set(SODIUM_GEN "${CMAKE_BINARY_DIR}/sodium-generated")
  set(VERSION 1.0.18)
  set(SODIUM_LIBRARY_VERSION_MAJOR 10)
  set(SODIUM_LIBRARY_VERSION_MINOR 3)
  set(SODIUM_LIBRARY_MINIMAL_DEF "")
  configure_file("${SODIUM_DIR}/include/sodium/version.h.in" "${SODIUM_GEN}/sodium/version.h" @ONLY)
  # version.h includes "export.h" from its own folder.
  configure_file("${SODIUM_DIR}/include/sodium/export.h" "${SODIUM_GEN}/sodium/export.h" COPYONLY)
  file(GLOB_RECURSE SODIUM_SOURCES "${SODIUM_DIR}/*.c")
  add_library(sodium STATIC ${SODIUM_SOURCES})
  target_include_directories(sodium SYSTEM PUBLIC "${SODIUM_GEN}" "${SODIUM_DIR}/include")
  target_include_directories(sodium PRIVATE "${SODIUM_GEN}/sodium" "${SODIUM_DIR}/include/sodium")
  target_compile_definitions(sodium PUBLIC SODIUM_STATIC=1 PRIVATE CONFIGURED=1)
  target_compile_options(sodium PRIVATE -w)
  set_target_properties(sodium PROPERTIES C_STANDARD 99)
endif()
