/**
 * Percent-encoding that never throws: `encodeURIComponent` throws URIError on a lone surrogate
 * (half of a UTF-16 pair, which has no UTF-8), and a document's example or property name can hold
 * one (`"x\ud800y"`): the run ended as 'unexpected error: URI malformed'. A lone surrogate is
 * written as U+FFFD, as the URL parser and `URLSearchParams` write it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each lone surrogate replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** `encodeURIComponent` of `text` made well-formed first. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(wellFormed(text));
}
