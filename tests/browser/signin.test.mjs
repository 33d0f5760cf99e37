// Browser test: a person opens ConfPress in Debian's Chromium (driven by playwright-core), signs in
// through the HTML form as the sample workshop's chair, and sees the conference list with their name.
// The test starts its own server on a free port over a fresh database and stops it at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startHarness, artifacts } from './harness.mjs';

let harness, baseUrl, browser;

before(async () => {
  harness = await startHarness();
  ({ baseUrl, browser } = harness);
});

after(async () => {
  if (harness) await harness.stop();
});

test('the chair signs in through the form and sees the conference list', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.click('a[href="/signin"]');

  // A wrong password is answered beside the form, in Vietnamese, and nobody is signed in.
  await page.fill('#email', 'tungnt@truongchinhtri-bd.example');
  await page.fill('#password', 'mật khẩu sai');
  await page.click('#signin-form button[type="submit"]');
  assert.ok(await page.locator('[role="alert"]').first().isVisible());
  assert.equal(await page.locator('.user-name').count(), 0);

  await page.fill('#password', 'binhduong-2022');
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('#signin-form button[type="submit"]')]);
  assert.equal((await page.locator('.user-name').textContent()).trim(), 'Nguyễn Thanh Tùng');
  const items = page.locator('.conference-list .conference');
  assert.equal(await items.count(), 1);
  const link = items.first().locator('a').first();
  assert.match(await link.textContent(), /Xây dựng chính quyền số tỉnh Bình Dương – Lý luận và thực tiễn/);
  await page.screenshot({ path: join(artifacts, 'home-signed-in.png'), fullPage: true });

  // The conference page knows the chair's role.
  await link.click();
  await page.waitForURL(`${baseUrl}/c/binhduong-2022`);
  assert.match(await page.locator('main').textContent(), /Chủ tịch|Trưởng ban|chair/i);
  await page.screenshot({ path: join(artifacts, 'conference.png'), fullPage: true });

  // Signing out through the top bar form.
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('.signout-form button')]);
  assert.equal(await page.locator('.user-name').count(), 0);
  await context.close();
});
