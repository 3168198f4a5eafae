import type { AppError, ErrorKind, Message, Reply } from '../../shared/contract';
import { inEnglish } from '../../shared/messages/say';

export function appError(
  kind: ErrorKind,
  message: Message,
  extra: { gatewayMessage?: string | null; field?: string | null } = {},
): AppError {
  return {
    kind,
    code: message.code,
    params: message.params,
    message: inEnglish(message),
    gatewayMessage: extra.gatewayMessage ?? null,
    field: extra.field ?? null,
  };
}

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Reply<T> => ({ ok: false, error });
