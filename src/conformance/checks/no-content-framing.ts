import type { Check } from './check.js';

/**
 * A 1xx or 204 answer declares no content: no Content-Length above 0 and no Transfer-Encoding
 * (RFC 9110 §8.6 and RFC 9112 §6.1: a server MUST NOT send them there). A client drops the bytes
 * such a header announces, so the body the server meant to send was never seen, and on a
 * kept-alive connection they are read as the start of the next answer. (`Content-Length: 0`,
 * which some frameworks send on a 204, announces nothing and is let pass.)
 */
export const noContentFraming: Check = {
  id: 'no-content-framing',
  description: 'a 1xx or 204 answer announces no content',
  appliesTo: ({ response }) => response.status < 200 || response.status === 204,
  run: ({ response, redact, operation, statusKey }) => {
    const documented = statusKey !== undefined ? operation.response(statusKey) : undefined;
    const content = documented?.value.content;
    const defect = content !== null && typeof content === 'object' && Object.keys(content).length > 0 ? `; the document itself gives this ${response.status} content (${documented!.pointer}/content): a defect of the document` : '';
    const length = response.headers['content-length'];
    const encoding = response.headers['transfer-encoding'];
    const announced = [
      ...(length !== undefined && length.trim() !== '0' ? [`Content-Length: ${redact.excerpt(length, 40)}`] : []),
      ...(encoding !== undefined ? [`Transfer-Encoding: ${redact.excerpt(encoding, 40)}`] : []),
    ];
    return announced.map((header) => ({
      rule: 'no-content-framing' as const,
      message: `the ${response.status} answer announces content ('${header}'), which a ${response.status} cannot carry${defect}`,
      expected: 'no Content-Length above 0 and no Transfer-Encoding (RFC 9110 §8.6, RFC 9112 §6.1)',
      actual: header,
    }));
  },
};
