import type { Phrasebook } from '../catalog';

/** What any operation can answer: the door of the router, and the unexpected. */
export const common = {
  unknown_operation: (p: { name: string }) => `PayDesk has no operation called “${p.name}”.`,
  untrusted_sender: () => 'This request did not come from the PayDesk window, so it was refused.',
  input_invalid: () => 'That input is not valid.',
  internal_error: () => 'Something went wrong inside PayDesk. Nothing was sent; please try again.',
  core_unreachable: () => 'PayDesk could not reach its core. Please restart PayDesk if this keeps happening.',
} satisfies Phrasebook;
