import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFromTemplate, launch, openApp, stageNames, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const TEMPLATES = {
  'five-stage': ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'],
  'four-stage': ['Awareness', 'Consideration', 'Decision', 'Post-purchase'],
  ecommerce: ['Discover', 'Visit the store', 'Read reviews', 'Buy', 'Follow-up', 'Buy again'],
  service: ['Discover', 'Learn', 'Consult', 'Commit', 'Ongoing support'],
};

for (const [slug, stages] of Object.entries(TEMPLATES)) {
  test(`the ${slug} template opens with its stages and is saved`, async () => {
    const page = await openApp(browser);
    await createFromTemplate(page, slug);
    assert.deepEqual(await stageNames(page), stages);
    assert.match(page.url(), /#\/map\/m[0-9a-z]+$/);
    await waitForStored(page, (map) => map.stages.length > 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the example templates come filled in, with an emotion curve', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'service');
  assert.equal(await page.locator('.card').count(), 25);
  assert.match(await page.locator('.emotion-curve').getAttribute('aria-label'),
    /^Emotion curve of .+: Discover \+1, Learn \+1, Consult -1, Commit \+0, Ongoing support \+2$/);
  await page.context().close();
});

test('a blank map starts empty and grows stages and lanes', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'blank');
  assert.deepEqual(await stageNames(page), []);
  await page.getByLabel('New stage name').fill('Sign up');
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByLabel('New lane').selectOption('pain_points');
  await page.getByRole('button', { name: 'Add lane' }).click();
  assert.deepEqual(await stageNames(page), ['Sign up']);
  await page.getByRole('button', { name: 'Add card to Pain points in Sign up' }).waitFor();
  await page.context().close();
});
