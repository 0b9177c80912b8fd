/**
 * The HTML importer's extraction rules on small pages: the page chrome it must leave out
 * (captions, pull quotes, bios, link boxes, headers, sidebars, embeds) and the article text it
 * must keep (in-article quotes, lists, inline words whatever their class). The benchmark in
 * bench/extraction measures the same rules on whole pages.
 */
import { describe, expect, it } from 'vitest';
import { importArticle, type Article } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const importPage = async (body: string, head = '<title>Council delays budget vote</title>'): Promise<Article> => {
  const article = await importArticle('page.html', new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`));
  expect(blockInvariantViolations(article)).toEqual([]);
  return article;
};
const blockTexts = (a: Article) => a.blocks.map((b) => `${b.type}${b.level ?? ''}: ${a.text.slice(b.start, b.end)}`);

/** Four paragraphs of story, long enough for Readability to take them as the article. */
const STORY = [
  'The city council met on Monday evening and agreed to delay the vote on the new budget until the second week of March, according to the minutes.',
  'Council members said they needed more time to study the proposed cuts to library opening hours and to the number of bus routes in the suburbs.',
  '"We owe residents a proper debate, not a rushed vote at midnight," said council member Ruth Adler, who proposed the delay on Monday.',
  'The finance director warned that each week of delay would make it harder to set property tax rates before the legal deadline in April.',
];
const paragraphs = (texts: readonly string[]) => texts.map((t) => `<p>${t}</p>`).join('');

describe('html extraction: chrome inside the article is left out', () => {
  it('drops photo captions and credits that are not in a <figcaption>', async () => {
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}<div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">Council members at Monday's meeting.</p></div><p class="photo-credit">Photo: Ann Lee</p>${paragraphs(STORY.slice(2))}</article>`,
    );
    expect(a.text).not.toContain("Council members at Monday's meeting");
    expect(a.text).not.toContain('Ann Lee');
    expect(blockTexts(a).slice(1)).toEqual(STORY.map((t) => `paragraph: ${t}`));
  });

  it('drops pull quotes but keeps a block quote of the story', async () => {
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 3))}<blockquote class="pullquote"><p>We owe residents a proper debate</p></blockquote><div class="pull-quote-box"><p>Not a rushed vote at midnight</p></div><p>The mayor's office said:</p><blockquote><p>The budget will be balanced, whatever the date of the vote.</p></blockquote>${paragraphs(STORY.slice(3))}</article>`,
    );
    expect(a.text).not.toContain('We owe residents a proper debate\n');
    expect(a.text).not.toContain('Not a rushed vote at midnight');
    expect(blockTexts(a)).toContain('quote: The budget will be balanced, whatever the date of the vote.');
  });

  it('drops author bios, "read more" boxes and ad labels', async () => {
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}<p class="also-read"><strong>Also read |</strong> <a href="/a">Library hours cut again</a></p><div class="ad-slot"><span>Advertisement</span></div>${paragraphs(STORY.slice(2))}<div class="author-bio"><p>Jo Park covers city hall. She joined the paper in 2019 after ten years at a radio station.</p></div></article>`,
    );
    for (const chrome of ['Also read', 'Library hours cut again', 'Advertisement', 'Jo Park covers city hall'])
      expect(a.text, chrome).not.toContain(chrome);
    expect(blockTexts(a).slice(1)).toEqual(STORY.map((t) => `paragraph: ${t}`));
  });

  it('drops boxes of links to other stories inside the body, but keeps a list of the story', async () => {
    const items = ['Library hours on Sundays', 'Bus routes 12 and 14', 'Street lighting in parks'];
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}<p>The proposed cuts cover:</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><div class="box"><h4>More on this</h4><ul><li><a href="/1">Mayor presents the budget</a></li><li><a href="/2">What the cuts mean for you</a></li></ul></div>${paragraphs(STORY.slice(2))}</article>`,
    );
    expect(a.text).not.toContain('Mayor presents the budget');
    expect(a.text).not.toContain('More on this');
    for (const item of items) expect(a.text).toContain(item);
  });

  it('drops embedded tweets', async () => {
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}<blockquote class="twitter-tweet"><p>Budget vote off again 🙄</p>&mdash; City Watcher (@citywatch) <a href="https://x.example/1">March 2, 2026</a></blockquote>${paragraphs(STORY.slice(2))}</article>`,
    );
    expect(a.text).not.toContain('citywatch');
    expect(blockTexts(a).slice(1)).toEqual(STORY.map((t) => `paragraph: ${t}`));
  });

  it('keeps words of a paragraph whatever their class says', async () => {
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 3))}<p>The vote now falls on <span class="date">March 9</span>, after the <a class="related-link" href="/r">library review</a> is published.</p></article>`,
    );
    expect(a.text).toContain('The vote now falls on March 9, after the library review is published.');
  });
});

