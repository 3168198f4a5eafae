// The main process's own confirmation box: the page can ask for a change, only the shopkeeper can allow it.
import type { MessageBoxOptions } from 'electron';
import type { Confirmation } from '../core/platform';

/** Cancel first and the default (Enter or Escape keeps things as they were); the change has to be chosen. */
export function confirmationBox(question: Confirmation): MessageBoxOptions & { buttons: string[] } {
  return {
    type: 'warning',
    title: question.title,
    message: question.message,
    detail: question.detail,
    buttons: [question.cancelLabel, question.confirmLabel],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export const CONFIRM_BUTTON = 1;
