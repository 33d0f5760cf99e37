// What every browser test needs: a fresh database with the sample workshop loaded, `confpress serve` on a
// free port of 127.0.0.1 (mail stays queued), and Debian's Chromium driven by playwright-core; all of it
// started by startHarness() and stopped by its stop(). Environment: CONFPRESS_BIN (the binary),
// CONFPRESS_RESOURCES (the source tree), CONFPRESS_ARTIFACTS (screenshots), CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const artifacts = process.env.CONFPRESS_ARTIFACTS || join(tmpdir(), 'confpress-browser-artifacts');

/** Starts the server and the browser; resolves to {baseUrl, browser, stop()}. */
export async function startHarness() {
  const bin = process.env.CONFPRESS_BIN;
  const resources = process.env.CONFPRESS_RESOURCES;
  assert.ok(bin, 'CONFPRESS_BIN must name the confpress binary');
  const dir = mkdtempSync(join(tmpdir(), 'confpress-browser-'));
  mkdirSync(artifacts, { recursive: true });
  const common = ['--db', `sqlite:${join(dir, 'db.sqlite')}`, '--data', join(dir, 'data')];
  if (resources) common.push('--resources', resources);
  let server, browser;
  const stop = async () => {
    if (browser) await browser.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(bin, ['sample', ...common], { stdio: 'pipe' });
    server = spawn(bin, ['serve', ...common, '--port', '0', '--quiet', '--no-mail'],
                   { stdio: ['ignore', 'pipe', 'inherit'] });
    const baseUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not say where it listens')), 30000);
      let seen = '';
      server.stdout.on('data', (chunk) => {
        seen += chunk;
        const m = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      server.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
    });
    return { baseUrl, browser, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Signs `email` in through the sign-in form of `baseUrl` and waits for the home page. */
export async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/signin`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('#signin-form button[type="submit"]')]);
}
