// Browser test: on the sample workshop, a committee member signs in, opens the bidding page from the
// conference page, sees the papers sorted by affinity, bids eager on one (saved by the page's script without
// reloading the page) and declares a conflict on another (the paper disappears, also after a reload); then
// the chair opens the conflicts page from the conference page, filters the pending detections and dismisses
// one. Debian's Chromium driven by playwright-core; the test starts its own server on a free port over a
// fresh database with the sample loaded (mail delivery off), and stops it at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startHarness, artifacts, signIn } from './harness.mjs';

const slug = 'binhduong-2022';
const password = 'binhduong-2022';
const member = 'ductm@uit.example';
const chair = 'tungnt@truongchinhtri-bd.example';

let harness, baseUrl, browser;

before(async () => {
  harness = await startHarness();
  ({ baseUrl, browser } = harness);
});

after(async () => {
  if (harness) await harness.stop();
});

function watchConsole(page) {
  const refused = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to execute/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

async function count(page, level) {
  return Number(await page.locator(`[data-count="${level}"]`).textContent());
}

test('a member bids and declares a conflict; the chair dismisses a detected conflict', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const cspRefusals = watchConsole(page);
  await signIn(page, baseUrl, member, password);

  await page.goto(`${baseUrl}/c/${slug}`);
  await Promise.all([page.waitForURL(`${baseUrl}/c/${slug}/bids`), page.click('#conference-bids')]);
  assert.equal(await page.locator('h1').textContent(), 'Đăng ký nguyện vọng đọc bài');

  // Sorted by affinity, highest first.
  const papers = page.locator('#bid-papers > .bid-paper');
  const shown = await papers.count();
  assert.ok(shown >= 3, `only ${shown} papers to bid on`);
  const affinities = (await page.locator('.affinity-value').allTextContents()).map(Number);
  for (let i = 1; i < affinities.length; ++i)
    assert.ok(affinities[i - 1] >= affinities[i], `affinity ${affinities[i - 1]} before ${affinities[i]}`);
  assert.ok(affinities[0] > 0);
  await page.screenshot({ path: join(artifacts, 'bids.png'), fullPage: false });

  // Eager on the first paper: saved by the script, the page is not reloaded.
  await page.evaluate(() => { window.notReloaded = true; });
  // The sample's members have bid eager on their best papers already: take the best one not eager yet.
  const levels = await papers.evaluateAll((items) => items.map((item) => item.getAttribute('data-level')));
  const index = levels.findIndex((level) => level !== 'eager');
  assert.ok(index >= 0 && index < shown - 1, `no paper left to bid eager on: ${levels}`);
  const first = papers.nth(index);
  const firstNumber = await first.getAttribute('data-number');
  const eagerBefore = await count(page, 'eager');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/bids/${firstNumber}`) && r.request().method() === 'POST');
  await first.locator('label.bid-level-eager').click();
  assert.equal((await saved).status(), 200);
  await first.locator('.bid-status-saved').waitFor();
  assert.match(await first.locator('.bid-status').textContent(), /Đã lưu: Rất muốn đọc/,
    `no "saved" beside the form. ${cspRefusals.join(' | ')}`);
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  assert.equal(await first.getAttribute('data-level'), 'eager');
  assert.equal(await count(page, 'eager'), eagerBefore + 1);

  // A conflict on the second paper: the type appears once "conflict" is chosen; the paper disappears.
  const second = papers.nth(index + 1);
  const secondNumber = await second.getAttribute('data-number');
  const secondTitle = (await second.locator('.bid-paper-title a').textContent()).trim();
  const conflictsBefore = await count(page, 'conflict');
  assert.equal(await second.locator('.bid-conflict-type').isVisible(), false);
  await second.locator('label.bid-level-conflict').click();
  assert.ok(await second.locator('.bid-conflict-type').isVisible());
  await second.locator('select[name="type"]').selectOption('collaborator');
  await second.locator('button[type="submit"]').click();
  await page.locator(`#paper-${secondNumber}`).waitFor({ state: 'detached' });
  assert.equal(await papers.count(), shown - 1);
  assert.equal(await count(page, 'conflict'), conflictsBefore + 1);
  assert.match(await page.locator('#bid-announce').textContent(), /không còn hiển thị/);
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  await page.screenshot({ path: join(artifacts, 'bids-after-conflict.png'), fullPage: false });

  // After a reload: the bid is kept, the conflicted paper stays away, and so does its page.
  await page.reload();
  assert.equal(await page.locator(`#paper-${firstNumber}`).getAttribute('data-level'), 'eager');
  assert.equal(await page.locator(`#paper-${secondNumber}`).count(), 0);
  assert.ok(!(await page.locator('main').textContent()).includes(secondTitle));
  const hidden = await page.goto(`${baseUrl}/c/${slug}/submissions/${secondNumber}`);
  assert.equal(hidden.status(), 404);
  await context.close();

  // The chair dismisses one pending detection.
  const chairContext = await browser.newContext({ locale: 'vi-VN' });
  const chairPage = await chairContext.newPage();
  await signIn(chairPage, baseUrl, chair, password);
  await chairPage.goto(`${baseUrl}/c/${slug}`);
  await Promise.all([chairPage.waitForURL(`${baseUrl}/c/${slug}/conflicts`), chairPage.click('#conference-conflicts')]);
  assert.equal(await chairPage.locator('h1').textContent(), 'Xung đột lợi ích');
  assert.ok(await chairPage.locator('#committee-nav-assignment').isVisible());
  await chairPage.selectOption('#filter-status', 'pending');
  await chairPage.selectOption('#filter-source', 'detected');
  await Promise.all([chairPage.waitForURL(/status=pending&source=detected/), chairPage.click('#conflict-filter button[type="submit"]')]);
  const rows = chairPage.locator('#conflicts-table tbody tr');
  const pending = await rows.count();
  assert.ok(pending >= 1, 'no pending detection in the sample');
  const row = rows.first();
  const rowId = await row.getAttribute('id');
  assert.match(await row.locator('.evidence').textContent(), /same (domain|affiliation)|co-authors/);
  await chairPage.screenshot({ path: join(artifacts, 'conflicts-pending.png'), fullPage: true });
  await Promise.all([chairPage.waitForEvent('load'), row.locator('button[value="dismissed"]').click()]);
  assert.ok(await chairPage.locator('.flash-success').isVisible());
  assert.equal(await chairPage.locator(`#${rowId}`).count(), 0);  // the filter still shows pending only
  assert.equal(await rows.count(), pending - 1);
  await chairPage.goto(`${baseUrl}/c/${slug}/conflicts?status=dismissed`);
  assert.match(await chairPage.locator(`#${rowId}`).textContent(), /Đã bác bỏ/);
  await chairPage.screenshot({ path: join(artifacts, 'conflicts-dismissed.png'), fullPage: true });
  await chairContext.close();
});
