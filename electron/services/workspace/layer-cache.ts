/**
 * The summaries of every document's layers (status, counts per label, conflicts), which the
 * document list shows for thousands of documents without opening them. They change with every
 * edit, so they are not in claimdesk.json (which git tracks) but in `.cache/layers.json`, which
 * git ignores: on open each layer file's size and modification time are compared with the
 * cached ones, and a file that differs (a git pull, another program, a lost cache) is read again.
 * Writing the cache is best effort: a cache that cannot be written is rebuilt next time.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeFileAtomically } from '../store/atomic-file';
import { join } from 'node:path';
import { keyedRecord } from '../../../shared/model/keys';
import { EMPTY_SUMMARY, summaryOf, type LayerFile } from '../../../shared/model/layers';
import type { DocId, IndexRow, LayerSummary } from '../../../shared/model/types';
import { CACHE_DIR, layerPath, layersOnDisk, readArticleSync, readLayerSync } from './files';

const CACHE_FILE = 'layers.json';
const CACHE_VERSION = 1;
/** How long after a change the cache is written (many saves in a row write it once). */
const PERSIST_DELAY_MS = 2000;

type Entry = { sig: string; summary: LayerSummary };
type CacheFile = { version: number; documents: Record<DocId, Record<string, Entry>> };

/** A file's size and modification time, or null when it is missing. */
export function fileSignature(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}

export class LayerSummaries {
  private readonly byDoc = new Map<DocId, Map<string, Entry>>();
  /** `of()`'s answer per document, kept until that document's layers change: the list asks for every document's on each load (#14). */
  private readonly records = new Map<DocId, Readonly<Record<string, LayerSummary>>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private constructor(private readonly root: string) {}

  /**
   * The summaries of every layer of `rows`, from the cache where a file is unchanged and from
   * the file where not.
   */
  static build(root: string, rows: readonly IndexRow[]): LayerSummaries {
    const cache = new LayerSummaries(root);
    const cached = readCache(root);
    for (const row of rows) cache.scan(row.id, cached?.documents[row.id] ?? {});
    return cache;
  }

  /**
   * Checks every document's layers against their files (a stat each; a file read only where one
   * changed): a plain `git pull` may have brought layers into documents nobody has open.
   */
  refresh(docIds: readonly DocId[]): void {
    for (const docId of docIds) this.scan(docId, Object.fromEntries(this.byDoc.get(docId) ?? []));
    this.persistSoon();
  }

  /** Re-reads the layers of one document from disk (after a git merge or another program's change). */
  rescan(docId: DocId): void {
    const known = Object.fromEntries(this.byDoc.get(docId) ?? []);
    this.scan(docId, known);
    this.persistSoon();
  }

  private scan(docId: DocId, known: Readonly<Record<string, Entry>>): void {
    const entries = new Map<string, Entry>();
    let article: ReturnType<typeof readArticleSync> | undefined;
    for (const layer of layersOnDisk(this.root, docId)) {
      const sig = fileSignature(layerPath(this.root, docId, layer));
      if (sig === null) continue;
      const hit = Object.hasOwn(known, layer) ? known[layer] : undefined;
      if (hit && hit.sig === sig) {
        entries.set(layer, hit);
        continue;
      }
      article ??= readArticleSync(this.root, docId);
      const file = article?.ok ? readLayerSync(this.root, article.value, layer) : null;
      // A layer whose file cannot be used stays listed, with why: dropping it would pass for "nobody annotated".
      const problem = !article?.ok
        ? 'its article file cannot be used'
        : file === null
          ? 'it cannot be read or is not JSON'
          : file.ok
            ? null
            : file.reason;
      entries.set(layer, { sig, summary: file?.ok ? summaryOf(file.value) : { ...EMPTY_SUMMARY, problem: problem ?? 'it cannot be used' } });
    }
    this.byDoc.set(docId, entries);
    this.records.delete(docId);
  }

  /**
   * Every layer's summary of a document, by layer name: the same object until the document's
   * layers change (callers must not modify it).
   */
  of(docId: DocId): Readonly<Record<string, LayerSummary>> {
    const known = this.records.get(docId);
    if (known) return known;
    const out = keyedRecord<LayerSummary>(); // annotators' names are keys: `__proto__` is a name like any other
    for (const [layer, entry] of this.byDoc.get(docId) ?? []) out[layer] = entry.summary;
    this.records.set(docId, out);
    return out;
  }

  /** The names of a document's layers. */
  names(docId: DocId): string[] {
    return [...(this.byDoc.get(docId)?.keys() ?? [])].sort();
  }

  /** Notes a layer just written (its file's signature is read now). */
  set(docId: DocId, layer: LayerFile): void {
    let entries = this.byDoc.get(docId);
    if (!entries) this.byDoc.set(docId, (entries = new Map()));
    entries.set(layer.layer, { sig: fileSignature(layerPath(this.root, docId, layer.layer)) ?? '', summary: summaryOf(layer) });
    this.records.delete(docId);
    this.persistSoon();
  }

  /** Forgets a document (moved to the trash). */
  delete(docId: DocId): void {
    this.byDoc.delete(docId);
    this.records.delete(docId);
    this.persistSoon();
  }

  private persistSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.persist();
    }, PERSIST_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes the cache now (atomically; a failure only costs a rebuild on the next open). */
  async persist(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const file: CacheFile = { version: CACHE_VERSION, documents: {} };
    // A layer that could not be used is not cached: it is looked at again on the next open.
    for (const [docId, entries] of this.byDoc)
      file.documents[docId] = Object.fromEntries([...entries].filter(([, e]) => e.summary.problem === undefined));
    const dir = join(this.root, CACHE_DIR);
    try {
      // Not recursive: a workspace folder removed meanwhile must not be made anew for a cache.
      await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      await writeFileAtomically(join(dir, CACHE_FILE), JSON.stringify(file));
    } catch {
      // A cache is derived: when it cannot be written, the next open reads the layer files instead.
    }
  }
}

function readCache(root: string): CacheFile | null {
  try {
    const parsed = JSON.parse(readFileSync(join(root, CACHE_DIR, CACHE_FILE), 'utf8')) as CacheFile;
    return parsed.version === CACHE_VERSION && typeof parsed.documents === 'object' && parsed.documents !== null ? parsed : null;
  } catch {
    return null;
  }
}
