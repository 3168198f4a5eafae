import { useRef, useState } from 'react';
import type { AppError, Reply } from '../../shared/contract';
import { useLanguage } from './i18n/language-provider';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

/** A form's own field, from the name an `invalid_input` reply gives; null when it is not one of the form's. */
type FieldOf<F extends string> = (name: string | null) => F | null;

const noField: FieldOf<never> = () => null;

/** `FieldOf` for a form whose fields are the keys of `fields`. */
export const fieldIn =
  <F extends string>(fields: Record<F, unknown>): FieldOf<F> =>
  (name) =>
    name !== null && Object.hasOwn(fields, name) ? (name as F) : null;

/**
 * What a form or dialog shows of its round trip to the core: busy while a reply is awaited, then a failure
 * either under the field it names (an `invalid_input` for one of the form's fields, which also gets the
 * focus) or, any other failure, in the alert.
 */
export function useFormReply<F extends string = never>(fieldOf: FieldOf<F> = noField) {
  const { say } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const inputs = useRef<Partial<Record<F, FieldElement | null>>>({});

  const bind = (name: F) => (element: FieldElement | null) => {
    inputs.current[name] = element;
  };
  const clearFieldError = (name: F) => setFieldErrors(({ [name]: _fixed, ...others }) => others as Partial<Record<F, string>>);
  const clearFieldErrors = () => setFieldErrors({});
  const showFieldError = (field: F, message: string) => {
    setFieldErrors({ [field]: message } as Partial<Record<F, string>>);
    inputs.current[field]?.focus();
  };
  const showReplyError = (replyError: AppError) => {
    const field = replyError.kind === 'invalid_input' ? fieldOf(replyError.field) : null;
    if (field) showFieldError(field, say(replyError));
    else setError(replyError);
  };

  /** Sends with the form busy and the alert cleared; a success goes to `onDone`, a failure is shown. */
  async function send<T>(call: () => Promise<Reply<T>>, onDone: (value: T) => void) {
    setBusy(true);
    setError(null);
    const reply = await call();
    setBusy(false);
    if (reply.ok) onDone(reply.value);
    else showReplyError(reply.error);
  }

  return { busy, error, setError, fieldErrors, inputs, bind, clearFieldError, clearFieldErrors, showFieldError, showReplyError, send };
}
