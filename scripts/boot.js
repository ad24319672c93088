// Starts Journeyscope. A page opened on the library, as most first visits are, runs the library
// module: the app without the map editor and the shared views, about half its size. A frame
// showing a map on another site runs the embed module, the read-only map alone. A map or a share
// link runs the full app. When the library module opens a map it raises
// `journeyscope:full-app`: the full app is fetched and compiled, the library module is stopped
// (it writes anything unsaved as it goes) and the full app starts on the same page.
// scripts/post-build.mjs fills in the file names.
const FULL = { js: '__FULL_JS__', wasm: '__FULL_WASM__' };
const LIBRARY = { js: '__LIBRARY_JS__', wasm: '__LIBRARY_WASM__' };
const EMBED = { js: '__EMBED_JS__', wasm: '__EMBED_WASM__' };

async function run(files, wasm) {
  const bindings = await import(files.js);
  const exports = await bindings.default({ module_or_path: wasm });
  // Release builds shorten the wasm's export names, so the memory is found by its type.
  const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
  dispatchEvent(new CustomEvent('journeyscope:started', { detail: { memory } }));
  return bindings;
}

const hash = location.hash;
if (/^#\/embed\/./.test(hash)) {
  await run(EMBED, fetch(EMBED.wasm));
} else if (/^#\/(map|view)\/./.test(hash) || hash === '#/debug/panic') {
  await run(FULL, fetch(FULL.wasm));
} else {
  // The full app is fetched once the library is up and the browser idle, so opening a map
  // compiles it from the cache.
  const library = run(LIBRARY, fetch(LIBRARY.wasm)).then((bindings) => {
    (window.requestIdleCallback ?? setTimeout)(() => {
      for (const href of [FULL.js, FULL.wasm]) {
        document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href }));
      }
    });
    return bindings;
  });
  addEventListener(
    'journeyscope:full-app',
    async () => {
      const compiled = WebAssembly.compileStreaming(fetch(FULL.wasm));
      const [running] = await Promise.all([library, compiled]);
      // Maps storage refused (blocked or full) go across in memory; src/handoff.rs takes them.
      globalThis.journeyscopeCarried = await running.stop();
      await run(FULL, compiled);
    },
    { once: true },
  );
}
