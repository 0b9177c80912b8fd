/** Finding the article's reading pane in the DOM (ReaderPane's `<main className="cd-reader">`), for the hooks that watch it. */

/** The reading pane that scrolls the article: its scroll offset is the reading place's, and acting in it dismisses transient panels. */
export const READER_SELECTOR = '.cd-reader';
