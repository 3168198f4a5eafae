import { useRef, useState, type FormEvent } from 'react';
import { COUNTER_NAME_MAX, type AppError, type Counter } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';

type Props = {
  /** This computer as the core knows it; null while the status is not known. */
  counter: Counter | null;
  onRenamed(counter: Counter): void;
};

/** The refusals of a name (empty, too long, another counter's) are said at the field, whatever kind of error brings them. */
const isNameRefusal = (error: AppError) => error.code.startsWith('counter_name_');

/** Settings › This counter: the name the shop gives this computer, which its orders, old and new, show. */
export function ThisCounterForm({ counter, onRenamed }: Props) {
  const { t, formats, say } = useLanguage();
  const [name, setName] = useState(counter?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const field = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    setRefusal(null);
    setError(null);
    const reply = await callPaydesk('renameCounter', { name });
    setBusy(false);
    if (reply.ok) {
      setName(reply.value.name);
      setSaved(true);
      onRenamed(reply.value);
    } else if (isNameRefusal(reply.error)) {
      setRefusal(say(reply.error));
      field.current?.focus();
    } else setError(reply.error);
  }

  return (
    <form className="this-counter-form" onSubmit={submit} noValidate aria-busy={busy}>
      <TextField
        id="counter-name"
        label={t.counterNameLabel}
        value={name}
        onChange={(value) => {
          setName(value);
          setRefusal(null);
          setSaved(false);
        }}
        error={refusal}
        hint={t.counterNameHint(formats.count(COUNTER_NAME_MAX))}
        autoComplete="off"
        spellCheck={false}
        inputRef={field}
      />
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || counter === null}>
          {busy ? t.saving : t.renameCounter}
        </button>
        <p className="saved-inline" role="status">
          {saved && t.counterRenamed}
        </p>
      </div>
    </form>
  );
}
