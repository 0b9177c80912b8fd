/**
 * The encoding a text document was decoded from, in the details panel, and "Re-import as…" with
 * another one (#12 defect 14): the analyst chooses the encoding and picks the original file
 * again (the workspace checks it is that file), and the article is replaced. Shown only for text
 * formats (Word and PDF have no encoding to choose). Reads and writes only through the API.
 */
import { useRef, useState } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocumentData } from '../../shared/model/types';
import { describeError } from '../util/format';
import { bytesToBase64 } from '../util/upload';
import './EncodingPanel.css';

/** The encodings offered (WHATWG names): Unicode first, then the legacy ones of news archives. */
const ENCODINGS: readonly string[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-15',
  'iso-8859-2',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'iso-8859-7',
  'windows-1253',
  'windows-1254',
  'iso-8859-8',
  'windows-1256',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
];

export type EncodingPanelProps = Readonly<{
  api: ClaimdeskApi;
  doc: DocumentData;
  /** Called after the article was replaced, so the document is read afresh. */
  onReimported: (message: string) => void;
  onError: (message: string) => void;
}>;

/** The encoding and the re-import control for one text document; nothing for docx/pdf. */
export function EncodingPanel({ api, doc, onReimported, onError }: EncodingPanelProps) {
  const current = doc.meta.encoding;
  const [choice, setChoice] = useState(current === 'utf-8' ? 'windows-1252' : 'utf-8');
  const [isBusy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  if (current === undefined) return null;
  const extension = /\.[^.]*$/.exec(doc.meta.sourceName)?.[0] ?? '';

  const reimport = async (file: File) => {
    setBusy(true);
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await api.reimportDocument({ docId: doc.id, encoding: choice, file: { name: file.name, data } });
      onReimported(`Re-imported ${doc.meta.sourceName} as ${choice}`);
    } catch (err) {
      onError(describeError(`Could not re-import ${doc.meta.sourceName} as ${choice}`, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cd-encoding" aria-label="Encoding">
      <h2 className="cd-panel-title">Encoding</h2>
      <p className="cd-encoding-current">
        Decoded as <strong>{current}</strong>
      </p>
      <div className="cd-encoding-row">
        <select
          className="cd-input"
          aria-label="Encoding to re-import as"
          value={choice}
          disabled={isBusy}
          onChange={(e) => setChoice(e.target.value)}
        >
          {ENCODINGS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="cd-button cd-button--small"
          disabled={isBusy}
          title={`Choose ${doc.meta.sourceName} again: it is read as ${choice} and replaces this article`}
          onClick={() => input.current?.click()}
        >
          Re-import as…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={extension}
        aria-label={`Original file (${doc.meta.sourceName})`}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void reimport(file);
        }}
      />
    </section>
  );
}
