/** The head bar every dialog has: its title and a Close button (styled by dialogs.css). */

export type DialogHeadProps = Readonly<{ title: string; onClose: () => void }>;

export function DialogHead({ title, onClose }: DialogHeadProps) {
  return (
    <header className="cd-dialog-head">
      <h2 className="cd-dialog-title">{title}</h2>
      <button type="button" className="cd-icon-button" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </header>
  );
}
