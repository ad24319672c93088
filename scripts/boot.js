// Starts Journeyscope. A page opened on the library, as most first visits are, runs the library
// module: the app without the map editor, the shared views and the file writers and readers. A
// frame showing a map on another site, and a share link, run the embed module: the read-only map
// alone. A map opened directly runs the full app. On the library page the full app is
// instantiated, not started, the first time the library module borrows its file tools (export,
// import, templates) or opens a map. Opening a map, or saving a share link's copy, raises
// `journeyscope:full-app`: the module on the page is stopped (the library module writes anything
// unsaved as it goes) and the full app starts on the same page.
// The loader is inline at the end of the page's body (scripts/post-build.mjs puts it there, and
// fills in the file names), so it runs as soon as the page is parsed.
const FULL = { js: '__FULL_JS__', wasm: '__FULL_WASM__' };
const LIBRARY = { js: '__LIBRARY_JS__', wasm: '__LIBRARY_WASM__' };
const EMBED = { js: '__EMBED_JS__', wasm: '__EMBED_WASM__' };

async function load(files) {
  // The wasm is requested with the glue, not after it. If the glue fails, that failure is the
  // one reported, so the wasm's is marked as seen.
  const wasm = fetch(files.wasm);
  wasm.catch(() => {});
  const bindings = await import(files.js);
  const exports = await bindings.default({ module_or_path: wasm });
  // Release builds shorten the wasm's export names, so the memory is found by its type.
  const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
  return { bindings, started: () => dispatchEvent(new CustomEvent('journeyscope:started', { detail: { memory } })) };
}

// The full app waits to be told to start; the other two start as they are instantiated.
async function run(files, { told = false } = {}) {
  const { bindings, started } = await load(files);
  if (told) bindings.start();
  started();
  return bindings;
}

/**
 * On `journeyscope:full-app`, stops the module running on the page and starts the full app
 * (`fullApp()` loads it) in its place; `before` runs just before the full app starts. If the full
 * app cannot be had, the module stays on the page and is told why
 * (`journeyscope:full-app-failed`); asking again tries again.
 */
function handOver(running, fullApp, before) {
  let opening = false;
  addEventListener('journeyscope:full-app', async () => {
    if (opening) return;
    opening = true;
    let stopping, app;
    try {
      [stopping, app] = await Promise.all([running, fullApp()]);
    } catch (error) {
      opening = false;
      dispatchEvent(new CustomEvent('journeyscope:full-app-failed', { detail: String(error?.message ?? error) }));
      return;
    }
    before(await stopping.stop());
    app.bindings.start();
    app.started();
  });
}

const hash = location.hash;
if (/^#\/embed\/./.test(hash)) {
  await run(EMBED);
} else if (/^#\/view\/./.test(hash)) {
  // src/handoff.rs asks whether the full app was started to save the copy.
  handOver(run(EMBED), () => load(FULL), () => { globalThis.journeyscopeSaveCopy = true; });
} else if (/^#\/map\/./.test(hash) || hash === '#/debug/panic') {
  await run(FULL, { told: true });
} else {
  // The full app is fetched once the library is up and the browser idle, so borrowing its tools
  // or opening a map compiles it from the cache.
  const library = run(LIBRARY).then((bindings) => {
    (window.requestIdleCallback ?? setTimeout)(() => {
      for (const href of [FULL.js, FULL.wasm]) {
        document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href }));
      }
    });
    return bindings;
  });
  let full;
  const unstarted = () => (full ??= load(FULL).catch((error) => {
    full = undefined;
    throw error;
  }));
  // src/handoff.rs calls this for the full app's file tools.
  globalThis.journeyscopeTools = () => unstarted().then(({ bindings }) => bindings);
  // Maps storage refused (blocked or full) go across in memory; src/handoff.rs takes them.
  handOver(library, unstarted, (carried) => { globalThis.journeyscopeCarried = carried; });
}
