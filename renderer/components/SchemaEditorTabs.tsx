/**
 * The schema editor's tab strip: Labels, Relation types and Document attributes, each with how
 * many items it holds and a dot when they have problems. Arrow keys move between the tabs.
 */
import type { KeyboardEvent } from 'react';
import { SCHEMA_TABS, type SchemaEditorIds, type SchemaTab } from './schema-editor-dom';

export type SchemaEditorTabsProps = Readonly<{
  tab: SchemaTab;
  ids: SchemaEditorIds;
  countIn: (tab: SchemaTab) => number;
  problemsIn: (tab: SchemaTab) => number;
  /** Shows a tab; `shouldFocus` when the keyboard moved to it. */
  onSelect: (tab: SchemaTab, shouldFocus: boolean) => void;
}>;

/** Renders the tablist; the tab panel is the editor's. */
export function SchemaEditorTabs({ tab, ids, countIn, problemsIn, onSelect }: SchemaEditorTabsProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = SCHEMA_TABS.findIndex(([t]) => t === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const [next] = SCHEMA_TABS[(at + step + SCHEMA_TABS.length) % SCHEMA_TABS.length]!;
    onSelect(next, true);
  };
  return (
    <div className="cd-schema-tabs" role="tablist" aria-label="Schema parts">
      {SCHEMA_TABS.map(([t, text]) => {
        const problems = problemsIn(t);
        return (
          <button
            key={t}
            id={ids.tab(t)}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={ids.panel}
            tabIndex={tab === t ? 0 : -1}
            className="cd-schema-tab"
            onClick={() => onSelect(t, false)}
            onKeyDown={onKeyDown}
          >
            {text}
            <span className="cd-schema-tab-count">{countIn(t)}</span>
            {problems > 0 && <span className="cd-schema-dot" role="img" aria-label={`${problems} ${problems === 1 ? 'problem' : 'problems'}`} />}
          </button>
        );
      })}
    </div>
  );
}