describe('html extraction: around the article', () => {
  it("drops the article header's standfirst and dates, and still finds the byline", async () => {
    const a = await importPage(
      `<article><header class="article-header"><p class="kicker">City hall</p><h1>Council delays budget vote</h1><p class="standfirst">Members want more time to study the cuts.</p><div class="byline">By Jo Park</div><time datetime="2026-03-02">March 2, 2026, updated 2 hours ago</time></header><div class="article-body">${paragraphs(STORY)}</div></article>`,
    );
    for (const chrome of ['City hall', 'Members want more time', 'updated 2 hours ago']) expect(a.text, chrome).not.toContain(chrome);
    expect(blockTexts(a)).toEqual(['heading1: Council delays budget vote', ...STORY.map((t) => `paragraph: ${t}`)]);
    expect(a.meta.byline).toBe('By Jo Park');
  });

  it('leaves the sidebar out of a short article', async () => {
    const events = ['The spring craft fair returns to the community hall on Saturday with more than sixty makers selling pottery and textiles.'];
    const a = await importPage(
      `<div class="wrapper"><div class="content"><h1>Council delays budget vote</h1><p>${STORY[0]}</p><p>${STORY[1]}</p></div><div class="sidebar-events"><h2>Upcoming events</h2>${paragraphs(events)}${paragraphs(events)}</div><aside><h3>Also this week</h3><p>${events[0]}</p></aside></div>`,
    );
    expect(a.text).not.toContain('craft fair');
    expect(a.text).toContain(STORY[1]);
  });

  it("uses JSON-LD's articleBody when the page's own body is empty (a page rendered by scripts)", async () => {
    const body = ['Archaeologists found a Roman villa under a housing site.', 'The developer will redesign part of the estate around it.'];
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', headline: 'Villa found', articleBody: body.join('\n\n') }],
    });
    const a = await importPage(
      '<div id="root"><header><a href="/">Daily Wire</a></header><main><h1>Villa found</h1><div class="article-body"><div class="spinner">Loading article…</div></div></main></div>',
      `<title>Villa found</title><script type="application/ld+json">${jsonLd}</script>`,
    );
    expect(blockTexts(a)).toEqual(['heading1: Villa found', ...body.map((t) => `paragraph: ${t}`)]);
  });

  it('keeps a Japanese lead paragraph set apart from the body (Readability only takes short siblings ending in ". ")', async () => {
    const lead = '気象庁は3日、関東甲信地方で平年より5日早く桜が開花する見通しだと発表した。';
    const body = [
      '2月後半から気温が高い日が続いたことで、つぼみの生育が早まったとみられる。',
      '東京の上野公園では、早くも花見の場所取りに関する案内が掲示されている。公園の管理事務所は、今年も夜間の宴会を禁止し、ごみの持ち帰りを呼びかけるとしている。',
      '気象庁の担当者は「週末にかけて再び寒くなる日もあるので、今後の予報に注意してほしい」と話している。',
    ];
    const a = await importPage(
      `<section><h1>桜の開花 平年より早い見通し</h1><p class="date">2026年3月3日</p><div class="detail"><p class="summary">${lead}</p><div class="body-text">${body.map((t) => `<p>${t}</p>`).join('')}</div></div></section>`,
      '<title>桜の開花 平年より早い見通し</title>',
    );
    expect(blockTexts(a)).toEqual(['heading1: 桜の開花 平年より早い見通し', ...[lead, ...body].map((t) => `paragraph: ${t}`)]);
  });

  it('keeps a short article whose wrapper says it has a sidebar or no ads (has-, with-, no- modifiers, -free)', async () => {
    for (const wrapper of ['layout has-sidebar', 'page--with-rail', 'story noAds', 'body ad-free']) {
      const a = await importPage(`<div class="${wrapper}"><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}</div>`);
      expect(blockTexts(a).slice(1), wrapper).toEqual(STORY.slice(0, 2).map((t) => `paragraph: ${t}`));
    }
  });

  it("ignores JSON-LD articleBody of another story (a headline that is not the page's)", async () => {
    const other = {
      '@type': 'NewsArticle',
      headline: 'Harbour festival dates announced',
      articleBody: 'The harbour festival returns in July. '.repeat(40),
    };
    const a = await importPage(
      `<article><h1>Council delays budget vote</h1>${paragraphs(STORY.slice(0, 2))}</article>`,
      `<title>Council delays budget vote</title><script type="application/ld+json">${JSON.stringify({ '@type': 'ItemList', itemListElement: [other] })}</script><script type="application/ld+json">${JSON.stringify(other)}</script>`,
    );
    expect(a.text).not.toContain('harbour festival');
    expect(blockTexts(a).slice(1)).toEqual(STORY.slice(0, 2).map((t) => `paragraph: ${t}`));
  });

  it('reads a JSON-LD articleBody written as HTML paragraphs', async () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Villa found',
      articleBody: '<p>Archaeologists found a villa.</p><p>It will stay in place.</p>',
    });
    const a = await importPage(
      '<main><h1>Villa found</h1><div id="app"></div></main>',
      `<title>Villa found</title><script type="application/ld+json">${jsonLd}</script>`,
    );
    expect(blockTexts(a)).toEqual(['heading1: Villa found', 'paragraph: Archaeologists found a villa.', 'paragraph: It will stay in place.']);
  });
});
