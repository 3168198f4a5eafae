import type { Phrasebook } from '../catalog';

/**
 * Refusals of what was typed, from the contract's checks and the amount parser. `max`/`min` come from the
 * check that refused (the router passes the zod issue's limits).
 */
export const input = {
  amount_empty: () => 'Enter an amount, for example 150.50.',
  amount_commas: () => 'Check the commas in that amount, for example 1,500.50.',
  amount_decimals: () => 'Taka amounts have at most two decimals (poisha), for example 150.50.',
  amount_not_number: () => 'Enter the amount as a number of taka, for example 150.50.',
  amount_too_large: () => 'That amount is too large.',
  amount_zero: () => 'The amount must be more than zero.',
  customer_name_too_long: (p: { max: number }, f) => `The customer name can be at most ${f.count(p.max)} characters.`,
  note_too_long: (p: { max: number }, f) => `The note can be at most ${f.count(p.max)} characters.`,
  update_feed_too_long: (p: { max: number }, f) => `The update feed's address can be at most ${f.count(p.max)} characters.`,
  search_too_long: (p: { max: number }, f) => `The search can be at most ${f.count(p.max)} characters.`,
  search_control_character: () => 'The search has a control character in it (perhaps pasted from another program); type it again.',
  email_invalid: () => 'That e-mail address does not look right, for example name@example.com.',
  day_format: () => 'Dates are written day/month/year, for example 1/12/2026.',
  date_range_reversed: () => 'The start date is after the end date.',
  profile_name_missing: () => 'Give the profile a name.',
  profile_name_too_long: (p: { max: number }, f) => `A profile name can be at most ${f.count(p.max)} characters.`,
  base_url_invalid: () => 'The Base URL must be a full web address starting with https:// (or http://).',
  return_base_url_invalid: () => 'The return address must be a full web address starting with https:// (or http://).',
  listen_host_invalid: () => 'Choose the address PayDesk listens on.',
  port_not_whole: () => 'The port is a whole number.',
  port_range: () => 'Ports go from 1 to 65535.',
  api_key_too_short: () => 'That API key looks too short; copy it again from the gateway’s API Settings page.',
  api_key_too_long: () => 'That API key is too long; copy it again from the gateway’s API Settings page.',
  api_key_characters: () => 'An API key has no spaces or special letters; copy it again from the gateway’s API Settings page.',
  shop_name_too_long: (p: { max: number }, f) => `The shop name can be at most ${f.count(p.max)} characters.`,
  shop_address_too_long: (p: { max: number }, f) => `The address can be at most ${f.count(p.max)} characters.`,
  shop_phone_too_long: (p: { max: number }, f) => `A phone number can be at most ${f.count(p.max)} characters.`,
  shop_phone_characters: () => 'A phone number has digits, spaces and + - ( ) only.',
  link_expiry_range: () => 'Links last from 1 hour to 30 days (720 hours).',
  mapping_transaction_id_missing: () => 'Choose the column with the transaction ID.',
  mapping_amount_missing: () => 'Choose the column with the amount.',
  mapping_time_missing: () => 'Choose the column with the date or time.',
  paid_reason_too_short: () => 'Say why this order is paid, for example “paid in cash at the counter”.',
  paid_reason_too_long: (p: { max: number }, f) => `The reason can be at most ${f.count(p.max)} characters.`,
} satisfies Phrasebook;
