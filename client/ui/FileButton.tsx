/**
 * A file chooser that looks and reads like a button in the UI's language: the browser's own file
 * input stays in the page (for the keyboard, screen readers and drops) but is hidden, and its label is
 * the visible button.
 *
 * Why: the browser draws its file input in the browser's language ("Choose File", "No file chosen"),
 * so a Dutch page showed English controls. A label that wraps the input keeps the input's name the
 * button's words, and clicking the label opens the chooser without any script.
 */
import type { ReactNode } from 'react';

/** A labelled button that opens the file chooser; `onFile` gets the chosen file (the input is reset). */
export function FileButton({ text, accept, disabled, onFile, children }: { text: string; accept: string; disabled?: boolean; onFile: (file: File) => void; children?: ReactNode }) {
  return (
    <label className={`file-button${disabled ? ' file-button-disabled' : ''}`}>
      {children}
      <input
        type="file"
        className="file-button-input"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <span className="file-button-face">{text}</span>
    </label>
  );
}
