/** HTML lists become list_item blocks (level = nesting depth, ordered for <ol>); table rows become paragraphs of cells. */
import { describe, expect, it } from 'vitest';
import { importArticle, type Article } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const STORY =
  '<p>The city council met on Monday evening and agreed to delay the vote on the new budget until the second week of March, according to the minutes.</p><p>Council members said they needed more time to study the proposed cuts to library opening hours and to the number of bus routes.</p>';

const importBody = async (body: string): Promise<Article> => {
  const html = `<!doctype html><html><head><title>Council delays budget vote</title></head><body><article><h1>Council delays budget vote</h1>${STORY}${body}</article></body></html>`;
  const article = await importArticle('lists.html', new TextEncoder().encode(html));
  expect(blockInvariantViolations(article)).toEqual([]);
  return article;
};
/** The blocks after the story's two paragraphs, as `type level ordered: text`. */
const tail = (a: Article) =>
  a.blocks
    .slice(3)
    .map(
      (b) =>
        `${b.type}${b.level === undefined ? '' : ` ${b.level}`}${b.ordered === undefined ? '' : b.ordered ? ' ol' : ' ul'}: ${a.text.slice(b.start, b.end)}`,
    );

describe('html lists', () => {
  it('makes each item of a bulleted or numbered list one list_item block', async () => {
    const a = await importBody(
      '<ul><li>Library hours</li><li>Bus <b>routes</b> 12 and 14</li></ul><ol><li>First vote</li><li><p>Second vote</p></li></ol>',
    );
    expect(tail(a)).toEqual([
      'list_item 1 ul: Library hours',
      'list_item 1 ul: Bus routes 12 and 14',
      'list_item 1 ol: First vote',
      'list_item 1 ol: Second vote',
    ]);
  });

  it('puts a nested list after its item, one level deeper', async () => {
    const a = await importBody('<ol><li>Cuts<ul><li>Libraries</li><li>Buses</li></ul></li><li>Taxes</li></ol><p>After the list.</p>');
    expect(tail(a)).toEqual([
      'list_item 1 ol: Cuts',
      'list_item 2 ul: Libraries',
      'list_item 2 ul: Buses',
      'list_item 1 ol: Taxes',
      'paragraph: After the list.',
    ]);
  });

  it('keeps text around a list in paragraphs and drops empty items', async () => {
    const a = await importBody('<div>The cuts:<ul><li> </li><li>Libraries</li></ul>and more.</div>');
    expect(tail(a)).toEqual(['paragraph: The cuts:', 'list_item 1 ul: Libraries', 'paragraph: and more.']);
  });
});

describe('html tables', () => {
  it('makes each row one paragraph of its non-empty cells joined by " | "', async () => {
    const a = await importBody(
      '<table><thead><tr><th>Candidate</th><th>Votes</th></tr></thead><tbody><tr><td>Denise Calloway</td><td>18,412</td></tr><tr><td>Ray Ocampo</td><td></td></tr></tbody></table>',
    );
    expect(tail(a)).toEqual(['paragraph: Candidate | Votes', 'paragraph: Denise Calloway | 18,412', 'paragraph: Ray Ocampo']);
  });
});
