// <journey-map>: a Journeyscope map on any web page, shown read-only in a frame of the
// Journeyscope app that serves this file.
//
//   <script src="https://example.com/tools/journeyscope/journey-map.js" defer></script>
//   <journey-map src="/maps/checkout.journey.json" title="Checkout journey"></journey-map>
//
// or with the map file inline:
//
//   <journey-map><script type="application/json">{ "format": "journeyscope-map", … }</script></journey-map>
//
// The map goes to the frame in the address fragment, as in a share link, so it is never sent to
// a server. Colours, font and corner radius follow the custom properties --journey-accent,
// --journey-ink, --journey-bg, --journey-surface, --journey-font and --journey-radius set on the
// element or above it; theme="dark" picks the dark theme; app="…" names another copy of the app.
(() => {
  if (customElements.get('journey-map')) return;
  const loaderAddress = document.currentScript ? document.currentScript.src : location.href;
  const THEME = [
    ['accent', '--journey-accent'],
    ['ink', '--journey-ink'],
    ['bg', '--journey-bg'],
    ['surface', '--journey-surface'],
    ['font', '--journey-font'],
    ['radius', '--journey-radius'],
  ];

  // The app's share-link payload: "j1." and the compact map file, zlib-deflated, base64url.
  async function payloadOf(text) {
    const compact = JSON.stringify(JSON.parse(text));
    const packed = new Blob([compact]).stream().pipeThrough(new CompressionStream('deflate'));
    const bytes = new Uint8Array(await new Response(packed).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return 'j1.' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function mapText(element) {
    const src = element.getAttribute('src');
    if (src) {
      const response = await fetch(src);
      if (!response.ok) throw new Error(`${src} answered ${response.status}`);
      return response.text();
    }
    const inline = element.querySelector('script[type="application/json"]');
    if (!inline) throw new Error('it has neither a src attribute nor an inline map file');
    return inline.textContent;
  }

  function refuse(root, why) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `This journey map could not be shown: ${why}.`;
    root.replaceChildren(message);
  }

  class JourneyMapElement extends HTMLElement {
    static observedAttributes = ['src', 'theme', 'app', 'title'];

    connectedCallback() {
      this.render();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    async render() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const attempt = Symbol('render');
      this.attempt = attempt;
      let payload;
      try {
        payload = await payloadOf(await mapText(this));
      } catch (error) {
        if (this.attempt === attempt) refuse(root, error.message);
        return;
      }
      if (this.attempt !== attempt) return;
      const app = new URL(this.getAttribute('app') || './', loaderAddress);
      if (app.protocol !== 'https:' && app.protocol !== 'http:') {
        refuse(root, 'its app address must start with http: or https:');
        return;
      }
      const query = new URLSearchParams();
      const style = getComputedStyle(this);
      for (const [name, property] of THEME) {
        const value = style.getPropertyValue(property).trim();
        if (value) query.set(name, value);
      }
      query.set('theme', this.getAttribute('theme') === 'dark' ? 'dark' : 'light');
      app.search = query.toString();
      app.hash = `/embed/${payload}`;
      const frame = document.createElement('iframe');
      frame.src = app.href;
      frame.title = this.getAttribute('title') || 'Customer journey map';
      frame.loading = 'lazy';
      frame.referrerPolicy = 'no-referrer';
      frame.width = '100%';
      frame.height = '480';
      // Set through the style object, which a host's style-src policy allows.
      frame.style.border = '0';
      frame.style.display = 'block';
      root.replaceChildren(frame);
    }
  }

  // The app in the frame reports its height; only frames of our elements are resized.
  window.addEventListener('message', (event) => {
    if (event.data?.type !== 'journeyscope:height') return;
    for (const element of document.querySelectorAll('journey-map')) {
      const frame = element.shadowRoot?.querySelector('iframe');
      if (frame && frame.contentWindow === event.source) {
        frame.height = String(Math.min(Math.max(Number(event.data.height) || 0, 200), 5000));
      }
    }
  });

  customElements.define('journey-map', JourneyMapElement);
})();
