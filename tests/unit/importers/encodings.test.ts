/**
 * Legacy encodings: .txt, .md and .html files that are not UTF-8 are decoded by detection (or by
 * the page's declared charset), the encoding named in the warnings and in the metadata. The
 * fixtures are real bytes, written here with iconv-lite from known text; the assertion is that
 * the text read back is the text written.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../electron/services/importers';
import { decodeSource } from '../../../electron/services/importers/decode';

const noPause = async (): Promise<void> => {};

/** News-like paragraphs in each language (a headline line, a blank line, two sentences). */
const SAMPLES: readonly (readonly [encoding: string, expected: string, text: string])[] = [
  [
    'windows-1252',
    'windows-1252',
    'Café owners protest\n\nCafé owners in Lyon said the crème brûlée tax was “unfair”. The mayor’s office declined to comment.',
  ],
  ['iso-8859-15', 'iso-8859-15', "Prix de l'œuvre\n\nLe musée a payé 50 € pour l'œuvre, selon le directeur. Les élus ont demandé des précisions."],
  [
    'iso-8859-2',
    'iso-8859-2',
    'Łódź i Kraków\n\nWładze Łodzi poinformowały w środę, że żółte autobusy wrócą na ulice. Mieszkańcy Gdańska są zaskoczeni.',
  ],
  ['koi8-r', 'koi8-r', 'Москва\n\nВласти Москвы сообщили в среду о новых мерах поддержки малого бизнеса. По словам мэра, программа начнётся весной.'],
  [
    'windows-1251',
    'windows-1251',
    'Москва\n\nВласти Москвы сообщили в среду о новых мерах поддержки малого бизнеса. По словам мэра, программа начнётся весной.',
  ],
  [
    'shift_jis',
    'shift_jis',
    '東京都知事の会見\n\n東京都の知事は水曜日の記者会見で、新しい交通対策を発表した。関係者によると、計画は来年春に始まる。',
  ],
  ['euc-jp', 'euc-jp', '東京都知事の会見\n\n東京都の知事は水曜日の記者会見で、新しい交通対策を発表した。関係者によると、計画は来年春に始まる。'],
  ['gb18030', 'gb18030', '北京新交通措施\n\n北京市政府周三宣布了新的交通措施。据官员介绍，该计划将于明年春季开始实施。'],
  ['big5', 'big5', '台北新交通措施\n\n台北市政府週三宣布了新的交通措施。據官員介紹，該計畫將於明年春季開始實施。'],
  ['euc-kr', 'euc-kr', '서울시 교통 대책\n\n서울시는 수요일 새로운 교통 대책을 발표했다. 관계자에 따르면 계획은 내년 봄에 시작된다.'],
];

describe('legacy encodings', () => {
  it.each(SAMPLES)('%s text is read back exactly, and the encoding is named', async (encoding, expected, text) => {
    const article = await importArticle('story.txt', iconv.encode(text, encoding), noPause);
    expect(article.text).toBe(text);
    expect(article.meta.encoding).toBe(expected);
    expect(article.warnings).toContain(`the text is not UTF-8: decoded as ${expected} (detected)`);
  });

  it('reads a short Windows-1252 line ("Café owners") as Windows-1252, not as a look-alike', async () => {
    const source = await decodeSource('note.md', iconv.encode('Café owners', 'windows-1252'), noPause);
    expect(source).toEqual({
      text: 'Café owners',
      encoding: 'windows-1252',
      warnings: ['the text is not UTF-8: decoded as windows-1252 (detected)'],
    });
  });

  it.each(['Café', 'naïve résumé', 'Tōkyō 東京 😀', 'Жж'])('keeps short valid UTF-8 %j as UTF-8, without a warning', async (text) => {
    expect(await decodeSource('a.txt', new TextEncoder().encode(text), noPause)).toEqual({ text, encoding: 'utf-8', warnings: [] });
  });

  it.each([
    ['utf-16le', 'with', [0xff, 0xfe], 'byte-order mark'],
    ['utf-16be', 'with', [0xfe, 0xff], 'byte-order mark'],
    ['utf-16le', 'without', [], 'detected'],
    ['utf-16be', 'without', [], 'detected'],
  ] as const)('reads %s %s a byte-order mark', async (encoding, _with, bom, why) => {
    const text = 'Café owners said the tax was unfair.\n\nThe mayor declined to comment.';
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
    const source = await decodeSource('a.txt', Uint8Array.from([...bom, ...body]), noPause);
    expect(source).toEqual({ text, encoding, warnings: [`decoded as ${encoding} (${why})`] });
  });

  it.each([
    ['<meta charset="windows-1251">', 'windows-1251', 'Власти Москвы сообщили о новых мерах.'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', 'shift_jis', '東京都の知事は新しい対策を発表した。'],
    ['<meta charset="iso-8859-1">', 'windows-1252', 'Les élus ont demandé des précisions à la mairie.'],
  ])('an HTML page that declares %s is decoded with it', async (meta, expected, body) => {
    const html = `<!doctype html><html><head>${meta}<title>T</title></head><body><article><h1>T</h1><p>${body}</p><p>${body}</p></article></body></html>`;
    const article = await importArticle('page.html', iconv.encode(html, expected), noPause);
    expect(article.text).toContain(body);
    expect(article.meta.encoding).toBe(expected);
    expect(article.warnings).toContain(`decoded as ${expected} (declared by the page)`);
  });

  it('replaces with U+FFFD, and says so, only when no encoding fits', async () => {
    // 0x81 and 0x8D are undefined in Windows-1252 and control characters in ISO-8859-x.
    const bytes = Uint8Array.from([...Buffer.from('Budget vote '), 0x81, 0x8d, ...Buffer.from(' passed.')]);
    const source = await decodeSource('a.txt', bytes, noPause);
    expect(source.text).toBe('Budget vote \ufffd\ufffd passed.');
    expect(source.warnings).toEqual(['no encoding fits the text: invalid UTF-8 bytes were replaced with U+FFFD']);
  });

  it('decodes with a chosen encoding when asked (a re-import "as")', async () => {
    const bytes = iconv.encode('Москва', 'koi8-r');
    expect(await decodeSource('a.txt', bytes, noPause, { encoding: 'windows-1251' })).toMatchObject({ encoding: 'windows-1251' });
    expect(await decodeSource('a.txt', bytes, noPause, { encoding: 'KOI8-R' })).toMatchObject({ text: 'Москва', encoding: 'koi8-r' });
    await expect(decodeSource('a.txt', bytes, noPause, { encoding: 'klingon' })).rejects.toThrow(/klingon is not an encoding Claimdesk can decode/);
  });
});
