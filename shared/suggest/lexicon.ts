/**
 * The engine's word lists (#15): reporting verbs with their cue class, titles, pronouns, the
 * nouns of anonymous sources, and the small function words the rules stop at. General news
 * English written by hand (never mined from a corpus). Lower-case throughout; the rules compare
 * a token's lower-cased text. Pure data and one inflection helper; no rule logic here.
 */

/** A cue's class, by the default schema's attribute values. */
export type CueClass = 'communication' | 'belief' | 'factive' | 'other';

/** Splits a space-separated list (lists are written as text to keep this file short). */
const words = (list: string): readonly string[] => list.split(' ');

/**
 * Reporting verbs by class. An entry is a base form, or `base:past` / `base:past:participle`
 * for an irregular verb, or `base/doubled` for a verb that doubles its last consonant (admit →
 * admitted). `inflect` expands an entry to its forms.
 */
const VERBS: Readonly<Record<CueClass, readonly string[]>> = {
  communication: words(
    'say:said tell:told write:wrote:written add note state declare announce explain argue claim insist warn deny ' +
      'admit/admitted acknowledge confirm report reply respond answer ask urge suggest mention predict promise pledge vow ' +
      'threaten testify tweet recall allege assert contend stress emphasize complain concede cite criticize accuse praise ' +
      'blame reiterate repeat tout boast joke quip shout recount remark observe comment counter retort propose recommend ' +
      'demand advise caution hint disclose reveal proclaim confess protest charge describe lament speculate estimate inform ' +
      'assure remind signal indicate call dismiss question condemn denounce defend endorse applaud welcome ridicule mock ' +
      'attack slam blast reject swear:swore:sworn forecast:forecast conclude point refer/referred contest insinuate clarify ' +
      'elaborate continue talk discuss express echo retweet sign:signed offer speak:spoke:spoken push list',
  ),
  belief: words(
    'believe think:thought fear hope want expect worry doubt suspect consider assume wonder wish prefer/preferred ' +
      'agree disagree guess reckon imagine understand:understood see:saw:seen seem appear remember',
  ),
  factive: words('find:found show:showed:shown discover realize learn know:knew:known notice recognize'),
  other: words('refuse decline seek:sought intend oppose support favor decide order identify'),
};

/** Verbs whose object (a person or a body) sits between the verb and what is reported: "told reporters that". */
export const OBJECT_VERBS: ReadonlySet<string> = new Set([
  'tell',
  'ask',
  'urge',
  'warn',
  'inform',
  'assure',
  'remind',
  'advise',
  'promise',
  'accuse',
]);

/**
 * Verbs that are only a cue with a particle after them ("called for", "pointed to"): alone
 * they name things ("a group called X") or point at things.
 */
export const PARTICLE_VERBS: Readonly<Record<string, readonly string[]>> = {
  call: ['for', 'on'],
  point: ['to', 'out'],
  refer: ['to'],
  talk: ['about'],
  sign: ['off'],
  speak: ['of', 'about', 'out'],
  push: ['for', 'back'],
};

/**
 * Verbs whose base and -s forms are more often nouns ("the report", "his remarks", "plans"):
 * those forms are cues only after a pronoun or an auxiliary ("they report", "will claim").
 */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set(
  (
    'state report comment remark question attack support plan contest answer claim note tweet reply praise blame charge demand ' +
    'promise pledge vow estimate forecast show fear hope doubt trust wish worry signal counter protest mention repeat quip joke ' +
    'boast shout caution hint call point refer concern defend endorse welcome reject accept attack slam blast mock dismiss oppose ' +
    'find learn order decline respond speak list offer push'
  ).split(' '),
);

/** Forms of reporting verbs that news uses mostly for something else: "pledged delegates", "known as", "precincts reporting", "charged with". */
export const NOT_CUES: ReadonlySet<string> = new Set(
  'pledged known reporting showing seeking seek advised charged attacking continue continues seen find saw respond appear offering thinking writing'.split(
    ' ',
  ),
);

/** Documents and figures that show, find or suggest ("polls show", "the study finds"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  'poll polls survey surveys study studies report reports data analysis figures numbers statistics research records documents memo letter review audit investigation evidence results findings'.split(
    ' ',
  ),
);

/** Words after which a verb's base or -s form is a verb: pronouns, auxiliaries and modals. */
export const VERB_OPENERS: ReadonlySet<string> = new Set(
  'he she they i we you it who also will would could can may might must should shall do does did not never to'.split(' '),
);

/** The say/tell family: the rule 'said-clause' covers them, 'reporting-verb-clause' every other verb. */
export const SAY_VERBS: ReadonlySet<string> = new Set(['say', 'tell']);

const VOWEL = /[aeiou]/;

/**
 * The forms of one entry of VERBS: base, third person, past, participle and -ing form.
 * @param entry `base`, `base:past[:participle]` or `base/doubled`
 * @returns the base and every form, lower-case
 */
