/** A change's rating, or the size of a version step, from smallest to largest. */
export const LEVELS = ['none', 'patch', 'minor', 'major'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(levels: Iterable<Level>): Level {
  let max: Level = 'none';
  for (const level of levels) if (levelRank(level) > levelRank(max)) max = level;
  return max;
}

interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** Parses a release version `MAJOR.MINOR.PATCH`; `where` names the file in the error. */
export function parseVersion(text: unknown, where: string): Version {
  const match = typeof text === 'string' ? /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text) : null;
  if (!match) throw new Error(`${where}: version ${JSON.stringify(text)} is not MAJOR.MINOR.PATCH`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/**
 * What a step from the released version `from` to `to` allows, read the way npm's `^` ranges read
 * it: from 1.0.0 on, the major number is the breaking one; below 1.0.0 the first non-zero number
 * is (0.1.0 → 0.2.0 is breaking, 0.1.0 → 0.1.1 is compatible). Returns the largest change rating
 * the step covers, `none` when the version did not move, or throws when it went backwards.
 */
export function allowedLevel(fromText: string, toText: string, where: string): Level {
  const from = parseVersion(fromText, `${where} (at the release)`);
  const to = parseVersion(toText, where);
  const order = [to.major - from.major, to.minor - from.minor, to.patch - from.patch].find((d) => d !== 0) ?? 0;
  if (order < 0) throw new Error(`${where}: version ${toText} is lower than the released ${fromText}`);
  if (order === 0) return 'none';
  const moved = to.major !== from.major ? 0 : to.minor !== from.minor ? 1 : 2;
  // Position of the number that breaks consumers: 0 for 1.x and later, 1 for 0.x, 2 for 0.0.x.
  const breaking = from.major > 0 ? 0 : from.minor > 0 ? 1 : 2;
  if (moved <= breaking) return 'major';
  return moved === breaking + 1 ? 'minor' : 'patch';
}

/** The version after `fromText` that covers a change rated `level` (for messages). */
export function nextVersion(fromText: string, level: Level): string {
  const v = parseVersion(fromText, 'version');
  const breaking = v.major > 0 ? 0 : v.minor > 0 ? 1 : 2;
  const position = level === 'major' ? breaking : level === 'minor' ? Math.min(breaking + 1, 2) : 2;
  const parts = [v.major, v.minor, v.patch];
  if (level === 'none') return fromText;
  parts[position] = (parts[position] ?? 0) + 1;
  for (let i = position + 1; i < 3; i++) parts[i] = 0;
  return parts.join('.');
}
