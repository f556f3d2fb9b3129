/**
 * Documented statuses no HTTP client here can receive as a request's answer: a 1xx is interim
 * (RFC 9110 §15.2; the client reads on to the final answer, which a mock answering only the 1xx
 * never sends), and the Fetch API turns a 407 into a network error (it is a proxy's status and
 * never delivered). The reason in words, or undefined for a status that can be checked.
 */
export function unreceivableStatus(status: string): string | undefined {
  if (/^1(\d\d|XX)$/i.test(status)) return `${status} is an interim status (RFC 9110 §15.2), never the final answer to a request: it cannot be checked`;
  if (status === '407') return "407 (Proxy Authentication Required) is a proxy's status, which the Fetch API never delivers: it cannot be checked";
  return undefined;
}
