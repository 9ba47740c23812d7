// Retour's one-snippet embed: the small, uncached entry point of the portal.
//
//   <retour-portal policy="/returns/policy.json"></retour-portal>
//   <script src="/returns/embed.js" async></script>
//
// or from script: Retour.mount(element, { policy: 'policy.json', lang: 'de' }).
// The portal sizes itself to its container and dispatches DOM events the host page
// can listen to: "retour:submitted" (detail: { rma, id }), "retour:error" (detail:
// { code, message }). The files it loads have content-hashed names (long-cached);
// the build writes their names into MANIFEST below.
(function () {
  'use strict';
  if (window.Retour && window.Retour.mount) return;  // included twice

  const MANIFEST = /*RETOUR_MANIFEST*/{}/*END_RETOUR_MANIFEST*/;
  const script = document.currentScript;
  const BASE = new URL('.', script ? script.src : location.href).href;
  const file = (name) => new URL(MANIFEST[name] || name, BASE).href;

  let runtime;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('could not load ' + src));
      document.head.appendChild(s);
    });
  }
  function loadRuntime() {
    runtime = runtime || loadScript(file('platform.js')).then(() => loadScript(file('retour.js')));
    return runtime;
  }

  // Offline support for the portal's own pages (the worker's scope is the portal's folder).
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register(new URL('sw.js', BASE).href).catch((err) => {
      console.warn('retour: offline support unavailable:', err.message);
    });
  }

  async function mount(element, options) {
    options = Object.assign({}, options);
    try {
      await loadRuntime();
    } catch (err) {
      element.textContent = 'The return portal could not be loaded. Please check your connection and reload the page.';
      element.dispatchEvent(new CustomEvent('retour:error', { bubbles: true, composed: true, detail: { code: 'load_failed', message: err.message } }));
      throw err;
    }
    const portal = await window.RetourPlatform.start(element, Object.assign(options, { base: BASE, files: MANIFEST }));
    if (portal && !window.retour) window.retour = portal;  // the page's first portal, for tests and debugging
    if (options.offline !== false) registerServiceWorker();
    return portal;
  }

  class RetourPortal extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      // Fills its container; a bare element gets a usable height of its own, but never
      // more than the visible viewport: the portal scrolls inside itself, and a part
      // below the screen's edge (a fixed element on a short phone) could not be reached.
      style.textContent = ':host{display:block;position:relative;min-height:560px;' +
        'min-height:min(560px,100vh);min-height:min(560px,100dvh);contain:content}' +
        '.frame{position:absolute;inset:0}';
      const frame = document.createElement('div');
      frame.className = 'frame';
      root.append(style, frame);
      const options = {};
      for (const attr of this.attributes) options[attr.name] = attr.value;
      if ('demo' in options && options.demo === '') options.demo = 'true';
      if (options.offline === 'false') options.offline = false;
      mount(frame, options).then((portal) => { this.portal = portal; }, () => {});
    }
  }
  if (!customElements.get('retour-portal')) customElements.define('retour-portal', RetourPortal);

  window.Retour = { mount, version: MANIFEST['retour.wasm'] || 'dev' };
})();
