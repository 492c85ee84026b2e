/**
 * Unit: the rehearsal's command line. The defaults are the documented day (64 people, 4 tablets,
 * 3 minutes, one minute per 40 people in a larger room), and every bad option stops the run with a
 * message naming the option, rather than rehearsing another day than the one asked for.
 */
import { describe, expect, it } from 'vitest';
import { dayMinutes, OptionsError, parseOptions } from '../rehearsal/options.ts';

describe('the rehearsal options', () => {
  it('default to 64 people, 4 tablets and a day of 3 minutes, longer for a larger room', () => {
    const o = parseOptions([])!;
    expect([o.people, o.tablets, o.url, o.json]).toEqual([64, 4, null, null]);
    expect(dayMinutes(o)).toBe(3);
    expect(dayMinutes(parseOptions(['--people', '300'])!)).toBe(7.5);
    expect(dayMinutes(parseOptions(['--people', '300', '--minutes', '2'])!)).toBe(2);
  });

  it('read values after the flag or after =, and --help asks for the help text', () => {
    const o = parseOptions(['--people=300', '--tablets', '0', '--seed', '42', '--url', 'https://olifant.example.org/some/path', '--json', 'out.json'])!;
    expect([o.people, o.tablets, o.seed, o.url, o.json]).toEqual([300, 0, 42, 'https://olifant.example.org', 'out.json']);
    expect(parseOptions(['--people', '12', '--help'])).toBeNull();
  });

  it.each([
    [['--people', 'x'], '--people must be a whole number from 8 to 2000, not "x"'],
    [['--people', '4'], '--people must be a whole number from 8 to 2000, not "4"'],
    [['--tablets', '-1'], '--tablets must be a whole number from 0 to 16, not "-1"'],
    [['--minutes', '0'], '--minutes must be a number from 0.2 to 600, not "0"'],
    [['--tablets'], '--tablets needs a value'],
    [['--url', '--people'], '--url needs a value'],
    [['--url', 'localhost'], '--url must be an http(s) address such as http://localhost:1234, not "localhost"'],
    [['--url', 'ftp://example.org'], '--url must be http or https, not ftp:'],
    [['--peeple', '64'], 'unknown option "--peeple" (see --help)'],
  ])('refuse %j with a message saying what is wrong', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(new OptionsError(message));
  });
});
