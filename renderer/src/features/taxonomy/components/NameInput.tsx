import { useRef, useState } from 'react';

/**
 * The inline field of the tree for a new name: focused on mount with its text selected; Enter or leaving the field
 * commits a changed, non-empty name, Escape cancels (outside IME composition, so choosing a Chinese candidate with
 * Enter does not commit). The tree ignores the keys typed here.
 */
export function NameInput(props: {
  initial: string;
  label: string;
  placeholder?: string;
  onCommit: (name: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const name = value.trim();
    if (commit && name !== '' && name !== props.initial.trim()) props.onCommit(name);
    else props.onCancel();
  };
  return (
    <input
      className="tx-name-input"
      autoFocus
      value={value}
      aria-label={props.label}
      placeholder={props.placeholder}
      data-testid={props.testId}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(e.key === 'Enter');
        }
      }}
    />
  );
}
