import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, ShopDetails } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { ShopLogo } from './shop-logo';

type Fields = { name: string; address: string; phone: string };
type FieldName = keyof Fields;

const EMPTY: Fields = { name: '', address: '', phone: '' };
const isFieldName = (name: string | null): name is FieldName => name !== null && Object.hasOwn(EMPTY, name);

/** The shop as printed on receipts: name, address, phone and an optional logo. */
export function ShopDetailsForm() {
  const { t } = useLanguage();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [logo, setLogo] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});

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
  }, []);

  const edit = (name: FieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setFieldErrors(({ [name]: _fixed, ...others }) => others);
    setSaved(false);
  };
  const bind = (name: FieldName) => (element: HTMLInputElement | null) => {
    inputs.current[name] = element;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    setFieldErrors({});
    const reply = await callPaydesk('saveShopDetails', fields);
    setSaving(false);
    if (reply.ok) {
      show(reply.value);
      setSaved(true);
      return;
    }
    const { field } = reply.error;
    if (reply.error.kind === 'invalid_input' && isFieldName(field)) {
      setFieldErrors({ [field]: reply.error.message });
      inputs.current[field]?.focus();
    } else {
      setError(reply.error);
    }
  }

  return (
    <form className="shop-form" onSubmit={submit} noValidate aria-busy={saving || !loaded}>
      <TextField
        id="shop-name"
        label={t.shopName}
        value={fields.name}
        onChange={edit('name')}
        error={fieldErrors.name}
        autoComplete="organization"
        maxLength={100}
        inputRef={bind('name')}
      />
      <TextField
        id="shop-address"
        label={t.shopAddress}
        value={fields.address}
        onChange={edit('address')}
        error={fieldErrors.address}
        autoComplete="street-address"
        maxLength={300}
        inputRef={bind('address')}
      />
      <TextField
        id="shop-phone"
        label={t.shopPhone}
        type="tel"
        value={fields.phone}
        onChange={edit('phone')}
        error={fieldErrors.phone}
        autoComplete="tel"
        maxLength={40}
        inputRef={bind('phone')}
      />
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
