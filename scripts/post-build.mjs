// Trunk post-build hook. Trunk builds the app (src/main.rs); this builds the embed module
// (src/bin/embed.rs) and the screens module (src/bin/screens.rs) the same way, and puts the page's
// loader, scripts/boot.js, naming all three, into the page.
// The loader is inline, so the modules are requested as soon as the page is parsed instead of
// after one more round trip for a loader file; an async module script also runs without waiting
// for the stylesheet. The page's Content-Security-Policy allows it by its hash, so it needs no
// 'unsafe-inline'; Trunk's build-time nonces are dropped too (a nonce that never changes protects
// nothing).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { loaderElement } from './inline-loader.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const features = ['bulk-memory', 'nontrapping-float-to-int', 'reference-types', 'sign-ext', 'mutable-globals']
  .map((f) => `--enable-${f}`);

const shrinkJs = async (code) =>
  (await minify(code, { module: true, compress: { passes: 2 }, format: { comments: false } })).code;

/**
 * Release only. wasm-bindgen names every function the glue hands the wasm after the Rust item and a
 * hash (`__wbg_appendChild_dbf7ad2f48413560`), and both files spell every name out: binaryen renames
 * the imports and exports to a letter or two and prints the renaming, which is applied to the glue
 * before terser shrinks it: 7 to 11 KB gzip a module. The producers and target-features sections
 * go too; browsers do not read them. Then the control flow is
 * rebuilt (flatten, rereloop) and shrunk again, which finds 1.3 to 1.9 KB gzip more a module.
 */
async function shrink(wasmPath, glue) {
  const before = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
  const printed = execFileSync('wasm-opt', [...features, '--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features', '--flatten', '--rereloop', '-Oz', '-Oz', wasmPath, '-o', wasmPath], { cwd: root, encoding: 'utf8' });
  const renamed = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
  const after = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
  const [oldModule, ...others] = new Set(before.map((i) => i.module));
  const [module] = new Set(after.map((i) => i.module));
  if (others.length > 0 || after.length !== before.length) {
    throw new Error('the glue hands the wasm imports from more than one module; expected one');
  }
  const swap = (text, pattern, replacement, what) => {
    const found = text.split(pattern).length - 1;
    if (found !== 1) throw new Error(`the glue names ${what} ${found} times, not once`);
    return text.replace(pattern, replacement);
  };
  let js = swap(glue, `${JSON.stringify(oldModule)}: import0`, `${JSON.stringify(module)}: import0`, oldModule);
  for (const [, name, short] of renamed.imports) {
    js = swap(js, `\n        ${name}: function(`, `\n        ${JSON.stringify(short)}: function(`, name);
  }
  const exports = new Map(renamed.exports);
  js = js.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
    if (!exports.has(name)) throw new Error(`the glue calls wasm.${name}, which the wasm does not export`);
    return `wasm[${JSON.stringify(exports.get(name))}]`;
  });
  return Buffer.from(await shrinkJs(js));
}

// A module built as Trunk builds the app: cargo, wasm-bindgen, then wasm-opt.
async function buildModule(bin) {
  run('cargo', ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', bin, ...(release ? ['--release'] : [])]);
  const built = join(root, 'target', 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);
  const out = mkdtempSync(join(tmpdir(), `${bin}-`));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, built]);
    const wasm = join(out, `${bin}_bg.wasm`);
    let glue = readFileSync(join(out, `${bin}.js`), 'utf8');
    if (release) {
      run('wasm-opt', ['-Oz', ...features, wasm, '-o', wasm]);
      glue = await shrink(wasm, glue);
    }
    return { wasm: readFileSync(wasm), glue };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function place({ wasm, glue }, bin) {
  const files = { wasm: `${bin}-${hashOf(wasm)}_bg.wasm`, js: `${bin}-${hashOf(glue)}.js` };
  writeFileSync(join(dir, files.wasm), wasm);
  writeFileSync(join(dir, files.js), glue);
  return files;
}
const embed = place(await buildModule('journeyscope-embed'), 'journeyscope-embed');
const screens = place(await buildModule('journeyscope-screens'), 'journeyscope-screens');
const sheets = place(await buildModule('journeyscope-sheets'), 'journeyscope-sheets');

// Trunk's inline loader names the app's files; it is replaced by ours.
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const trunkLoader = html.match(inline)?.[1];
if (!trunkLoader) throw new Error('index.html has no inline module script to replace');
let app = {
  js: trunkLoader.match(/from '\.\/([^']+\.js)'/)?.[1],
  wasm: trunkLoader.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1],
};
if (!app.js || !app.wasm) throw new Error("Trunk's loader no longer names the app's files as expected");
if (release) {
  // Renamed after their new content, as the other modules are.
  const wasmPath = join(dir, app.wasm);
  const glue = await shrink(wasmPath, readFileSync(join(dir, app.js), 'utf8'));
  const wasm = readFileSync(wasmPath);
  for (const name of Object.values(app)) unlinkSync(join(dir, name));
  app = place({ wasm, glue }, 'journeyscope');
}
const fill = {
  __APP_JS__: app.js,
  __APP_WASM__: app.wasm,
  __EMBED_JS__: embed.js,
  __EMBED_WASM__: embed.wasm,
  __SCREENS_JS__: screens.js,
  __SCREENS_WASM__: screens.wasm,
  __SHEETS_JS__: sheets.js,
  __SHEETS_WASM__: sheets.wasm,
};
let boot = readFileSync(join(root, 'scripts', 'boot.js'), 'utf8');
for (const [slot, name] of Object.entries(fill)) boot = boot.replace(slot, `./${name}`);
if (release) boot = await shrinkJs(boot);
if (/<\/script/i.test(boot)) throw new Error('the loader contains "</script", which would end it early in the page');
const bootHash = createHash('sha256').update(boot).digest('base64');

const policy = "script-src 'self' 'wasm-unsafe-eval'";
if (html.split(policy).length !== 2) throw new Error(`index.html's Content-Security-Policy has no single "${policy}"`);
html = html
  .replace(inline, '')
  .replace(policy, `${policy} 'sha256-${bootHash}'`)
  // At the end of the body, so the page's body exists whenever the loader runs.
  .replace('</body>', () => `${loaderElement(boot)}\n  </body>`)
  // Trunk's preloads would fetch the app on every visit, the embed module's included.
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
  .replace(/ nonce="[^"]*"/g, '');
writeFileSync(page, html);
