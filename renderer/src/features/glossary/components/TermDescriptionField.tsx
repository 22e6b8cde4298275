import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TermText } from './TermText';

/**
 * A description field that reads as text with the glossary's terms underlined (TermText: definition on hover),
 * and turns into a text area on click, Enter or F2 (not on a term, which opens its definition instead). The draft
 * is committed on blur when it changed; Esc drops it. Undo elsewhere updates what it shows, since only an edit in
 * progress is local state (as ui/DraftField). When `onCommit` answers false (the save was refused) the text area
 * stays open with the draft, to be saved again.
 */
export function TermDescriptionField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void | Promise<boolean>;
  testId?: string;
}) {
  const { t } = useTranslation('glossary');
  const [draft, setDraft] = useState<string | null>(null);
  const readRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const edit = () => setDraft(props.value);
  const finish = async (commit: boolean) => {
    if (commit && draft !== null && draft !== props.value) {
      const r = props.onCommit(draft);
      if (r instanceof Promise && !(await r)) return;
    }
    setDraft(null);
    // Back to the read view with the focus where it was.
    setTimeout(() => readRef.current?.focus(), 0);
  };
  return (
    <div className="term-description">
      <label id={`${id}-label`} htmlFor={id}>
        {props.label}
      </label>
      {draft !== null ? (
        <textarea
          id={id}
          rows={4}
          autoFocus
          value={draft}
          data-testid={props.testId}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void finish(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
              e.stopPropagation();
              void finish(false);
            }
          }}
        />
      ) : (
        <div
          ref={readRef}
          id={id}
          className={`term-description-read${props.value ? '' : ' muted'}`}
          role="textbox"
          aria-labelledby={`${id}-label`}
          aria-readonly="true"
          aria-multiline="true"
          tabIndex={0}
          title={t('description.edit')}
          data-testid={props.testId ? `${props.testId}-read` : undefined}
          onClick={edit}
          onKeyDown={(e) => {
            if (e.target !== e.currentTarget) return;
            if (e.key === 'Enter' || e.key === 'F2') {
              e.preventDefault();
              edit();
            }
          }}
        >
          {props.value ? <TermText text={props.value} /> : t('description.empty')}
        </div>
      )}
    </div>
  );
}
