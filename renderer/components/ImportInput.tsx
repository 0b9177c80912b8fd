/**
 * The one hidden file input behind every "Import…" control: several files at once, of the
 * formats the importers understand. Controls open it through the forwarded ref.
 */
import { memo, type Ref } from 'react';
import { ARTICLE_EXTENSIONS } from '../../shared/api';

/** The extensions offered in the file picker: every article format (text, Markdown, HTML, Word, PDF). */
export const IMPORT_ACCEPT = ARTICLE_EXTENSIONS.join(',');

export type ImportInputProps = Readonly<{ ref: Ref<HTMLInputElement>; onFiles: (files: File[]) => void }>;

/** A hidden `<input type=file multiple>` labelled "Import files". Re-rendered only when its props change, not on every render of the window (#14). */
export const ImportInput = memo(function ImportInput({ ref, onFiles }: ImportInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept={IMPORT_ACCEPT}
      aria-label="Import files"
      hidden
      tabIndex={-1}
      onChange={(e) => {
        const files = Array.from(e.currentTarget.files ?? []);
        e.currentTarget.value = ''; // so choosing the same file again still fires change
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
