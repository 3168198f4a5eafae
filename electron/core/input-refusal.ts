// A request the contract refused, as an AppError: the router's answer to the page and the CLI's to its flags.
import type { z } from 'zod';
import type { AppError } from '../../shared/contract';
import { MESSAGE_CODES, type MessageCode } from '../../shared/messages/en';
import { say } from '../../shared/messages/say';
import { appError } from './app-error';

const isMessageCode = (text: string): text is MessageCode => (MESSAGE_CODES as readonly string[]).includes(text);

/**
 * The contract's checks say a message code; the issue's limits are its params. An issue zod words itself (a
 * wrong type, a missing field) can only come from a page that is not PayDesk's, so a plain refusal does.
 */
export function refusalOf(issue: z.core.$ZodIssue | undefined): AppError {
  const field = issue?.path.map(String).join('.') || null;
  if (!issue || !isMessageCode(issue.message)) return appError('invalid_input', say('input_invalid'), { field });
  const limits = {
    ...('maximum' in issue ? { max: Number(issue.maximum) } : {}),
    ...('minimum' in issue ? { min: Number(issue.minimum) } : {}),
  };
  return appError('invalid_input', { code: issue.message, params: limits }, { field });
}
