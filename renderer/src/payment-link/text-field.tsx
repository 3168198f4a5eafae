import type { InputHTMLAttributes, Ref } from 'react';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'maxLength' | 'placeholder'>;

/** A labelled single-line input whose error sits right under it and is tied to it for screen readers. */
export function TextField({ id, label, value, onChange, error, optional, inputRef, ...input }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
