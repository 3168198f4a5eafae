import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useLanguage } from './i18n/language-provider';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  /** A line under the field saying what goes in it; replaced by the error while there is one. */
  hint?: ReactNode;
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  | 'type'
  | 'autoComplete'
  | 'autoFocus'
  | 'maxLength'
  | 'placeholder'
  | 'inputMode'
  | 'readOnly'
  | 'spellCheck'
  | 'className'
  | 'onKeyDown'
  | 'translate'
>;

/** A labelled single-line input whose hint or error sits right under it and is tied to it for screen readers. */
export function TextField({ id, label, value, onChange, error, hint, optional, inputRef, ...input }: Props) {
  const { t } = useLanguage();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t.optional}</span>}
      </label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
