import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (or another installed one; `CHROMIUM_PATH` first), which the browser tests
 * drive with playwright-core: never a downloaded browser. Undefined when none is installed.
 */
export const chromiumPath: string | undefined = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p): p is string => p !== undefined && p !== '' && existsSync(p));
