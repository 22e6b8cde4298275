import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeFinder } from '../../processes/components/NodeFinder';
import type { Person } from '../form-draft';

/** The frame of a people field: its name, help and problem, the picked people, and the finder when open. */
function PeopleField(props: {
  place: string;
  label: string;
  help: string;
  error: string | null;
  children: ReactNode;
}) {
  const id = `capture-people-${props.place}`;
  return (
    <div
      className={`capture-field capture-people${props.error ? ' invalid' : ''}`}
      data-place={props.place}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-help${props.error ? ` ${id}-error` : ''}`}
      data-testid={`capture-people-${props.place}`}
    >
      <span className="capture-label" id={`${id}-label`}>
        {props.label}
      </span>
      <span className="capture-help" id={`${id}-help`}>
        {props.help}
      </span>
      {props.children}
      {props.error && (
        <span className="error-text small" id={`${id}-error`} role="alert" data-testid="capture-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A search over the expert directory that closes on a pick or on Escape (the dialog stays open). */
function Finder(props: { exclude: string[]; onPick: (p: Person) => void; onClose: () => void }) {
  return (
    <div
      className="capture-finder"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
        e.stopPropagation();
        props.onClose();
      }}
    >
      <NodeFinder
        kind="expert"
        autoFocus
        limit={8}
        exclude={new Set(props.exclude)}
        testId="capture-finder"
        onPick={(n) => props.onPick({ id: n.id, label: n.label })}
      />
    </div>
  );
}

/** Several experts (the people who took part in a review): chips with ×, and "+" to find more. */
export function PeopleList(props: {
  place: string;
  label: string;
  help: string;
  people: Person[];
  onChange: (people: Person[]) => void;
  error: string | null;
}) {
  const { t } = useTranslation('capture');
  const [finding, setFinding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setFinding(false);
    addRef.current?.focus();
  };
  return (
    <PeopleField place={props.place} label={props.label} help={props.help} error={props.error}>
      <div className="capture-chips">
        {props.people.map((p) => (
          <span key={p.id} className="capture-chip" data-testid="capture-chip">
            {p.label}
            <button
              type="button"
              className="icon"
              title={t('form.removePerson', { name: p.label })}
              aria-label={t('form.removePerson', { name: p.label })}
              onClick={() => props.onChange(props.people.filter((x) => x.id !== p.id))}
            >
              ×
            </button>
          </span>
        ))}
        <button
          type="button"
          ref={addRef}
          className="capture-add"
          aria-expanded={finding}
          aria-label={t('form.addPerson', { field: props.label })}
          data-testid={`capture-people-${props.place}-add`}
          onClick={() => setFinding(!finding)}
        >
          + {t('form.add')}
        </button>
      </div>
      {finding && (
        <Finder
          exclude={props.people.map((p) => p.id)}
          onClose={close}
          onPick={(p) => {
            props.onChange([...props.people, p]);
            close();
          }}
        />
      )}
    </PeopleField>
  );
}

/** One expert (the owner, the master, the apprentice): the name with "change" and ×, or "choose". */
export function PersonPick(props: {
  place: string;
  label: string;
  help: string;
  person: Person | null;
  onChange: (person: Person | null) => void;
  error: string | null;
}) {
  const { t } = useTranslation('capture');
  const [finding, setFinding] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setFinding(false);
    buttonRef.current?.focus();
  };
  return (
    <PeopleField place={props.place} label={props.label} help={props.help} error={props.error}>
      <div className="capture-chips">
        {props.person && (
          <span className="capture-chip" data-testid="capture-chip">
            {props.person.label}
            <button
              type="button"
              className="icon"
              title={t('form.removePerson', { name: props.person.label })}
              aria-label={t('form.removePerson', { name: props.person.label })}
              onClick={() => props.onChange(null)}
            >
              ×
            </button>
          </span>
        )}
        <button
          type="button"
          ref={buttonRef}
          className="capture-add"
          aria-expanded={finding}
          aria-label={t(props.person ? 'form.changePersonOf' : 'form.choosePersonOf', { field: props.label })}
          data-testid={`capture-people-${props.place}-choose`}
          onClick={() => setFinding(!finding)}
        >
          {props.person ? t('form.changePerson') : t('form.choosePerson')}
        </button>
      </div>
      {finding && (
        <Finder
          exclude={props.person ? [props.person.id] : []}
          onClose={close}
          onPick={(p) => {
            props.onChange(p);
            close();
          }}
        />
      )}
    </PeopleField>
  );
}
