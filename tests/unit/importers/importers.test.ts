/**
 * Golden tests for the article importers: every sample in samples/ and every fixture in
 * tests/unit/golden/importers/<case>/input.* is imported and compared with
 * tests/unit/golden/importers/<case>/expected.json (title, text, blocks, meta, warnings).
 * `UPDATE_GOLDEN=1` rewrites the expected files; review their diff like code.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFromFileName, importArticle, SUPPORTED_EXTENSIONS } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLES_DIR = join(ROOT, 'samples');
const GOLDEN_DIR = join(ROOT, 'tests/unit/golden/importers');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** One golden case: the file to import, the name to import it under, where its expectation lives. */
type GoldenCase = { id: string; name: string; inputPath: string; expectedPath: string };

function sampleCases(): GoldenCase[] {
  return readdirSync(SAMPLES_DIR)
    .filter((file) => formatFromFileName(file) !== null)
    .sort()
    .map((file) => ({
      id: `samples/${file}`,
      name: file,
      inputPath: join(SAMPLES_DIR, file),
      expectedPath: join(GOLDEN_DIR, file.slice(0, -extname(file).length), 'expected.json'),
    }));
}

/** Fixture cases are imported as `<case>.<ext>`, so a file-name title is the case name. */
function fixtureCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const input = readdirSync(join(GOLDEN_DIR, entry.name)).find((file) => file.startsWith('input.'));
      if (input === undefined) return [];
      const dir = join(GOLDEN_DIR, entry.name);
      return [{ id: entry.name, name: `${entry.name}${extname(input)}`, inputPath: join(dir, input), expectedPath: join(dir, 'expected.json') }];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

const CASES = [...sampleCases(), ...fixtureCases()];

describe('importer golden files', () => {
  it('covers every sample and at least one fixture per format', () => {
    expect(sampleCases().length).toBeGreaterThanOrEqual(4);
    const formats = new Set(fixtureCases().map((c) => formatFromFileName(c.name)));
    expect([...formats].sort()).toEqual(['html', 'md', 'txt']);
  });

  it.each(CASES)('$id matches its golden file and the block invariants', async ({ name, inputPath, expectedPath }) => {
    const article = await importArticle(name, new Uint8Array(readFileSync(inputPath)));
    expect(blockInvariantViolations(article)).toEqual([]);
    const actual = `${JSON.stringify(article, null, 2)}\n`;
    if (UPDATE) {
      mkdirSync(dirname(expectedPath), { recursive: true });
      writeFileSync(expectedPath, actual);
    }
    expect(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});

describe('file names', () => {
  it('maps every supported extension to a format, ignoring case', () => {
    for (const extension of SUPPORTED_EXTENSIONS) {
      expect(formatFromFileName(`story${extension}`)).not.toBeNull();
      expect(formatFromFileName(`STORY${extension.toUpperCase()}`)).toBe(formatFromFileName(`story${extension}`));
    }
    expect(formatFromFileName('story.doc')).toBeNull();
    expect(formatFromFileName('story')).toBeNull();
    expect(formatFromFileName('folder.txt/story')).toBeNull();
  });
});

describe('the html sample', () => {
  const html = () =>
    importArticle('city-council-transit-vote.html', new Uint8Array(readFileSync(join(SAMPLES_DIR, 'city-council-transit-vote.html'))));

  it('keeps every body paragraph of the <article>, in order, and the headline as block 0', async () => {
    const article = await html();
    const source = readFileSync(join(SAMPLES_DIR, 'city-council-transit-vote.html'), 'utf8');
    const body = source.slice(source.indexOf('<div class="story-body"'), source.indexOf('<footer class="story-footer"'));
    const withoutNewsletter = body.replace(/<div class="newsletter-signup"[\s\S]*?<\/form>\s*<\/div>/, '');
    const paragraphs = [...withoutNewsletter.matchAll(/<(p|h2)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.replace(/\s+/g, ' ').trim());
    expect(paragraphs.length).toBeGreaterThan(10);
    const blockTexts = article.blocks.map((b) => article.text.slice(b.start, b.end));
    expect(blockTexts[0]).toBe(article.title);
    expect(article.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    expect(blockTexts.slice(1)).toEqual(paragraphs);
    expect(article.blocks.filter((b) => b.type === 'quote')).toHaveLength(1);
  });

  it('drops the page chrome', async () => {
    const { text } = await html();
    for (const clutter of [
      'cookies',
      'Share on',
      'Advertisement',
      'Related stories',
      'Most read',
      'Comments',
      'morning briefing',
      'All rights reserved',
      'Subscribe',
      'Residents line up',
      'gtag',
      'Filed under',
      'By Maya',
    ]) {
      expect(text, clutter).not.toContain(clutter);
    }
  });
});
