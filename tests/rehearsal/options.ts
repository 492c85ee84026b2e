/**
 * The rehearsal's options: what `npm run rehearsal -- --people 300 --tablets 0` means, with defaults
 * that let a 64-person day with four browser tablets pass in a few minutes on a small machine.
 *
 * Why: a facilitator or host rehearses on their own server before the event; a typo in an option
 * must say what is wrong rather than run a different day than the one they asked for.
 */

/** What one rehearsal does. */
export interface RehearsalOptions {
  /** Simulated participants (protocol-level clients). */
  readonly people: number;
  /** Chromium tablets (0: no browser at all). */
  readonly tablets: number;
  /** Writing time of the compressed day, in minutes; null: 3, or one per 40 people in a larger room. */
  readonly minutes: number | null;
  /** Seed of every random choice (texts, seats, timing). */
  readonly seed: number;
  /** An existing server to rehearse on (its own new board); null: start one. */
  readonly url: string | null;
  /** Where to write the results and the log as JSON; null: nowhere. */
  readonly json: string | null;
  /** Where the tablets save screenshots; null: none. */
  readonly screenshots: string | null;
  /** Print progress lines while the day runs. */
  readonly progress: (line: string) => void;
}

/** The day's writing time when none is given: a larger room writes over a longer day. */
export function dayMinutes(o: Pick<RehearsalOptions, 'minutes' | 'people'>): number {
  return o.minutes ?? Math.max(3, o.people / 40);
}

export const DEFAULT_OPTIONS: Omit<RehearsalOptions, 'seed' | 'progress'> = {
  people: 64,
  tablets: 4,
  minutes: null,
  url: null,
  json: null,
  screenshots: null,
};

export const HELP = `npm run rehearsal -- [options]

Plays a time-compressed Future Search day against an Olifant server (one it starts, or yours with
--url), with simulated participants, browser tablets and faults, then checks that every note, dot,
stance and list the room made is in the board, the report, the CSV and the restored copies.

  --people <n>       simulated participants (default 64; 8 to 2000)
  --tablets <n>      Chromium tablets joining through the app (default 4; 0: no browser)
  --minutes <m>      writing time of the compressed day in minutes (default 3, and one per
                     40 people beyond 120, e.g. 7.5 for 300; 0.2 to 600)
  --seed <n>         seed of every random choice (default: from the clock; printed)
  --url <url>        rehearse on this running server (a new board of its own); the server kill is
                     skipped, as the rehearsal cannot restart a server it did not start
  --json <file>      write the results, the timeline and the log as JSON
  --screenshots <dir> save the tablets' screenshots there
  --help             this text

Exit status 0 only when the day ran (every device converged) and the oracle found no difference.
See docs/rehearsal.md.`;

/** A bad command line, with the message to print. */
export class OptionsError extends Error {}

function number(flag: string, raw: string | undefined, min: number, max: number, integer: boolean): number {
  if (raw === undefined || raw.startsWith('--')) throw new OptionsError(`${flag} needs a value`);
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new OptionsError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${raw}"`);
  }
  return n;
}

function url(raw: string | undefined): string {
  if (raw === undefined || raw.startsWith('--')) throw new OptionsError('--url needs a value');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new OptionsError(`--url must be an http(s) address such as http://localhost:1234, not "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new OptionsError(`--url must be http or https, not ${parsed.protocol}`);
  return parsed.origin;
}

function text(flag: string, raw: string | undefined): string {
  if (raw === undefined || raw === '' || raw.startsWith('--')) throw new OptionsError(`${flag} needs a value`);
  return raw;
}

/** Reads the command line (without node and the script); `null` when --help was asked. */
export function parseOptions(argv: readonly string[]): Omit<RehearsalOptions, 'progress'> | null {
  const o: { -readonly [K in keyof Omit<RehearsalOptions, 'progress'>]: Omit<RehearsalOptions, 'progress'>[K] } = {
    ...DEFAULT_OPTIONS,
    seed: Date.now() % 1_000_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--help':
      case '-h':
        return null;
      case '--people':
        o.people = number(flag, value(), 8, 2000, true);
        break;
      case '--tablets':
        o.tablets = number(flag, value(), 0, 16, true);
        break;
      case '--minutes':
        o.minutes = number(flag, value(), 0.2, 600, false);
        break;
      case '--seed':
        o.seed = number(flag, value(), 0, 2 ** 31 - 1, true);
        break;
      case '--url':
        o.url = url(value());
        break;
      case '--json':
        o.json = text(flag, value());
        break;
      case '--screenshots':
        o.screenshots = text(flag, value());
        break;
      default:
        throw new OptionsError(`unknown option "${arg}" (see --help)`);
    }
  }
  return o;
}
