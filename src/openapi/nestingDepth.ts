/**
 * How deep a JSON text nests its arrays and objects, read in one pass without parsing (brackets
 * inside strings do not count): to say why a check could not follow an answer 100,000 levels deep,
 * and for the sandbox to refuse a body nested past any schema's depth before it parses it.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}
