import type { MouseEvent } from 'react';
import type { ItemPreset } from '../../../shared/contract';
import type { Formats } from '../../../shared/messages/formats';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';

/** "৳500", "৳1,000", "৳150.50": a price tag, without the ".00" a whole sum does not need. */
export const priceTag = (minor: number, formats: Formats): string =>
  minor % 100 === 0 ? `৳${formats.count(minor / 100)}` : formats.money(minor);

const keepFocus = (event: MouseEvent) => event.preventDefault();

type Props = {
  amounts: readonly number[];
  presets: readonly ItemPreset[];
  onAmount(minor: number): void;
  onPreset(preset: ItemPreset): void;
  disabled: boolean;
};

/**
 * The shop's own amounts and items (Settings › The counter), one press each: the amount field takes the sum and
 * keeps the focus, so Enter makes the link. Out of the Tab order, like the keypad.
 */
export function QuickAmounts({ amounts, presets, onAmount, onPreset, disabled }: Props) {
  const { t, formats } = useLanguage();
  return (
    <>
      {amounts.length > 0 && (
        // Unlabelled, as each sum says what it is: an "amounts" label would be one more field called Amount.
        <div className="quick-amounts">
          {amounts.map((minor, i) => (
            <button
              key={`${i}-${minor}`}
              type="button"
              tabIndex={-1}
              disabled={disabled}
              onMouseDown={keepFocus}
              onClick={() => onAmount(minor)}
            >
              {priceTag(minor, formats)}
            </button>
          ))}
        </div>
      )}
      {presets.length > 0 && (
        <div className="item-presets" role="group" aria-label={t.itemPresetsLabel}>
          {presets.map((preset, i) => (
            <button
              key={`${i}-${preset.name}`}
              type="button"
              tabIndex={-1}
              disabled={disabled}
              onMouseDown={keepFocus}
              onClick={() => onPreset(preset)}
            >
              <span className="preset-name" lang={languageOf(preset.name)} translate="no">
                {preset.name}
              </span>
              <span className="preset-price">{priceTag(preset.priceMinor, formats)}</span>
            </button>
          ))}
        </div>
      )}
    </>
  );
}
