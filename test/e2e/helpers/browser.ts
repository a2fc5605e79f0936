/**
 * Headless Chromium for the end-to-end tests: Debian's when installed, else the
 * one inside @sparticuz/chromium (so the tests run after a plain npm install).
 * Every flag that would make the browser reach the network on its own is off.
 */
import * as fs from 'fs';
import Sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const QUIET = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--font-render-hinting=none',
];

export async function launchChromium(): Promise<Browser> {
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: QUIET, headless: true });
  }
  // Its own flags, minus its headless mode, the ones that would loosen the page's security,
  // and --single-process: made for one page per browser, it lets a closed context take the
  // whole browser down with it, and a suite opens and closes a dozen.
  const DROP = ['--disable-web-security', '--allow-running-insecure-content', '--single-process'];
  const args = [...Sparticuz.args.filter((a) => !a.startsWith('--headless') && !DROP.includes(a)), ...QUIET];
  return chromium.launch({ executablePath: await Sparticuz.executablePath(), args, headless: true });
}
