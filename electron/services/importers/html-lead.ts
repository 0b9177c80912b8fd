/**
 * Lead paragraphs Readability leaves out of CJK articles. Readability adds a short paragraph
 * beside the article's main container only when it ends a sentence with ". " (a Latin full
 * stop), so a Japanese or Chinese lead set apart from the body (`<p class="summary">` above
 * `<div class="body">`) is lost. This puts such a paragraph back: it must sit right before the
 * first paragraph kept, close to it in the page (same parent, or its parent's sibling), end with
 * a CJK sentence mark and hold no link. Latin-script paragraphs are left to Readability.
 * Reads and marks the page; never changes its text.
 */

/** The attribute that numbers the page's paragraphs across Readability (it keeps data-*). */
const MARK = 'data-claimdesk-p';
const MARKED = new RegExp(`${MARK}="(\\d+)"`, 'g');
/** Ends with 。！？ (full-width or half-width forms), maybe followed by closing quotes or brackets. */
const CJK_SENTENCE_END = /[\u3002\uff01\uff1f\uff61][\u300d\u300f\uff09)\u201d"]*$/;

/** A paragraph of the page before Readability: its text, and its parent and grandparent then. */
type MarkedParagraph = Readonly<{ text: string; hasLink: boolean; parent: Element | null; grandparent: Element | null }>;

/**
 * Numbers the page's paragraphs (in a data attribute Readability and DOMPurify keep) and notes
 * where each one sits, before Readability moves them.
 * @param document the cleaned page, before Readability
 * @returns the paragraphs in document order
 */
export function markParagraphs(document: Document): MarkedParagraph[] {
  return [...document.querySelectorAll('p')].map((p, i) => {
    p.setAttribute(MARK, String(i));
    const parent = p.parentElement;
    return {
      text: (p.textContent ?? '').replace(/\s+/g, ' ').trim(),
      hasLink: p.querySelector('a') !== null,
      parent,
      grandparent: parent?.parentElement ?? null,
    };
  });
}

/**
 * The CJK lead paragraphs Readability left out, in document order.
 * @param paragraphs what markParagraphs returned
 * @param content the article HTML Readability returned
 * @returns the texts to put before the body, possibly none
 */
export function missedLeadParagraphs(paragraphs: readonly MarkedParagraph[], content: string): string[] {
  const kept = [...content.matchAll(MARKED)].map((match) => Number(match[1]));
  if (kept.length === 0) return [];
  const first = paragraphs[Math.min(...kept)];
  const lead: string[] = [];
  for (let i = Math.min(...kept) - 1; i >= 0 && first; i--) {
    const p = paragraphs[i]!;
    const isNear = p.parent !== null && (p.parent === first.parent || p.parent === first.grandparent);
    if (!isNear || p.hasLink || !CJK_SENTENCE_END.test(p.text)) break;
    lead.unshift(p.text);
  }
  return lead;
}
