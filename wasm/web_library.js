// JavaScript functions linked into the module (emcc --js-library): the browser half
// of wasm/web_platform.cpp and wasm/platform_web.cpp, and the one way C++ calls
// JavaScript. Module.retourPlatform is set by web/platform.js (container, options,
// events) before main() runs.
mergeInto(LibraryManager.library, {
  // The canvas is handed over as an object (it may live in a shadow root, where a
  // CSS selector cannot find it) and registered under a name html5.h accepts.
  retour_register_canvas__deps: ['$specialHTMLTargets'],
  retour_register_canvas: function () {
    specialHTMLTargets['!retour-canvas'] = Module['canvas'];
  },

  // Copies the font web/platform.js fetched (Module.retourFont, a Uint8Array) into
  // the heap; the caller frees it. Returns 0 when there is none.
  retour_js_take_font__deps: ['malloc'],
  retour_js_take_font: function (size) {
    var bytes = Module['retourFont'];
    if (!bytes || !bytes.length) { HEAP32[size >> 2] = 0; return 0; }
    var ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    HEAP32[size >> 2] = bytes.length;
    Module['retourFont'] = null;
    return ptr;
  },

  // --- the input and drawing layer (wasm/web_platform.cpp) ---
  // The hidden <input> that receives text follows the caret of the active field.
  retour_js_text_focus__deps: ['$retourPlatform'],
  retour_js_text_focus: function (focused, x, y, h) {
    var P = retourPlatform();
    if (P.textFocus) P.textFocus(!!focused, x, y, h);
  },

  retour_js_set_clipboard__deps: ['$retourPlatform'],
  retour_js_set_clipboard: function (text) {
    var P = retourPlatform();
    if (P.setClipboard) P.setClipboard(UTF8ToString(text));
  },

  // A finger, not a mouse, is the main pointer (phones, tablets): touch-sized targets.
  retour_js_coarse_pointer: function () {
    return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },

  retour_js_frame_rendered__deps: ['$retourPlatform'],
  retour_js_frame_rendered: function () {
    var P = retourPlatform();
    if (P.frameRendered) P.frameRendered();
  },

  // The page shows why the portal cannot start ('webgl2').
  retour_js_fatal__deps: ['$retourPlatform'],
  retour_js_fatal: function (kind) {
    var P = retourPlatform();
    if (P.fatal) P.fatal(UTF8ToString(kind));
  },

  // --- services (wasm/platform_web.cpp) ---
  $retourString: function (s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  $retourPlatform: function () {
    return Module['retourPlatform'] || {};
  },

  // 0 language, 1 hash, 2 query, 3 option(arg), 4 localStorage(arg), 5 the portal's part
  // of history.state (JSON, "" when none); 0-3 are wasm/platform.h's PageValue.
  // Returns 0 (null) only for a missing localStorage key.
  retour_js_string__deps: ['$retourString', '$retourPlatform', 'malloc'],
  retour_js_string: function (which, arg) {
    var P = retourPlatform();
    var s = '';
    try {
      switch (which) {
        case 0: s = navigator.language || 'en'; break;
        case 1: s = location.hash.replace(/^#/, ''); break;
        case 2: s = location.search.replace(/^\?/, ''); break;
        case 3: {
          var v = P.option ? P.option(UTF8ToString(arg)) : null;
          s = v === null || v === undefined ? '' : String(v);
          break;
        }
        case 4: {
          var stored = localStorage.getItem((P.storagePrefix || 'retour:') + UTF8ToString(arg));
          if (stored === null) return 0;
          s = stored;
          break;
        }
        case 5: {
          var st = history.state;
          s = st && typeof st === 'object' && st.retour ? JSON.stringify(st.retour) : '';
          break;
        }
      }
    } catch (e) {
      if (which === 4) return 0;  // storage disabled: behaves as empty
    }
    return retourString(s);
  },

  retour_js_storage_set__deps: ['$retourPlatform'],
  retour_js_storage_set: function (key, value) {
    var P = retourPlatform();
    try {
      localStorage.setItem((P.storagePrefix || 'retour:') + UTF8ToString(key), UTF8ToString(value));
      return 1;
    } catch (e) {
      console.warn('retour: could not save to localStorage:', e.name);
      return 0;
    }
  },

  retour_js_storage_remove__deps: ['$retourPlatform'],
  retour_js_storage_remove: function (key) {
    var P = retourPlatform();
    try { localStorage.removeItem((P.storagePrefix || 'retour:') + UTF8ToString(key)); } catch (e) {}
  },

  retour_js_now_ms: function () { return Date.now(); },

  retour_js_random_bytes: function (out, n) {
    crypto.getRandomValues(HEAPU8.subarray(out, out + n));
  },

  retour_js_online: function () { return navigator.onLine ? 1 : 0; },

  retour_js_listen_online: function () {
    addEventListener('online', function () { Module['_retour_online_changed'](1); });
    addEventListener('offline', function () { Module['_retour_online_changed'](0); });
  },

  // 0 push, 1 replace, 2 back. The page's address stays as it is (no URL argument);
  // the host page's own history.state keys are kept next to ours.
  retour_js_history: function (op, stateJson) {
    try {
      if (op === 2) { history.back(); return; }
      var st = history.state && typeof history.state === 'object' ? Object.assign({}, history.state) : {};
      st.retour = JSON.parse(UTF8ToString(stateJson));
      if (op === 0) history.pushState(st, '');
      else history.replaceState(st, '');
    } catch (e) {
      console.warn('retour: history:', e.name);  // sandboxed frames may refuse
    }
  },

  retour_js_listen_history__deps: ['$retourString', 'malloc', 'free'],
  retour_js_listen_history: function () {
    addEventListener('popstate', function (e) {
      var st = e.state && typeof e.state === 'object' && e.state.retour ? JSON.stringify(e.state.retour) : '';
      var p = retourString(st);
      Module['_retour_history_changed'](p);
      _free(p);
    });
    addEventListener('hashchange', function () { Module['_retour_hash_changed'](); });
  },

  retour_js_open_link: function (url) {
    var a = document.createElement('a');
    a.href = UTF8ToString(url);
    if (/^https?:/.test(a.href)) { a.target = '_blank'; a.rel = 'noopener'; }
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },

  // Calls back _retour_http_done(id, status, bytes, length, error, retryAfterMs);
  // status 0 means no answer, with the reason in words.
  retour_js_fetch__deps: ['$retourString', '$retourPlatform', 'malloc'],
  retour_js_fetch: function (id, method, url, headersJson, body, bodyLen, timeoutMs) {
    var P = retourPlatform();
    function done(status, bytes, error, retryAfter) {
      var n = bytes ? bytes.length : 0;
      var p = _malloc(n + 1);
      if (n) HEAPU8.set(bytes, p);
      Module['_retour_http_done'](id, status, p, n, retourString(error), retryAfter);
    }
    var init = { method: UTF8ToString(method), headers: JSON.parse(UTF8ToString(headersJson)), cache: 'no-store' };
    if (bodyLen >= 0) init.body = HEAPU8.slice(body, body + bodyLen);
    var controller = typeof AbortController !== 'undefined' ? new AbortController() : null;
    if (controller) init.signal = controller.signal;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, timeoutMs);
    var target;
    try {
      target = new URL(UTF8ToString(url), P.base || location.href);
    } catch (e) {
      clearTimeout(timer);
      setTimeout(function () { done(0, null, 'invalid address', 0); });
      return;
    }
    // The single-file demo carries its data inline (it opens from file://, offline):
    // P.inlineFile(url) returns the bytes for a GET it can answer, or null.
    var inline = init.method === 'GET' && P.inlineFile ? P.inlineFile(target.href) : null;
    if (inline) {
      clearTimeout(timer);
      setTimeout(function () { done(200, inline, '', 0); });
      return;
    }
    fetch(target, init).then(function (r) {
      return r.arrayBuffer().then(function (buf) {
        clearTimeout(timer);
        var ra = Number(r.headers.get('retry-after'));
        done(r.status, new Uint8Array(buf), '', isFinite(ra) && ra > 0 ? ra * 1000 : 0);
      });
    }).catch(function (e) {
      clearTimeout(timer);
      var why = e && e.name === 'AbortError' ? 'timed out'
        : (navigator.onLine ? 'no answer from the server' : 'offline');
      done(0, null, why, 0);
    });
  },

  retour_js_download__deps: ['$retourPlatform'],
  retour_js_download: function (name, mime, bytes, n, openOnly) {
    var P = retourPlatform();
    var fileName = UTF8ToString(name);
    var type = UTF8ToString(mime);
    var blob = new Blob([HEAPU8.slice(bytes, bytes + n)], { type: type });
    var url = URL.createObjectURL(blob);
    if (openOnly) {
      window.open(url, '_blank', 'noopener');
    } else {
      var a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    if (P.downloaded) P.downloaded(fileName, type, n);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  retour_js_emit__deps: ['$retourPlatform'],
  retour_js_emit: function (name, detailJson) {
    var P = retourPlatform();
    if (P.emit) P.emit(UTF8ToString(name), JSON.parse(UTF8ToString(detailJson)));
  },
});
