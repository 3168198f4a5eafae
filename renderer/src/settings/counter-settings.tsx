import { useState, type FormEvent } from 'react';
import type { AppError, ItemPreset } from '../../../shared/contract';
import { parseAmount, type AmountParse } from '../../../shared/money';
import type { Language } from '../../../shared/messages/catalog';
import type { Formats } from '../../../shared/messages/formats';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { typedAmount } from '../payment-link/amount-typing';
import { TextField } from '../text-field';

const MAX_QUICK_AMOUNTS = 8;
const MAX_ITEMS = 24;

type ItemDraft = { name: string; price: string };

/** An amount as the field shows it: "50,000" (grouped, as it reads best), "150.50". */
const shown = (minor: number, formats: Formats, language: Language) =>
  minor % 100 === 0 ? formats.count(minor / 100) : typedAmount(minor, language);

/** What a filled-in amount says: nothing for a left-empty one (it is dropped), else parseAmount's answer. */
const checked = (text: string): AmountParse | null => (text.trim() === '' ? null : parseAmount(text));

/**
 * The counter's own amounts (Settings): the quick amounts the Payments screen offers, the shop's items with their
 * prices, and the amount above which a link is made only after the shopkeeper confirms it. Saved together.
 */
export function CounterSettings() {
  const { t, language, formats, say, preferences, savePreferences } = useLanguage();
  const [amounts, setAmounts] = useState(() => preferences.quickAmountsMinor.map((minor) => shown(minor, formats, language)));
  const [items, setItems] = useState<ItemDraft[]>(() =>
    preferences.itemPresets.map((item) => ({ name: item.name, price: shown(item.priceMinor, formats, language) })),
  );
  const [threshold, setThreshold] = useState(() => shown(preferences.confirmAboveMinor, formats, language));
  const [showChecks, setShowChecks] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const changed = () => {
    setSaved(false);
    setShowChecks(false);
  };
  const refusal = (parse: AmountParse | null) => (showChecks && parse && !parse.ok ? say({ code: parse.code, params: {} }) : null);

  const amountChecks = amounts.map(checked);
  const itemChecks = items.map((item) => ({
    name: item.name.trim() === '' && item.price.trim() !== '' ? say({ code: 'item_name_missing', params: {} }) : null,
    price: item.name.trim() !== '' ? parseAmount(item.price) : checked(item.price),
  }));
  const thresholdCheck = parseAmount(threshold);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setShowChecks(true);
    const bad =
      amountChecks.some((parse) => parse && !parse.ok) || itemChecks.some((check) => check.name || (check.price && !check.price.ok));
    if (bad || !thresholdCheck.ok) return;
    const quickAmountsMinor = amountChecks.flatMap((parse) => (parse?.ok ? [parse.minor] : []));
    const itemPresets: ItemPreset[] = items.flatMap((item, i) => {
      const price = itemChecks[i]!.price;
      return item.name.trim() !== '' && price?.ok ? [{ name: item.name.trim(), priceMinor: price.minor }] : [];
    });
    setSaving(true);
    setError(null);
    const reply = await savePreferences({ ...preferences, quickAmountsMinor, itemPresets, confirmAboveMinor: thresholdCheck.minor });
    setSaving(false);
    if (!reply.ok) return setError(reply.error);
    setSaved(true);
    setShowChecks(false);
  }

  return (
    <form className="counter-settings" onSubmit={save} noValidate aria-busy={saving}>
      <fieldset className="quick-amounts-editor">
        <legend>{t.quickAmountsLabel}</legend>
        <div className="quick-amount-fields">
          {amounts.map((text, i) => {
            const n = formats.count(i + 1);
            const problem = refusal(amountChecks[i]!);
            return (
              <div className="quick-amount-field" key={i}>
                <div className={`amount-input small${problem ? ' has-error' : ''}`}>
                  <span className="currency" aria-hidden="true">
                    ৳
                  </span>
                  <input
                    aria-label={t.quickAmountField(n)}
                    inputMode="decimal"
                    autoComplete="off"
                    value={text}
                    aria-invalid={problem ? true : undefined}
                    onChange={(event) => {
                      setAmounts((all) => all.map((other, j) => (j === i ? event.target.value : other)));
                      changed();
                    }}
                  />
                  <button
                    type="button"
                    className="remove-small"
                    aria-label={t.removeQuickAmount(n)}
                    onClick={() => {
                      setAmounts((all) => all.filter((_, j) => j !== i));
                      changed();
                    }}
                  >
                    ×
                  </button>
                </div>
                {problem && <p className="field-error">{problem}</p>}
              </div>
            );
          })}
          {amounts.length < MAX_QUICK_AMOUNTS && (
            <button type="button" className="secondary small" onClick={() => setAmounts((all) => [...all, ''])}>
              {t.addQuickAmount}
            </button>
          )}
        </div>
        <p className="field-hint">{t.quickAmountsHint(formats.count(MAX_QUICK_AMOUNTS))}</p>
      </fieldset>

      <fieldset className="items-editor">
        <legend>{t.itemPresetsLabel}</legend>
        {items.map((item, i) => {
          const n = formats.count(i + 1);
          const priceProblem = refusal(itemChecks[i]!.price);
          const nameProblem = showChecks ? itemChecks[i]!.name : null;
          return (
            <div className="item-row" key={i}>
              <TextField
                id={`item-name-${i}`}
                label={t.itemName}
                maxLength={40}
                autoComplete="off"
                value={item.name}
                error={nameProblem}
                onChange={(name) => {
                  setItems((all) => all.map((other, j) => (j === i ? { ...other, name } : other)));
                  changed();
                }}
              />
              <TextField
                id={`item-price-${i}`}
                label={t.itemPrice}
                inputMode="decimal"
                autoComplete="off"
                value={item.price}
                error={priceProblem}
                onChange={(price) => {
                  setItems((all) => all.map((other, j) => (j === i ? { ...other, price } : other)));
                  changed();
                }}
              />
              <button
                type="button"
                className="secondary small"
                aria-label={t.removeItem(n)}
                onClick={() => {
                  setItems((all) => all.filter((_, j) => j !== i));
                  changed();
                }}
              >
                ×
              </button>
            </div>
          );
        })}
        {items.length < MAX_ITEMS && (
          <button type="button" className="secondary small" onClick={() => setItems((all) => [...all, { name: '', price: '' }])}>
            {t.addItem}
          </button>
        )}
        <p className="field-hint">{t.itemsHint}</p>
      </fieldset>

      <TextField
        id="confirm-above"
        label={t.confirmAboveLabel}
        inputMode="decimal"
        autoComplete="off"
        className="threshold"
        value={threshold}
        onChange={(value) => {
          setThreshold(value);
          changed();
        }}
        error={showChecks && !thresholdCheck.ok ? say({ code: thresholdCheck.code, params: {} }) : null}
        hint={t.confirmAboveHint}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t.saving : t.saveAmounts}
        </button>
        <p className="saved-inline" role="status">
          {saved && t.amountsSaved}
        </p>
      </div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
