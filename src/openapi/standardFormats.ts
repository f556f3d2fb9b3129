// Formats whose ajv-formats reading (3.0.1, `full` mode) is looser than the standard that JSON
// Schema 2020-12 §7.3 names for it, redefined here as that standard states them. A format that
// is too lenient lets a broken server pass (a response `"id": "urn:uuid:…"` where the document
// says `format: uuid`); one that is too strict fails a correct server, so only formats whose
// standard is exact are tightened, and every one of these is checked against the official JSON
// Schema Test Suite's cases in tests/openapi/standardFormats.test.ts.
//
// Left as ajv-formats has them, on purpose: `date` (already exact), `email` (it refuses quoted
// local parts and address literals that RFC 5321 allows: too strict for rare addresses, never
// too lenient for a broken server's text), `uri`/`uri-reference`/`hostname` (small leniencies:
// a non-numeric port, a trailing dot), `duration` (it accepts ISO 8601's `P1Y2D`, which RFC 3339
// Appendix A's grammar does not: servers' libraries write ISO 8601), `int32`, `double`.

/** RFC 4122 §3 (and RFC 9562 §4): 8-4-4-4-12 hexadecimal digits, either case, no `urn:uuid:` prefix. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** RFC 3339 §5.6 `full-date`: YYYY-MM-DD with a day that exists. */
function fullDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS[month - 1] as number));
}

// RFC 3339 §5.6 `full-time`: hours 00–23, minutes 00–59, seconds 00–60, an optional fraction of
// any length, and an offset `Z` or `±HH:MM` (not `±HH` nor `±HHMM`). `T` and `Z` in either case
// (ABNF strings are case-insensitive); no space instead of `T`.
const FULL_TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:(z)|([+-])([01]\d|2[0-3]):([0-5]\d))$/i;

/** RFC 3339 `full-time`; second 60 only where it is 23:59:60 in UTC (a leap second). */
function fullTime(text: string): boolean {
  const m = FULL_TIME.exec(text);
  if (!m) return false;
  if (m[3] !== '60') return true;
  const offset = m[4] ? 0 : (m[5] === '-' ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7]));
  const utcMinute = (((Number(m[1]) * 60 + Number(m[2]) - offset) % 1440) + 1440) % 1440;
  return utcMinute === 23 * 60 + 59;
}

/** RFC 3339 §5.6 `date-time`: `full-date "T" full-time`. */
function dateTime(text: string): boolean {
  const at = text.search(/t/i);
  return at === 10 && fullDate(text.slice(0, at)) && fullTime(text.slice(at + 1));
}

// RFC 4648 §4 base64, padded, on one line: ajv-formats' pattern carries the `m` flag, so any text
// with one line of base64 in it (an empty last line will do) passed.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// RFC 9110 §5.6.7 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the one HTTP-date form a
// sender may generate: day and month names case-sensitive, a day that exists and is that
// weekday, seconds up to 60 (a leap second). The obsolete RFC 850 and asctime forms, which only
// recipients must accept, are refused.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60) GMT$/;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function imfFixdate(text: string): boolean {
  const m = IMF_FIXDATE.exec(text);
  if (!m) return false;
  const month = MONTH_NAMES.indexOf(m[3] as string) + 1;
  const date = `${m[4]}-${String(month).padStart(2, '0')}-${m[2]}`;
  return fullDate(date) && DAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()] === m[1];
}

const INT64_BOUND = 2 ** 63; // 2^63 − 1 has no double of its own: it reads as 2^63
const FLOAT_MAX = 3.4028234663852886e38; // IEEE 754 binary32's largest finite value

type FormatDefinition = { type: 'string'; validate: (s: string) => boolean } | { type: 'number'; validate: (n: number) => boolean };

/** The formats this module redefines, by name, as ajv's `addFormat` takes them. */
export const STANDARD_FORMATS: Readonly<Record<string, FormatDefinition>> = {
  uuid: { type: 'string', validate: (s) => UUID_PATTERN.test(s) },
  'date-time': { type: 'string', validate: dateTime },
  time: { type: 'string', validate: fullTime },
  byte: { type: 'string', validate: (s) => BASE64.test(s) },
  // An OpenAPI Format Registry format (not ajv-formats'): HTTP's own date, as its RFC states it.
  'http-date': { type: 'string', validate: imfFixdate },
  // ajv-formats accepts any integer as int64 (1e20 included) and any number as float.
  int64: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -INT64_BOUND && n <= INT64_BOUND },
  float: { type: 'number', validate: (n) => Number.isFinite(n) && Math.abs(n) <= FLOAT_MAX },
};
