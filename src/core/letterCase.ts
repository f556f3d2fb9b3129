/** `text` with each letter in the other case (`Key-1` → `kEY-1`). */
export const swapLetterCase = (text: string): string => [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
