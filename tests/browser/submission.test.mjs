// Browser test: an author of the sample workshop opens the submission form from the conference page, describes
// a paper in Vietnamese with two authors (the second in a row added with the "add author" button), saves it,
// uploads a small valid PDF and sees the version and its preflight report, uploads a file that is not a PDF and
// sees it refused with the earlier version kept, submits the paper and sees it submitted; then the chair sees it
// in the list of all submissions. Debian's Chromium driven by playwright-core; the test starts its own server on
// a free port over a fresh database with the sample loaded (mail delivery off), and stops it at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startHarness, artifacts } from './harness.mjs';

const slug = 'binhduong-2022';
const password = 'binhduong-2022';
const author = 'hungnv@truongchinhtri-bd.example';
const chair = 'tungnt@truongchinhtri-bd.example';
const title = 'Chuyển đổi số trong cải cách thủ tục hành chính cấp xã: thực trạng và giải pháp';

let harness, baseUrl, browser;

before(async () => {
  harness = await startHarness();
  ({ baseUrl, browser } = harness);
});

after(async () => {
  if (harness) await harness.stop();
});

// A five-page A4 PDF written by hand (the sample workshop asks for at least four pages), with a correct
// cross-reference table; the pages share one content stream. Its text names no author, so the
// double-blind check has nothing to find; Helvetica is not embedded, which preflight may report as a warning.
function a4Pdf(lines) {
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${760 - 18 * i} Td (${line}) Tj ET`).join('\n');
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R >> >> ' +
    '/Contents 5 0 R >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 6 0 R 7 0 R 8 0 R 9 0 R] /Count 5 >>',
    page,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    page, page, page, page,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function signIn(page, email) {
  await page.goto(`${baseUrl}/signin`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('#signin-form button[type="submit"]')]);
}

// Clicks a button that sends a form and waits for the document that answers it (after any redirect) to load.
// Needed where the answer comes back to the same URL, which waitForURL would accept at once.
async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

// Inline scripts run only when the Content-Security-Policy allows them: collect what the browser refused.
function watchConsole(page) {
  const refused = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to execute/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

test('an author describes, uploads and submits a paper through the HTML pages', async () => {
  const started = Date.now();
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const cspRefusals = watchConsole(page);
  await signIn(page, author);

  // From the conference page to the form.
  await page.goto(`${baseUrl}/c/${slug}`);
  await Promise.all([page.waitForURL(`${baseUrl}/c/${slug}/submissions/new`), page.click('#conference-submit')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.locator('h1').textContent(), 'Gửi bài mới');

  await page.fill('#title', title);
  await page.fill('#abstract', 'Bài viết đánh giá việc ứng dụng công nghệ số trong giải quyết thủ tục hành chính ' +
    'ở cấp xã.\nTừ đó, bài viết đề xuất một số giải pháp nâng cao chất lượng dịch vụ công trực tuyến.');
  await page.fill('#keywords', 'chuyển đổi số; thủ tục hành chính; dịch vụ công trực tuyến');

  // The first row holds the signed-in author, filled in by the server.
  const rows = page.locator('#author-rows > .author-row');
  assert.equal(await rows.first().locator('[name="author_email"]').inputValue(), author);
  assert.equal(await rows.first().locator('[name="author_family_name"]').inputValue(), 'Nguyễn');

  // "Add author" appends an empty, renumbered row.
  const before = await rows.count();
  assert.ok(await page.locator('#add-author').isVisible(),
    `the "add author" button stays hidden: its script did not run. ${cspRefusals.join(' | ')}`);
  await page.click('#add-author');
  assert.equal(await rows.count(), before + 1);
  const added = rows.last();
  assert.equal(await added.locator('[name="corresponding"]').getAttribute('value'), String(before));
  assert.equal(await added.locator('[name="author_email"]').inputValue(), '');
  assert.equal(await added.locator('[name="author_email"]').getAttribute('id'), `author-${before}-email`);
  assert.equal(await added.locator('.author-position').textContent(), String(before + 1));
  await added.locator('[name="author_family_name"]').fill('Trần');
  await added.locator('[name="author_given_name"]').fill('Thị Thu Hà');
  await added.locator('[name="author_email"]').fill('ha.tran@dhtdm.example');
  await added.locator('[name="author_affiliation"]').fill('Trường Đại học Thủ Dầu Một');
  await added.locator('[name="author_country"]').fill('VN');
  await added.locator('label[for$="-corresponding"]').click();

  const topic = page.locator('input[name="topic"]').nth(1);
  const topicName = (await page.locator(`label[for="${await topic.getAttribute('id')}"]`).textContent()).trim();
  await topic.check();
  await page.screenshot({ path: join(artifacts, 'submission-form.png'), fullPage: true });

  await Promise.all([page.waitForURL(new RegExp(`/c/${slug}/submissions/\\d+$`)),
                     page.click('#submission-form button[type="submit"]')]);
  const paperUrl = page.url();
  assert.equal(await page.locator('h1').textContent(), title);
  assert.equal((await page.locator('#paper-status').textContent()).trim(), 'Bản nháp');
  assert.ok(await page.locator('.flash-success').isVisible());
  const authors = page.locator('.author-list > li');
  assert.equal(await authors.count(), 2);
  assert.match(await authors.nth(0).textContent(), /Nguyễn Văn Hùng/);
  assert.equal(await authors.nth(0).locator('.badge-corresponding').count(), 0);
  assert.match(await authors.nth(1).textContent(), /Trần Thị Thu Hà[\s\S]*Tác giả liên hệ[\s\S]*Thủ Dầu Một/);
  assert.match(await page.locator('main').textContent(), new RegExp(topicName));
  assert.match(await page.locator('main').textContent(), /Hãy tải bản PDF lên trước khi nộp bài/);
  assert.equal(await page.locator('#submit-form').count(), 0);

  // A valid PDF becomes the first version, with its report.
  await page.setInputFiles('#pdf', { name: 'bai-tham-luan.pdf', mimeType: 'application/pdf',
    buffer: a4Pdf(['Digital transformation of administrative procedures', 'at the commune level',
                   'Introduction and method']) });
  await clickAndLoad(page, '#upload-form button[type="submit"]');
  assert.equal(page.url(), paperUrl);
  assert.ok(await page.locator('.flash-success').isVisible());
  const versions = page.locator('.versions-table tbody tr');
  assert.equal(await versions.count(), 1);
  assert.match(await versions.first().textContent(), /bai-tham-luan\.pdf/);
  const report = page.locator('#current-pdf .report');
  assert.match(await report.locator('.preflight').textContent(), /^(Đạt yêu cầu|Có cảnh báo)$/);
  assert.match(await report.textContent(), /Số trang\s*5/);
  await page.screenshot({ path: join(artifacts, 'submission-uploaded.png'), fullPage: true });

  // A file that is not a PDF is refused; the first version stays.
  await page.setInputFiles('#pdf', { name: 'ghi-chu.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Đây là ghi chú, không phải bài báo.\n', 'utf8') });
  const [refusedResponse] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/pdf') && r.request().method() === 'POST'),
    page.click('#upload-form button[type="submit"]'),
  ]);
  assert.equal(refusedResponse.status(), 422);
  await page.waitForSelector('#refused');
  const refusal = page.locator('#refused');
  assert.match(await refusal.textContent(), /không được chấp nhận[\s\S]*ghi-chu\.txt/);
  assert.match(await refusal.textContent(), /Tệp không phải là PDF/);
  assert.match(await refusal.locator('.refusal-kept').textContent(), /Bản PDF trước đó vẫn được giữ nguyên/);
  assert.equal(await page.locator('.versions-table tbody tr').count(), 1);
  assert.equal(await page.locator('#current-pdf .report').count(), 1);
  await page.screenshot({ path: join(artifacts, 'submission-refused.png'), fullPage: true });

  // Submitting.
  await page.goto(paperUrl);
  await clickAndLoad(page, '#submit-form button[type="submit"]');
  assert.equal(page.url(), paperUrl);
  assert.equal((await page.locator('#paper-status').textContent()).trim(), 'Đã nộp');
  assert.ok(await page.locator('.flash-success').isVisible());
  await page.screenshot({ path: join(artifacts, 'submission-submitted.png'), fullPage: true });

  // The page speaks Vietnamese: its own labels are there, no English ones, and no label is left empty.
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const text = await page.locator('body').innerText();
  for (const phrase of ['Trạng thái', 'Tác giả', 'Chủ đề', 'Từ khóa', 'Tóm tắt', 'Bản PDF hiện tại',
                        'Kết quả kiểm tra', 'Các phiên bản đã tải lên', 'Hạn chót sửa bài'])
    assert.ok(text.includes(phrase), `the page lacks "${phrase}"`);
  for (const english of ['Submitted', 'Authors', 'Abstract', 'Current PDF', 'Upload', 'Withdraw', 'Status'])
    assert.ok(!text.includes(english), `the page shows English "${english}"`);
  for (const selector of ['h2', 'label', 'th', 'button'])
    for (const label of await page.locator(`main ${selector}`).allTextContents())
      assert.ok(label.trim() !== '', `an empty <${selector}> (a missing catalog key?)`);

  // "My submissions" lists the paper, submitted.
  await page.goto(`${baseUrl}/c/${slug}/submissions`);
  const row = page.locator('.submissions-table tbody tr', { hasText: title });
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /Đã nộp/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(artifacts, 'my-submissions-phone.png'), fullPage: true });
  await page.goto(paperUrl);
  await page.screenshot({ path: join(artifacts, 'submission-phone.png'), fullPage: true });

  assert.deepEqual(cspRefusals, []);
  await context.close();
  console.log(`author flow took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('the chair sees every submission with counts, filters and deadlines, and extends one paper', async () => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const cspRefusals = watchConsole(page);
  await signIn(page, chair);

  // Deadlines far ahead (nothing closes), set through the API with the chair's session.
  const patched = await context.request.patch(`${baseUrl}/api/v1/conferences/${slug}`, {
    data: { deadlines: { registration: '2099-11-30', submission: '2099-12-15 AoE',
                         camera_ready: '2100-01-31T17:00:00+07:00' } },
  });
  assert.equal(patched.status(), 200, await patched.text());

  await page.goto(`${baseUrl}/c/${slug}/submissions`);
  assert.equal(await page.locator('h1').textContent(), 'Danh sách bài gửi');
  assert.ok(Number(await page.locator('.count-total .count-number').textContent()) >= 1,
    'no submission to list: this test uses the paper the author test above submits');
  const deadlines = page.locator('.deadlines-panel .deadline');
  assert.equal(await deadlines.count(), 3);
  assert.match(await deadlines.nth(1).textContent(), /Hạn nộp toàn văn[\s\S]*2099/);
  assert.equal(await deadlines.nth(1).locator('time').getAttribute('datetime'), '2099-12-16T11:59:59Z');
  // The reader is in Paris, the conference in Ho Chi Minh City: the script adds the reader's own time.
  assert.match(await deadlines.nth(1).locator('.local-time').textContent(), /^Theo giờ của bạn: .*2099/);

  await page.selectOption('#filter-status', 'submitted');
  await Promise.all([page.waitForURL(/status=submitted/), page.click('#filter-form button[type="submit"]')]);
  assert.equal(await page.locator('#filter-status').inputValue(), 'submitted');
  const row = page.locator('.submissions-table tbody tr', { hasText: title });
  assert.equal(await row.count(), 1);
  assert.match(await row.locator('.preflight').textContent(), /Đạt yêu cầu|Có cảnh báo/);
  assert.ok(await page.locator('a[download][href*="format=csv"]').isVisible());
  await page.screenshot({ path: join(artifacts, 'all-submissions.png'), fullPage: true });

  // One paper's own deadline, extended by the chair.
  await Promise.all([page.waitForURL(/\/submissions\/\d+$/), row.locator('a').click()]);
  const paperUrl = page.url();
  await page.fill('#until', '2099-12-20 AoE');
  await clickAndLoad(page, '#extension-form button[type="submit"]');
  assert.equal(page.url(), paperUrl);
  assert.ok(await page.locator('.flash-success').isVisible());
  assert.match(await page.locator('.deadline-panel').textContent(), /2099[\s\S]*Ban Tổ chức đã gia hạn riêng cho bài này/);
  assert.equal(await page.locator('.deadline-panel time').getAttribute('datetime'), '2099-12-21T11:59:59Z');
  await page.screenshot({ path: join(artifacts, 'submission-chair.png'), fullPage: true });

  assert.deepEqual(cspRefusals, []);
  await context.close();
});
