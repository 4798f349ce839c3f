/** TypeScript, strict: `astro check` over src/, tests/, scripts/ and cms/ finds no errors. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('types', () => {
  it('astro check reports no errors, warnings or hints', () => {
    const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'check'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 32 * 1024 * 1024,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output, output.slice(-8000)).toMatch(/- 0 errors\n- 0 warnings/);
    expect(result.status, output.slice(-8000)).toBe(0);
  });
});
