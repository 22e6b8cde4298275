import { useState, type KeyboardEvent } from 'react';

/**
 * A text field that shows the stored value until the user edits it, then commits the draft on blur (or Enter
 * for single-line fields, outside IME composition). Undo elsewhere updates what it shows, since only an edit in
 * progress is local state.
 */
export function DraftField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  numeric?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? props.value;
  const finish = () => {
    if (draft !== null && draft !== props.value) props.onCommit(draft);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') e.currentTarget.blur();
    else if (e.key === 'Escape') {
      setDraft(null);
      e.stopPropagation();
    }
  };
  return (
    <label>
      {props.label}
      {props.multiline ? (
        <textarea
          rows={4}
          value={shown}
          data-testid={props.testId}
          placeholder={props.placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={finish}
        />
      ) : (
        <input
          value={shown}
          data-testid={props.testId}
          placeholder={props.placeholder}
          inputMode={props.numeric ? 'decimal' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={finish}
        />
      )}
    </label>
  );
}
