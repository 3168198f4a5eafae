import type { AppError, ErrorKind, Reply } from '../../shared/contract';

export function appError(
  kind: ErrorKind,
  message: string,
  extra: { gatewayMessage?: string | null; field?: string | null } = {},
): AppError {
  return { kind, message, gatewayMessage: extra.gatewayMessage ?? null, field: extra.field ?? null };
}

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Reply<T> => ({ ok: false, error });
