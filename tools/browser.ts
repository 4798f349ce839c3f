/** Debian's Chromium, headless, driven by playwright-core: never a downloaded browser. */
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './chromium-setup.mjs';

/** CHROMIUM_PATH when set, otherwise Debian's: the one `npm test` installs when it is missing. */
export function chromiumPath(): string {
  const found = findChromium({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  if (!found)
    throw new Error(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`
        : "Chromium is not installed. Install Debian's package: apt-get install -y chromium (or set CHROMIUM_PATH).",
    );
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
