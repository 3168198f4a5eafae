import type { Phrasebook } from '../catalog';

/**
 * What setting up the shop can answer: profiles and their keys, the questions only the shopkeeper can answer
 * (asked by the main process in the shop's language), where keys are kept, and the shop's logo.
 */
export const setup = {
  profile_not_found: (p: { name: string }) => `There is no profile called “${p.name}”.`,
  no_active_profile: () => 'No merchant profile is active. Choose one in Settings.',
  profile_name_taken: (p: { name: string }) => `A profile called “${p.name}” already exists.`,
  sandbox_keeps_name: () => 'The sandbox profile keeps its name and stays a sandbox; add a new profile for your gateway.',
  sandbox_only_one: () => 'PayDesk has one sandbox, and it is there already; add a live profile for your gateway.',
  profile_mode_fixed: () => 'A profile stays live or sandbox once it exists; add a new profile instead.',
  /** `title`: the question that was not confirmed, as it was asked. */
  change_not_confirmed: (p: { title: string }) => `Nothing was saved: “${p.title}” was not confirmed.`,
  sandbox_not_removable: () => 'The sandbox profile cannot be removed; it is how PayDesk can be tried safely.',
  sandbox_needs_no_key: () => 'The sandbox needs no API key.',

  confirm_cancel: () => 'Cancel',
  confirm_gateway_title: () => 'Connect to this gateway?',
  confirm_gateway_message: (p: { origin: string }) => `PayDesk will connect to ${p.origin} for payment links.`,
  confirm_gateway_detail: () =>
    'Payment requests, and the API key once you enter it for this address, go there. Confirm only if it is your gateway, as shown on its API Settings page.',
  confirm_gateway_label: () => 'Connect',
  confirm_return_title: () => 'Send customers back through a new address?',
  confirm_return_message: (p: { origin: string }) => `Payment links will send customers back to ${p.origin}.`,
  confirm_return_detail: () =>
    'Every link made from now on gives that address the secret that marks the order paid. Confirm only if this is your own tunnel or server.',
  confirm_return_label: () => 'Use this address',
  confirm_listen_title: () => 'Open the return address to other devices?',
  confirm_listen_message: (p: { host: string }) => `PayDesk will listen on ${p.host}, not only on this computer.`,
  confirm_listen_label: () => 'Listen there',
  confirm_weak_title: () => 'Keep API keys under weak protection?',
  confirm_weak_message: () => 'This computer has no secure key store.',
  confirm_weak_detail: () =>
    'PayDesk would keep API keys on disk protected only by a fixed, publicly known password: anyone who copies PayDesk’s data folder could read them. Without this, keys are kept until PayDesk closes.',
  confirm_weak_label: () => 'Keep them anyway',

  // Which store it is (keychain, dpapi, gnome_libsecret, …) is VaultStatus.backend: a name for support, not a shopkeeper.
  vault_os_keychain: () => 'API keys are encrypted by this computer’s key store.',
  vault_weak_kept: () =>
    'This computer has no secure key store, and you chose to keep API keys anyway under weak protection: anyone who copies PayDesk’s data folder could read them.',
  vault_weak_session: () =>
    'This computer has no secure key store, so API keys are kept only until PayDesk closes. You can choose to keep them under weak protection instead.',
  vault_unavailable: () => 'This computer cannot encrypt API keys, so they are kept only until PayDesk closes.',

  /** `problem`: the file system's error code (ENOSPC, EACCES, …). */
  logo_write_failed: (p: { problem: string }) =>
    `PayDesk could not save the logo (${p.problem}); check that the disk has free space and try again.`,
  logo_empty: () => 'That file is empty; choose the logo picture again.',
  // No size is quoted: the main process stops reading just past the limit, so the length is not the file's.
  logo_too_big: () =>
    'That picture is larger than 512 KB, the most a logo can be; save it smaller (about 600 × 600 pixels is plenty for a receipt) and choose it again.',
  logo_svg: () =>
    'SVG pictures can carry hidden scripts, so PayDesk does not take them as a logo; save the logo as a PNG or JPEG picture and choose it again.',
  logo_not_picture: () =>
    'That file is not a PNG, JPEG or WebP picture, so PayDesk cannot use it as a logo; save the logo in one of those formats and choose it again.',
  logo_damaged: (p: { format: 'PNG' | 'JPEG' | 'WebP' }) =>
    `That ${p.format} picture is damaged or incomplete, so PayDesk cannot use it as a logo; save it again from your picture program and choose it again.`,
  logo_too_many_pixels: (p: { width: number; height: number; max: number }, f) =>
    `That picture is ${f.count(p.width)} × ${f.count(p.height)} pixels; a logo can be at most ${f.count(p.max)} × ${f.count(p.max)}. Make it smaller and choose it again.`,
} satisfies Phrasebook;
