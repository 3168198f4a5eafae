import type { Phrasebook } from '../catalog';

/** Refusals of the counter's own settings: its quick amounts, its items and the amount that asks first. */
export const counter = {
  counter_amount_range: () => 'An amount at the counter is a number of taka above zero, for example 500.',
  quick_amounts_too_many: (p: { max: number }, f) => `The counter keeps at most ${f.count(p.max)} quick amounts.`,
  item_presets_too_many: (p: { max: number }, f) => `The counter keeps at most ${f.count(p.max)} items.`,
  item_name_missing: () => 'Give the item a name, for example “Tea”.',
  item_name_too_long: (p: { max: number }, f) => `An item’s name can be at most ${f.count(p.max)} characters.`,
} satisfies Phrasebook;
