// Where report files come in: drop them here, or pick them with the file dialog.

import { useRef, useState, type DragEvent } from 'react';
import { UploadIcon } from '../app/Icons';
import { useI18n } from '../i18n/I18nContext';

const ACCEPT = '.ndjson,.jsonl,.json,.csv,.xlsx,.casebundle,application/x-ndjson,text/csv';

export function DropZone({ disabled, onFiles }: { readonly disabled: boolean; readonly onFiles: (files: readonly File[]) => void }) {
  const { m } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function onDragOver(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setOver(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (!disabled && files.length > 0) onFiles(files);
  }

  return (
    <div
      className={`drop-zone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <UploadIcon />
      <p className="drop-title">{m['import.drop']}</p>
      <button type="button" className="button button-primary" disabled={disabled} onClick={() => inputRef.current?.click()}>
        {m['import.choose']}
      </button>
      <p className="muted small">{m['import.formats']}</p>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = ''; // picking the same file again must fire a change
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
