// Retour's web platform layer, DOM half (the C++ half is wasm/web_platform.cpp).
// It owns the canvas and a hidden text input inside the portal's container, turns
// DOM events into calls of the retour_* exports, and sizes the canvas for the
// device pixel ratio.
//
//  [X] Pointer Events: mouse, pen, touch (one path)   [X] wheel / trackpad
//  [X] keys for navigation and editing                [X] text through a hidden <input>:
//      typing, paste, IME and dead keys, phone keyboards, Playwright insertText
//  [X] copy to the system clipboard                   [X] devicePixelRatio and resize
//  [X] clear message when the browser can't run it    [X] touch: tap, drag to scroll
//  [ ] gamepad
(function () {
  'use strict';

  // DOM keyCodes ImGui is told about (see KeyMap in web_platform.cpp).
  const NAV_KEYS = new Set([8, 9, 13, 27, 32, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46]);
  const SHORTCUT_KEYS = new Set([65, 67, 88, 89, 90]);  // Ctrl+A C X Y Z; Ctrl+V arrives as paste text

  function mods(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }

  function showFatal(container, text) {
    container.textContent = '';
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.style.cssText = 'font:16px/1.5 system-ui,sans-serif;padding:24px;max-width:520px;margin:auto;color:#1f2937';
    box.textContent = text;
    container.appendChild(box);
  }

  // Shown when the portal (and its catalogs) cannot run, so they live here, in the
  // portal's five languages.
  const FATAL_TEXT = {
    en: {
      browser: 'This browser is too old to show the return portal. Please update it (Chrome or Edge 95, Firefox 100, Safari 15.2 or newer) or use another browser.',
      webgl2: 'This browser cannot show the return portal (WebGL 2 is not available). Please try an up-to-date browser.',
      load: 'The return portal could not be loaded. Please check your connection and reload the page.',
    },
    de: {
      browser: 'Dieser Browser ist zu alt für das Rücksendeportal. Bitte aktualisieren Sie ihn (Chrome oder Edge 95, Firefox 100, Safari 15.2 oder neuer) oder nutzen Sie einen anderen Browser.',
      webgl2: 'Dieser Browser kann das Rücksendeportal nicht anzeigen (WebGL 2 ist nicht verfügbar). Bitte nutzen Sie einen aktuellen Browser.',
      load: 'Das Rücksendeportal konnte nicht geladen werden. Bitte prüfen Sie Ihre Verbindung und laden Sie die Seite neu.',
    },
    nl: {
      browser: 'Deze browser is te oud voor het retourportaal. Werk hem bij (Chrome of Edge 95, Firefox 100, Safari 15.2 of nieuwer) of gebruik een andere browser.',
      webgl2: 'Deze browser kan het retourportaal niet tonen (WebGL 2 is niet beschikbaar). Probeer een actuele browser.',
      load: 'Het retourportaal kon niet worden geladen. Controleer je verbinding en laad de pagina opnieuw.',
    },
    da: {
      browser: 'Denne browser er for gammel til returportalen. Opdater den (Chrome eller Edge 95, Firefox 100, Safari 15.2 eller nyere), eller brug en anden browser.',
      webgl2: 'Denne browser kan ikke vise returportalen (WebGL 2 er ikke tilgængelig). Prøv en opdateret browser.',
      load: 'Returportalen kunne ikke indlæses. Tjek din forbindelse, og genindlæs siden.',
    },
    id: {
      browser: 'Browser ini terlalu lama untuk portal pengembalian. Perbarui browser Anda (Chrome atau Edge 95, Firefox 100, Safari 15.2 atau lebih baru) atau gunakan browser lain.',
      webgl2: 'Browser ini tidak dapat menampilkan portal pengembalian (WebGL 2 tidak tersedia). Silakan gunakan browser terbaru.',
      load: 'Portal pengembalian tidak dapat dimuat. Periksa koneksi Anda lalu muat ulang halaman.',
    },
  };

  // The portal's own choice (wasm/app.cpp): its `lang` option, else the browser's language.
  function fatalText(container, options, kind) {
    const chosen = options.lang || container.getAttribute('data-lang') || container.getAttribute('lang');
    const lang = [chosen, navigator.language].map((l) => String(l || '').slice(0, 2).toLowerCase())
      .find((l) => FATAL_TEXT[l]) || 'en';
    return FATAL_TEXT[lang][kind] || FATAL_TEXT[lang].load;
  }

  // The portal is built with WebAssembly exception handling (-fwasm-exceptions):
  // a browser without it would fail while compiling and show a blank page. This is
  // the smallest module that uses it: one empty function whose body is
  // `try ... catch_all ... end` (opcodes 0x06, 0x19, 0x0b).
  const EXCEPTIONS_PROBE = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // "\0asm", version 1
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00,              // type section: () -> ()
    0x03, 0x02, 0x01, 0x00,                          // function section: one of type 0
    0x0a, 0x08, 0x01, 0x06, 0x00,                    // code section: one body, 6 bytes, no locals
    0x06, 0x40, 0x19, 0x0b, 0x0b,                    // try (empty block) catch_all end; end
  ]);

  function browserCanRun() {
    try {
      return typeof WebAssembly === 'object' && WebAssembly.validate(EXCEPTIONS_PROBE);
    } catch (err) {
      return false;
    }
  }

  // Starts the portal in `container`. options.base: URL the portal files live under
  // (default: the folder of this script), so it works from any sub-path.
  async function start(container, options) {
    options = options || {};
    const base = options.base || new URL('.', SCRIPT_URL).href;
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    if (!browserCanRun()) {
      showFatal(container, fatalText(container, options, 'browser'));
      return null;
    }

    const canvas = document.createElement('canvas');
    canvas.id = 'retour-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Return portal');
    canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;outline:none';
    const text = document.createElement('input');
    text.type = 'text';
    text.autocomplete = 'off';
    text.setAttribute('autocapitalize', 'off');
    text.setAttribute('aria-hidden', 'true');
    // 16px keeps phones from zooming in; invisible but focusable, placed at the caret.
    text.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;' +
      'font-size:16px;pointer-events:none;background:transparent;color:transparent';
    container.appendChild(canvas);
    container.appendChild(text);

    // The build gives files content-hashed names (options.files maps the plain name);
    // the single-file demo passes them inline (options.inline: plain name -> bytes).
    const fileUrl = (name) => new URL((options.files && options.files[name]) || name, base).href;
    const inlineByUrl = new Map(Object.entries(options.inline || {}).map(([name, bytes]) => [new URL(name, base).href, bytes]));

    let fontBytes;
    try {
      const r = inlineByUrl.has(fileUrl('retour-sans.ttf'))
        ? new Response(inlineByUrl.get(fileUrl('retour-sans.ttf')))
        : await fetch(fileUrl('retour-sans.ttf'));
      if (!r.ok) throw new Error('font: HTTP ' + r.status);
      fontBytes = new Uint8Array(await r.arrayBuffer());
    } catch (err) {
      console.error('retour:', err);
      showFatal(container, fatalText(container, options, 'load'));
      return null;
    }

    let frames = 0;
    let textFocused = false;
    const downloads = [];
    const platform = {
      base,
      inlineFile: (url) => inlineByUrl.get(url) || null,
      storagePrefix: options.storagePrefix || 'retour:',
      // Options given to start() win over the container's data-* / plain attributes.
      option(name) {
        if (options[name] !== undefined) return options[name];
        return container.getAttribute('data-' + name) ?? container.getAttribute(name);
      },
      emit(name, detail) {
        container.dispatchEvent(new CustomEvent('retour:' + name, { detail, bubbles: true, composed: true }));
      },
      downloaded(name, type, size) { downloads.push({ name, type, size }); },
      // The mark lets tests/bench time navigation start → first frame.
      frameRendered() { if (++frames === 1) performance.mark('retour-first-frame'); },
      textFocus(focused, x, y, h) {
        textFocused = focused;
        if (focused) {
          text.style.left = x + 'px';
          text.style.top = y + 'px';
          text.style.height = Math.max(h, 1) + 'px';
          if (document.activeElement !== text) text.focus({ preventScroll: true });
        } else if (document.activeElement === text) {
          canvas.focus({ preventScroll: true });
        }
      },
      setClipboard(value) {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(value).catch(() => {});
        }
      },
      fatal(kind) { showFatal(container, fatalText(container, options, kind)); },
    };

    let module;
    try {
      module = await createRetour({
        canvas,
        retourFont: fontBytes,
        retourPlatform: platform,
        locateFile: (path) => fileUrl(path),
        wasmBinary: options.wasmBinary,
        print: (s) => console.log(s),
        printErr: (s) => console.error(s),
      });
    } catch (err) {
      console.error('retour:', err);
      showFatal(container, fatalText(container, options, 'load'));
      return null;
    }

    const api = {
      resize: module.cwrap('retour_resize', null, ['number', 'number', 'number']),
      move: module.cwrap('retour_pointer_move', null, ['number', 'number']),
      button: module.cwrap('retour_pointer_button', null, ['number', 'number', 'number', 'number', 'number']),
      wheel: module.cwrap('retour_wheel', null, ['number', 'number']),
      key: module.cwrap('retour_key', null, ['number', 'number', 'number']),
      text: module.cwrap('retour_text', null, ['string']),
      blur: module.cwrap('retour_blur', null, []),
      touchScroll: module.cwrap('retour_touch_scroll', null, ['number']),
      state: module.cwrap('retour_state_json', 'string', []),
    };

    // --- size and pixel ratio -------------------------------------------------
    function fit() {
      const rect = container.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(rect.width * dpr));
      const h = Math.max(1, Math.round(rect.height * dpr));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      api.resize(rect.width, rect.height, dpr);
    }
    new ResizeObserver(fit).observe(container);
    (function watchRatio() {
      const mq = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', () => { fit(); watchRatio(); }, { once: true });
    })();
    fit();

    // --- pointer ----------------------------------------------------------------
    const BUTTON = [0, 2, 1];  // DOM: left, middle, right -> ImGui: left, right, middle
    function local(e) {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    }
    // Touch: a finger that moves more than a few pixels scrolls the page (as the
    // shopper expects of a phone) instead of holding a button; a finger that lifts
    // without moving is a tap, i.e. a click where it went down.
    const TAP_SLOP = 8;
    const touches = new Map();  // pointerId -> { x, y, lastY, dragging }
    canvas.addEventListener('pointermove', (e) => {
      const [x, y] = local(e);
      const t = touches.get(e.pointerId);
      if (!t) { api.move(x, y); return; }
      if (!t.dragging && Math.hypot(x - t.x, y - t.y) > TAP_SLOP) t.dragging = true;
      if (t.dragging) {
        api.touchScroll(t.lastY - y);
        t.lastY = y;
      }
    });
    canvas.addEventListener('pointerdown', (e) => {
      const [x, y] = local(e);
      if (e.pointerType !== 'mouse' || document.activeElement !== text) canvas.focus({ preventScroll: true });
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, { x, y, lastY: y, dragging: false });
        api.move(x, y);
        return;
      }
      api.move(x, y);
      api.button(x, y, BUTTON[e.button] ?? 0, 1, mods(e));
    });
    const release = (e) => {
      const [x, y] = local(e);
      const t = touches.get(e.pointerId);
      if (t) {
        touches.delete(e.pointerId);
        if (!t.dragging && e.type === 'pointerup') {
          // Both go through the input queue, so the press and release land in separate frames.
          api.button(t.x, t.y, 0, 1, mods(e));
          api.button(t.x, t.y, 0, 0, mods(e));
        }
        // A finger that lifted is not hovering anywhere any more.
        api.move(-Number.MAX_VALUE, -Number.MAX_VALUE);
        return;
      }
      api.button(x, y, BUTTON[e.button] ?? 0, 0, mods(e));
    };
    canvas.addEventListener('pointerup', release);
    canvas.addEventListener('pointercancel', release);
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') api.move(-Number.MAX_VALUE, -Number.MAX_VALUE); });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      const unit = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 0.1 : 100;
      api.wheel(-e.deltaX / unit, -e.deltaY / unit);
      e.preventDefault();
    }, { passive: false });

    // --- keys ------------------------------------------------------------------
    // Modifier keys go through too, so Ctrl/Shift/Alt/Meta in ImGui follow the real
    // keys (a released Ctrl must not linger and swallow the next typed character).
    const MODIFIER_KEYS = new Set([16, 17, 18, 91, 92, 93, 224]);
    const sentDown = new Set();  // keys whose press ImGui saw
    // One printable character (an astral one is two UTF-16 units).
    const printable = (e) => !e.ctrlKey && !e.metaKey && [...e.key].length === 1;
    container.addEventListener('keydown', (e) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && e.keyCode === 86) return;  // paste: the browser delivers it to the text input
      if (e.keyCode === 32 && textFocused) return;  // a space typed into a field is text
      if (e.target !== text && printable(e) && !NAV_KEYS.has(e.keyCode) && !e.isComposing) {
        // Typed while focus is on its way to a field (Tab, a click): the hidden input
        // is not focused yet, so the browser would drop the character. The app holds
        // it until the field is active.
        e.preventDefault();
        api.text(e.key);
        return;
      }
      if (NAV_KEYS.has(e.keyCode) || MODIFIER_KEYS.has(e.keyCode) || (ctrl && SHORTCUT_KEYS.has(e.keyCode))) {
        if (!MODIFIER_KEYS.has(e.keyCode)) e.preventDefault();
        sentDown.add(e.keyCode);
        api.key(e.keyCode, 1, mods(e));
      }
    });
    container.addEventListener('keyup', (e) => {
      // Letters only after their forwarded press (a stray release of "a" typed as text
      // would split the text over frames); other keys always, a stray release is harmless
      // and the first Tab into the portal, pressed outside it, wakes it up.
      const pressed = sentDown.delete(e.keyCode);
      if (pressed || NAV_KEYS.has(e.keyCode) || MODIFIER_KEYS.has(e.keyCode)) api.key(e.keyCode, 0, mods(e));
    });
    container.addEventListener('focusout', (e) => {
      if (!container.contains(e.relatedTarget)) { sentDown.clear(); api.blur(); }
    });

    // --- text ------------------------------------------------------------------
    // Everything typed lands in the hidden input first; we hand its value to ImGui
    // and empty it. During IME composition we wait for the composed text.
    let composing = false;
    const flush = () => {
      const value = text.value;
      text.value = '';
      if (value) api.text(value);
    };
    text.addEventListener('compositionstart', () => { composing = true; });
    text.addEventListener('compositionend', () => { composing = false; flush(); });
    text.addEventListener('input', (e) => { if (!composing && !e.isComposing) flush(); });

    const handle = {
      module,
      canvas,
      state: () => JSON.parse(api.state()),
      frames: () => frames,
      textFocused: () => textFocused,
      downloads: () => downloads.slice(),
    };
    return handle;
  }

  const SCRIPT_URL = (document.currentScript && document.currentScript.src) || location.href;  // inline in the single-file demo
  window.RetourPlatform = { start };
})();
