// Starts Journeyscope. The page has two entry points and picks one by the URL fragment: a frame
// showing a map on another site (#/embed/…) and a share link's read-only page (#/view/…) run the
// embed module, the read-only map alone; every other route runs the app. The page moves from one
// to the other only by navigating (the embed module's "Save a copy to my maps" loads the page
// again at #/save/…), never by swapping modules in place.
// The loader is inline at the end of the page's body (scripts/post-build.mjs puts it there, and
// fills in the file names), so it runs as soon as the page is parsed.
const APP = { js: '__APP_JS__', wasm: '__APP_WASM__' };
const EMBED = { js: '__EMBED_JS__', wasm: '__EMBED_WASM__' };
const SCREENS = { js: '__SCREENS_JS__', wasm: '__SCREENS_WASM__' };
const SHEETS = { js: '__SHEETS_JS__', wasm: '__SHEETS_WASM__' };

async function run(files) {
  // The wasm is requested with the glue, not after it. If the glue fails, that failure is the
  // one reported, so the wasm's is marked as seen.
  const wasm = fetch(files.wasm);
  wasm.catch(() => {});
  const bindings = await import(files.js);
  // Instantiating runs the module's `main`, which mounts it.
  const exports = await bindings.default({ module_or_path: wasm });
  // Release builds shorten the wasm's export names, so the memory is found by its type.
  const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
  dispatchEvent(new CustomEvent('journeyscope:started', { detail: { memory } }));
}

// A module that cannot be fetched leaves a blank page otherwise; nothing stored is touched.
function unavailable(error) {
  const message = document.createElement('p');
  message.className = 'unavailable';
  message.setAttribute('role', 'alert');
  message.textContent = `Journeyscope could not be loaded (${error?.message ?? error}). Your maps are unchanged; check the connection and reload the page.`;
  document.body.append(message);
}

// The screens module (saved versions, the score report), which the app fetches the first time a
// user opens one of its screens and mounts in its own page (src/browser/screen_loader.rs). Named
// here, so the offline worker keeps it with the app; a fetch that fails is tried again next time.
// The sheets module (the .xlsx reader) is fetched the same way, by the screens module, when a user
// picks a workbook to import (src/entry/reading.rs).
function fetcher(files) {
  let fetching;
  return () =>
    (fetching ??= import(files.js)
      .then(async (bindings) => {
        await bindings.default({ module_or_path: files.wasm });
        return bindings;
      })
      .catch((error) => {
        fetching = undefined;
        throw error;
      }));
}
globalThis.journeyscopeScreens = fetcher(SCREENS);
globalThis.journeyscopeSheets = fetcher(SHEETS);

run(/^#\/(embed|view)\/./.test(location.hash) ? EMBED : APP).catch(unavailable);
