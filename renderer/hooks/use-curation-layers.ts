/**
 * The annotators' layers of the document being curated (#11), read through the window's
 * SessionRegistry (the sessions the layer switcher shows, read-only but for the analyst's own),
 * and kept current: a change to any of them (the analyst's own edits, a sync) re-renders.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LayerContent } from '../../shared/curation';
import type { DocId } from '../../shared/model/types';
import type { DocumentSession } from '../state/document-session';
import type { SessionRegistry } from '../state/session-registry';
import { describeError } from '../util/format';

export type CurationLayers = Readonly<{
  /** Each annotator's layer by name, or null while they load. */
  layers: Readonly<Record<string, LayerContent>> | null;
  /** Why a layer could not be read, or null. */
  error: string | null;
}>;

type Loaded = Readonly<{ id: string; sessions: readonly (readonly [string, DocumentSession])[] | null; error: string | null }>;

/**
 * @param docId the document, or null when nothing is curated
 * @param annotators the annotators with a layer in it
 * @param viewer the analyst (their own layer is the one session they may write)
 * @param generation bumped by the window after SessionRegistry.drop: the layers are read afresh
 */
export function useCurationLayers(
  registry: SessionRegistry,
  docId: DocId | null,
  annotators: readonly string[],
  viewer: string | null,
  generation: number,
): CurationLayers {
  const id = docId === null || viewer === null ? null : JSON.stringify([docId, viewer, annotators]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (id === null || docId === null || viewer === null) return;
    let wanted = true;
    const unsubscribes: (() => void)[] = [];
    Promise.all(annotators.map(async (layer) => [layer, await registry.open({ docId, layer, annotator: viewer })] as const)).then(
      (sessions) => {
        if (!wanted) return;
        for (const [, session] of sessions) unsubscribes.push(session.subscribe(() => setVersion((v) => v + 1)));
        setLoaded({ id, sessions, error: null });
      },
      (err: unknown) => {
        if (wanted) setLoaded({ id, sessions: null, error: describeError('Could not read the annotators’ layers', err) });
      },
    );
    return () => {
      wanted = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
    // `annotators` is part of `id`.
  }, [registry, id, generation]);

  const current = loaded?.id === id ? loaded : null;
  const layers = useMemo(() => {
    if (!current?.sessions) return null;
    const out: Record<string, LayerContent> = {};
    for (const [layer, session] of current.sessions) out[layer] = { annotations: session.doc.annotations, relations: session.doc.relations };
    return out;
    // `version` counts the sessions' changes, which `session.doc` reflects.
  }, [current, version]);
  return { layers, error: current?.error ?? null };
}
