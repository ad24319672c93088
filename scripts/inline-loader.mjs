// The page's loader as scripts/post-build.mjs puts it in index.html, and how the size report and
// the benchmark read it back. Run as a command, prints the loader of the page named.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The loader, as an element at the end of the page's body. */
export const loaderElement = (code) => `<script type="module" async>${code}</script>`;

/** The loader's code in a built page. */
export function loaderOf(html) {
  const code = html.match(/<script type="module" async>([\s\S]*?)<\/script>/)?.[1];
  if (code === undefined) throw new Error('the page has no inline loader');
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(loaderOf(readFileSync(process.argv[2], 'utf8')));
}
