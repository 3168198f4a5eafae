import { useEffect, useState, type FormEvent } from 'react';
import type { ShopDetails } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { fieldIn, useFormReply } from '../use-form-reply';
import { ShopLogo } from './shop-logo';

type Fields = { name: string; address: string; phone: string };
type FieldName = keyof Fields;

const EMPTY: Fields = { name: '', address: '', phone: '' };
const fieldOf = fieldIn(EMPTY);

/** The fields in the order they are asked for, with what each input says about itself. */
const FIELDS = [
  { name: 'name', id: 'shop-name', label: 'shopName', autoComplete: 'organization', maxLength: 100 },
  { name: 'address', id: 'shop-address', label: 'shopAddress', autoComplete: 'street-address', maxLength: 300 },
  { name: 'phone', id: 'shop-phone', label: 'shopPhone', type: 'tel', autoComplete: 'tel', maxLength: 40 },
] as const;

/** The shop as printed on receipts: name, address, phone and an optional logo. */
export function ShopDetailsForm() {
  const { t } = useLanguage();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [logo, setLogo] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy: saving, error, setError, fieldErrors, bind, clearFieldError, clearFieldErrors, send } = useFormReply(fieldOf);
  const [saved, setSaved] = useState(false);

  const show = (shop: ShopDetails) => {
    setFields({ name: shop.name, address: shop.address, phone: shop.phone });
    setLogo(shop.logoDataUrl);
  };

  useEffect(() => {
    let current = true;
    void callPaydesk('getShopDetails', {}).then((reply) => {
      if (!current) return;
      if (reply.ok) show(reply.value);
      else setError(reply.error);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [setError]);

  const edit = (name: FieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    clearFieldError(name);
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    clearFieldErrors();
    await send(
      () => callPaydesk('saveShopDetails', fields),
      (shop) => {
        show(shop);
        setSaved(true);
      },
    );
  }

  return (
    <form className="shop-form" onSubmit={submit} noValidate aria-busy={saving || !loaded}>
      {FIELDS.map(({ name, label, ...input }) => (
        <TextField
          key={name}
          {...input}
          label={t[label]}
          value={fields[name]}
          onChange={edit(name)}
          error={fieldErrors[name]}
          inputRef={bind(name)}
        />
      ))}
      <ShopLogo logoDataUrl={logo} onChanged={(shop) => setLogo(shop.logoDataUrl)} />
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || !loaded}>
          {saving ? t.saving : t.saveShopDetails}
        </button>
        <p className="saved-inline" role="status">
          {saved && t.shopSaved}
        </p>
      </div>
    </form>
  );
}
