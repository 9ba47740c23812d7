// JavaScript functions linked into the module (emcc --js-library) that need
// Emscripten internals EM_JS cannot declare a dependency on.
mergeInto(LibraryManager.library, {
  // The canvas is handed over as an object (it may live in a shadow root, where a
  // CSS selector cannot find it) and registered under a name html5.h accepts.
  retour_register_canvas__deps: ['$specialHTMLTargets'],
  retour_register_canvas: function () {
    specialHTMLTargets['!retour-canvas'] = Module['canvas'];
  },
});
