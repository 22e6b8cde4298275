import { useState, type KeyboardEvent } from 'react';

/**
 * A text field that shows the stored value until the user edits it, then commits the draft on blur (or Enter
 * for single-line fields, outside IME composition). Undo elsewhere updates what it shows, since only an edit in
 * progress is local state. When `onCommit` answers false (the save was refused: a lost team connection, a
 * conflict) the draft stays, to be saved again. When the stored value changed under a draft (another person's
 * edit arrived while typing) and `onStale` is given, it is called instead of committing over their value.
 */
export function DraftField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void | Promise<boolean>;
  onStale?: (draft: string, current: string) => void;
  multiline?: boolean;
  numeric?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // The stored value the draft started from.
  const [base, setBase] = useState<string | null>(null);
  const shown = draft ?? props.value;
  const edit = (v: string) => {
    if (draft === null) setBase(props.value);
    setDraft(v);
  };
  const finish = async () => {
    if (draft === null) return;
    if (draft === props.value) {
      setDraft(null);
      return;
    }
    if (props.onStale && base !== null && base !== props.value) {
      props.onStale(draft, props.value);
      setBase(props.value);
      return; // the draft stays beside the conflict dialog
    }
    const r = props.onCommit(draft);
    if (r instanceof Promise && !(await r)) return;
    setDraft(null);
    setBase(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      // Not passed on: a dialog the save opens (a conflict) would take the focus, and this Enter would press its
      // first button.
      e.preventDefault();
      e.currentTarget.blur();
    } else if (e.key === 'Escape') {
      setDraft(null);
      setBase(null);
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
          onChange={(e) => edit(e.target.value)}
          onBlur={() => void finish()}
        />
      ) : (
        <input
          value={shown}
          data-testid={props.testId}
          placeholder={props.placeholder}
          inputMode={props.numeric ? 'decimal' : undefined}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => void finish()}
        />
      )}
    </label>
  );
}
