/**
 * Input a user must fix: each case gives an ImportError whose message names the file and says
 * what is wrong. Also the recoverable cases that import with a warning (invalid UTF-8, control
 * characters) rather than fail.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, importArticle } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));

/** The ImportError `importArticle` rejects with; fails the test if it resolves or throws anything else. */
async function importError(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await importArticle(name, bytes).then(
    () => expect.unreachable(`${name} imported`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).message).toContain(name);
  return error as ImportError;
}

describe('files that cannot be imported', () => {
  it.each(['empty.txt', 'empty.md', 'empty.html'])('%s: an empty file is refused as empty', async (name) => {
    expect((await importError(name, new Uint8Array())).message).toMatch(/is empty/);
  });

  it.each(['blank.txt', 'blank.md', 'blank.htm'])('%s: whitespace only is refused as empty', async (name) => {
    expect((await importError(name, utf8(' \n\t\r\n  \u00a0\r'))).message).toMatch(/is empty/);
  });

  it('a UTF-8 byte-order mark alone is empty', async () => {
    expect((await importError('bom.txt', Uint8Array.of(0xef, 0xbb, 0xbf))).message).toMatch(/is empty/);
  });

  it.each([
    ['photo.txt', PNG, 'a PNG image', 'import .txt'],
    ['photo.md', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46), 'a JPEG image', 'import .txt'],
    ['report.html', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'a PDF file', 'give it the .pdf extension'],
    [
      'story.txt',
      Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00),
      'a ZIP archive, as a Word file is',
      'if it is a Word file, give it the .docx extension',
    ],
    ['nul.txt', utf8('Looks like text\u0000but has a NUL'), 'e.g. an image', 'import .txt'],
    ['controls.txt', Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)), 'e.g. an image', 'import .txt'],
  ])('%s: binary content is refused, whatever the extension, and named', async (name, bytes, kind, todo) => {
    const { message } = await importError(name, bytes);
    expect(message.startsWith(`${name} looks like a binary file (${kind}), not an article; ${todo}`)).toBe(true);
  });

  it.each([
    [
      'nav-only.html',
      '<html><head><script>var tracking = 1;</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
    ],
    [
      'scripts-only.html',
      '<html><head><title>Breaking</title><style>p{}</style><script>alert(1)</script></head><body><script>document.write("x")</script></body></html>',
    ],
    ['comments-only.html', '<html><body><div id="comments"><p>First!</p><p>Great article, thanks.</p></div></body></html>'],
    [
      'cookie-wall.html',
      '<html><body><div class="consent-wall"><p>We and our 842 partners use cookies to store and access information on your device.</p><button>Accept</button></div><footer>© 2024</footer></body></html>',
    ],
    ['front-matter-only.md', '---\ntitle: Only metadata\nauthor: Nobody\n---\n'],
    ['html-block-only.md', '<div class="embed">\n<iframe src="x"></iframe>\n</div>\n'],
  ])('%s: a source without article text is refused', async (name, source) => {
    expect((await importError(name, utf8(source))).message).toMatch(/has no article text that Claimdesk could find/);
  });

  it.each(['story.doc', 'story.odt', 'story', 'notes.txt.bak'])(
    '%s: an unsupported extension is refused, listing the supported ones',
    async (name) => {
      const { message } = await importError(name, utf8('Title\n\nBody.'));
      for (const extension of ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']) expect(message).toContain(extension);
    },
  );
});

describe('files that import with a warning', () => {
  it('reads text that is not UTF-8 as the detected encoding, not as U+FFFD, and says so (#12 defect 14)', async () => {
    const bytes = Uint8Array.from([...utf8('Caf'), 0xe9, ...utf8(' owners said prices rose by '), 0xff, 0xfe, ...utf8('10%.')]);
    const article = await importArticle('latin1.txt', bytes);
    expect(article.warnings).toEqual(['the text is not UTF-8: decoded as windows-1252 (detected)']);
    expect(article.text).toBe('Café owners said prices rose by ÿþ10%.');
    expect(blockInvariantViolations(article)).toEqual([]);
  });

  it('keeps a genuine U+FFFD without a warning', async () => {
    const article = await importArticle('replacement.md', utf8('The sign read \uFFFD.'));
    expect(article.warnings).toEqual([]);
    expect(article.text).toBe('The sign read \uFFFD.');
  });

  it('removes stray control characters and says how many', async () => {
    const article = await importArticle('controls.txt', utf8('Head\u0007line\n\nThe minister\u001b said the bill would pass\u007f.'));
    expect(article.warnings).toEqual(['3 control characters were removed']);
    expect(article.text).toBe('Headline\n\nThe minister said the bill would pass.');
  });
});
