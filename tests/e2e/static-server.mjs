// A small static file server for the tests that need a second site: a "marketing page" on its
// own port, and a copy of the app under a sub-path. Each request is answered from the routes
// first (path → [type, body]), then from `mounts` (path prefix → directory).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export async function serve({ routes = {}, mounts = {}, headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (routes[path]) {
      const [type, body] = routes[path];
      response.writeHead(200, { 'content-type': type, ...(headers[path] ?? {}) });
      response.end(body);
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const rest = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
      const file = join(dir, rest.endsWith('/') || rest === '.' ? 'index.html' : rest);
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
