// Lighthouse on the release build, with the desktop and the mobile preset. Prints each
// category's score; fails when accessibility or best practices is below 1.
//   BASE_URL=http://127.0.0.1:8080/ npm run lighthouse
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';

const url = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const chrome = await launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
let failed = false;
try {
  for (const [preset, config] of [['desktop', desktop], ['mobile', undefined]]) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    }, config);
    const { categories, audits } = result.lhr;
    const score = (id) => categories[id].score;
    rows.push({
      preset,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best practices': score('best-practices'),
      seo: score('seo'),
      'first contentful paint': audits['first-contentful-paint'].displayValue,
      'largest contentful paint': audits['largest-contentful-paint'].displayValue,
    });
    for (const id of ['accessibility', 'best-practices']) {
      if (score(id) < 1) {
        failed = true;
        const missed = categories[id].auditRefs
          .map((ref) => audits[ref.id])
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => `${audit.id}: ${audit.title}`);
        console.error(`${preset} ${id} ${score(id)}:\n  ${missed.join('\n  ')}`);
      }
    }
  }
} finally {
  await chrome.kill();
}
console.table(rows);
if (failed) process.exitCode = 1;
