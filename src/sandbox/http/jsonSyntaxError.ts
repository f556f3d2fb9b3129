/**
 * A body that is no JSON, told in the sandbox's own words: where it breaks (line and column), that
 * it ends too early, or the character it did not expect. Never V8's message itself, which is
 * the engine's wording and quotes the body back (`Unexpected token ',', "{"token":"…",,}" is not
 * valid JSON`), whatever the body holds.
 */
export function describeJsonSyntaxError(parserMessage: string, text: string): string {
  const at = /at position (\d+)/.exec(parserMessage);
  if (at) {
    const position = Math.min(Number(at[1]), text.length);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return `Malformed JSON at line ${line}, column ${column}`;
  }
  if (/Unexpected end of JSON input/.test(parserMessage)) return 'Malformed JSON: the body ends before its value does';
  const token = /^Unexpected token '(.{1,2}?)'/u.exec(parserMessage);
  return token ? `Malformed JSON: unexpected ${JSON.stringify(token[1])}` : 'Malformed JSON';
}
