import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, helpFor } from './help.js';

describe('helpFor', () => {
  it.each([['--help'], ['-h'], ['help']])('%s gives the list of commands', (flag) => {
    const help = helpFor([flag]);
    expect(help).toMatch(/^Usage: node audits\/dist\/src\/bin\/run\.js <command>/);
    for (const name of ['all', 'lighthouse', 'timings', 'baseline', 'report'])
      expect(help).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it("gives a command's own options for `<command> --help` and `help <command>`", () => {
    expect(helpFor(['lighthouse', '--only', 'x', '--help'])).toBe(COMMAND_HELP.lighthouse!.usage);
    expect(helpFor(['help', 'timings'])).toBe(COMMAND_HELP.timings!.usage);
    expect(helpFor(['timings', '-h'])).toContain('--against <commit>');
  });

  it('leaves a normal run and an unknown command alone', () => {
    expect(helpFor(['lighthouse', '--ci'])).toBeUndefined();
    expect(helpFor(['deploy', '--help'])).toBeUndefined();
    expect(helpFor([])).toBeUndefined();
  });
});
