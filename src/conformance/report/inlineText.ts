/**
 * One line of report text with every line break in it shown as `\n`: what a document or a server
 * writes (a path, an operationId, a member name, an answer) is quoted inside a report line and
 * must not start a line of its own, where it could pass for the report's ("PASSED: …", a runner's
 * "5 passed, 0 failed" closing line that CI reads).
 */
export const inline = (text: string): string => text.replace(/\r\n|[\n\r\u2028\u2029\u0085\u000b\u000c]/g, (c) => (c === '\n' ? '\\n' : c === '\r\n' ? '\\r\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