export function inflect(entry: string): { base: string; forms: string[] } {
  const [head = '', past, participle] = entry.split(':');
  const [base = '', doubled] = head.split('/');
  const stem = doubled ? doubled.slice(0, -2) : base;
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const regularPast = doubled ?? (base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`);
  const ing = doubled
    ? `${stem}ing`
    : base.endsWith('ee')
      ? `${base}ing`
      : base.endsWith('e') && VOWEL.test(base.slice(0, -1))
        ? `${base.slice(0, -1)}ing`
        : `${base}ing`;
  const forms = [base, third, past ?? regularPast, participle ?? past ?? regularPast, ing];
  return { base, forms: [...new Set(forms)] };
}

/** A reporting verb form's lemma and cue class. */
export type VerbForm = Readonly<{ base: string; cueClass: CueClass }>;

/** Every form of every reporting verb, lower-case, to its lemma and class (the first class listed wins). */
export const VERB_FORMS: ReadonlyMap<string, VerbForm> = (() => {
  const map = new Map<string, VerbForm>();
  for (const [cueClass, entries] of Object.entries(VERBS) as [CueClass, readonly string[]][]) {
    for (const entry of entries) {
      const { base, forms } = inflect(entry);
      for (const form of forms) if (!map.has(form)) map.set(form, { base, cueClass });
    }
  }
  return map;
})();

/** Words between a subject and its verb that do not end the subject: auxiliaries, negation, adverbs of time and manner. */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'has have had having is are was were be been will would could can may might must should shall did does do not never also ' +
    'later earlier previously recently repeatedly once often long already still just then again first initially further ' +
    'publicly privately reportedly openly flatly explicitly quickly separately simply clearly even actually apparently ' +
    'herself himself themselves itself yet both all too similarly likewise subsequently eventually ultimately'
  ).split(' '),
);

/** Personal pronouns that can be a source, to whether they refer to a person (he, she) or not. Not "it": a source less than half the time in news ("it said" of a company is rarer than "it seems"). */
export const PRONOUNS: ReadonlyMap<string, 'person' | 'group' | 'self'> = new Map([
  ['he', 'person'],
  ['she', 'person'],
  ['they', 'group'],
  ['i', 'self'],
  ['we', 'self'],
  ['you', 'self'],
]);

/** Determiners and possessives that open a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  'the a an this that these those his her its their our my your some many several most few both each every other another one two three four five no any such all more'.split(
    ' ',
  ),
);

/** Titles and honorifics that stand before a name (abbreviations carry their period). */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt. capt. adm. maj. prof. rev. atty. amb. pres. sec. ' +
    'president senator representative congressman congresswoman governor mayor minister secretary ambassador general judge justice ' +
    'chairman chairwoman chair director spokesman spokeswoman spokesperson sheriff chief prime deputy vice former attorney speaker'
  ).split(' '),
);

/** Abbreviations that end with a period which never ends a sentence. */
export const ABBREVIATIONS: readonly string[] = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sen',
  'Rep',
  'Gov',
  'Gen',
  'Lt',
  'Col',
  'Sgt',
  'Capt',
  'Adm',
  'Maj',
  'Prof',
  'Rev',
  'Atty',
  'Amb',
  'Pres',
  'Sec',
  'Sr',
  'Jr',
  'St',
  'Ft',
  'Mt',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'No',
  'Jan',
  'Feb',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'vs',
  'Calif',
  'Fla',
  'Ill',
  'Mass',
  'Penn',
  'Va',
  'Wash',
  'Ariz',
  'Colo',
  'Conn',
  'Ga',
  'Md',
  'Mich',
  'Minn',
  'Mo',
  'Nev',
  'Okla',
  'Ore',
  'Tenn',
];

/** Head nouns of a source the reader is not told the name of. */
export const ANONYMOUS_NOUNS: ReadonlySet<string> = new Set(
  'source sources insider insiders person people official officials aide aides someone individual individuals'.split(' '),
);

/** Common nouns for sources, which a capital at the start of a sentence does not make a name ("Analysts say"). */
export const SOURCE_NOUNS: ReadonlySet<string> = new Set(
  (
    'analysts officials critics experts observers economists aides lawmakers investigators prosecutors police residents witnesses voters ' +
    'supporters opponents advocates researchers scientists diplomats activists authorities leaders organizers doctors lawyers sources insiders people ' +
    'engineers republicans democrats conservatives liberals protesters officers parents teachers workers members'
  ).split(' '),
);

/** Phrases that make an official or a person anonymous when they follow it. */
export const ANONYMOUS_MARKERS: readonly string[] = [
  'familiar with',
  'close to',
  'anonymity',
  'not authorized',
  'not named',
  'who asked not',
  'declined to be named',
  'briefed on',
];

/**
 * What follows a verb that asks for anonymity ("asked not to be named", "declined to be identified",
 * "spoke on condition of anonymity"): the verb is no cue, and the person before "who" is an
 * anonymous source of the sentence's reporting verb. Matched on the lower-case words from the verb on.
 */
export const ANONYMITY_CLAUSES: readonly string[] = [
  'asked not to be',
  'asked that his name',
  'asked that her name',
  'asked for anonymity',
  'requested anonymity',
  'declined to be',
  'spoke on condition of anonymity',
  'spoke on the condition of anonymity',
  'spoke anonymously',
  'insisted on anonymity',
];

/** Auxiliaries of a passive right before its participle ("was reported by", "is expected to"). */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);

/** Words that open a clause: a subject found walking back from a verb stops before them. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(
  (
    'that which who whom whose what when where while because after before since if although though as but or so nor than until unless ' +
    'whether how why once and said says to for with without about into on in at by from of is are was were be been has have had during amid despite ' +
    'not would will could can should may might must do does did'
  ).split(' '),
);

/** Words that may join the parts of a subject ("the head of the agency", "a spokesman for the ministry"). */
export const NOUN_PHRASE_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', '’s', "'s", '&', '-']);

/** Time words that may stand between a verb and what it reports ("said Tuesday that"). */
export const TIME_WORDS: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later recently last this next week month year ' +
    'morning afternoon evening night day weekend also repeatedly again then previously now once too'
  ).split(' '),
);
