// Browser test: the chair of the sample workshop assigns its reviewers. From the conference's assignment page
// the chair runs the exact assignment (three reviewers per paper), watches the background job's progress page
// turn into the preview (changes per paper and per member, the report before and after), commits it, and sees
// every visible paper with three reviewers; then removes one reviewer by hand and adds another. Debian's
// Chromium driven by playwright-core over a server the test starts on a free port with the sample loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startHarness, artifacts, signIn } from './harness.mjs';

const slug = 'binhduong-2022';
const password = 'binhduong-2022';
const chair = 'tungnt@truongchinhtri-bd.example';

let harness, baseUrl, browser;

before(async () => {
  harness = await startHarness();
  ({ baseUrl, browser } = harness);
});

after(async () => {
  if (harness) await harness.stop();
});

async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

test('the chair runs, previews and commits the reviewer assignment, then edits it by hand', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text()); });
  await signIn(page, baseUrl, chair, password);

  await page.goto(`${baseUrl}/c/${slug}/assignment`);
  assert.equal(await page.locator('h1').textContent(), 'Phân công phản biện');
  const rows = page.locator('.assignment-table tbody tr');
  const papers = await rows.count();
  assert.ok(papers > 20, `the chair should see the sample's papers, saw ${papers}`);
  assert.equal(await page.locator('.assignment-table .reviewer').count(), 0, 'nothing is assigned yet');

  // Run: the form posts, the server queues a job and shows its page, whose script follows the job and
  // reloads into the preview when it is done.
  await page.fill('#reviewers_per_paper', '3');
  await Promise.all([page.waitForURL(/\/assignment\/jobs\/\d+$/), page.click('#run-assignment')]);
  await page.waitForSelector('#proposal-heading', { timeout: 60000 });
  assert.deepEqual(refused, [], 'the progress script must be allowed to run');
  assert.equal(await page.locator('#job-state').textContent(), 'xong');
  const added = Number(await page.locator('#count-added').textContent());
  assert.ok(added >= papers * 3, `three reviewers for each of ${papers} visible papers, proposed ${added}`);
  assert.equal(Number(await page.locator('#count-removed').textContent()), 0);
  assert.ok(await page.locator('#changes-by-paper tbody tr').count() >= papers);
  assert.ok(await page.locator('#changes-by-member tbody tr').count() > 0);
  await page.screenshot({ path: join(artifacts, 'assignment-preview.png'), fullPage: true });

  await Promise.all([page.waitForURL(`${baseUrl}/c/${slug}/assignment`), page.click('#commit')]);
  assert.match(await page.locator('.flash').textContent(), /Đã xác nhận phân công/);
  for (let i = 0; i < papers; i++)
    assert.equal(await rows.nth(i).locator('.reviewer').count(), 3, `paper row ${i} has three reviewers`);
  await page.screenshot({ path: join(artifacts, 'assignment-committed.png'), fullPage: true });

  // By hand: remove the first reviewer of the first paper, then add someone from the list.
  const first = rows.first();
  const number = await first.getAttribute('data-number');
  const removed = await first.locator('.reviewer .reviewer-name').first().textContent();
  await clickAndLoad(page, `#paper-${number} .reviewer form button`);
  assert.match(await page.locator('.flash').textContent(), /Đã gỡ người phản biện/);
  assert.equal(await page.locator(`#paper-${number} .reviewer`).count(), 2);
  const options = page.locator(`#add-${number} option`);
  assert.ok(await options.count() >= 1);
  const chosen = await options.first().textContent();
  await clickAndLoad(page, `#paper-${number} .add-reviewer button`);
  assert.match(await page.locator('.flash').textContent(), /Đã thêm người phản biện/);
  const names = await page.locator(`#paper-${number} .reviewer-name`).allTextContents();
  assert.equal(names.length, 3);
  assert.ok(names.includes(chosen), `${chosen} is now among ${names}`);
  assert.ok(removed.length > 0);
  assert.match(await page.locator(`#paper-${number}`).textContent(), /thủ công/, 'the hand-made pair is marked');
  await context.close();
});
