// Trunk post-build hook: moves the inline module script Trunk writes into index.html to its own
// file, named by its content hash, so the app runs under a Content-Security-Policy without
// 'unsafe-inline'. Trunk's build-time nonces are dropped too: a nonce that never changes
// protects nothing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('index.html has no inline module script to move');
const code = found[1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
html = html.replace(/ nonce="[^"]*"/g, '');
writeFileSync(page, html);
