import { useRef, useState, type FormEvent } from 'react';
import type { AppError, ReconciliationReport, StatementMapping, StatementPreview } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { callPaydesk } from '../paydesk-call';
import { DataText } from '../data-text';

type Field = keyof StatementMapping;
type Draft = Record<Field, string>;

const REQUIRED = ['transactionId', 'amount', 'time'] as const satisfies readonly Field[];
const FIELDS: readonly Field[] = [...REQUIRED, 'sender', 'reference'];
const isRequired = (field: Field): field is (typeof REQUIRED)[number] => (REQUIRED as readonly Field[]).includes(field);

const selectId = (field: Field) => `mapping-${field}`;

type Props = {
  preview: StatementPreview;
  onImported(report: ReconciliationReport): void;
  onCancel(): void;
};

/**
 * The statement's first lines as the file has them, and which column holds what: pre-filled with the profile's
 * remembered mapping or the guess from the headers, checked by the shopkeeper, then imported.
 */
export function StatementMappingForm({ preview, onImported, onCancel }: Props) {
  const { t, formats, say } = useLanguage();
  const [draft, setDraft] = useState<Draft>(() => {
    const suggested = preview.suggested ?? {};
    const known = (column: string | undefined) => (column && preview.headers.includes(column) ? column : '');
    return Object.fromEntries(FIELDS.map((field) => [field, known(suggested[field])])) as Draft;
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [importing, setImporting] = useState(false);
  const selects = useRef(new Map<Field, HTMLSelectElement | null>());

  const fieldOf = new Map(FIELDS.filter((field) => draft[field]).map((field) => [draft[field], field]));

  function choose(field: Field, column: string) {
    setDraft((d) => ({ ...d, [field]: column }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (importing) return;
    const missing = REQUIRED.filter((field) => !draft[field]);
    if (missing.length) {
      setFieldErrors(Object.fromEntries(missing.map((field) => [field, t.columnRequired[field]])));
      selects.current.get(missing[0]!)?.focus();
      return;
    }
    setImporting(true);
    setError(null);
    const mapping: StatementMapping = {
      transactionId: draft.transactionId,
      amount: draft.amount,
      time: draft.time,
      ...(draft.sender ? { sender: draft.sender } : {}),
      ...(draft.reference ? { reference: draft.reference } : {}),
    };
    const reply = await callPaydesk('importStatement', { token: preview.token, mapping });
    setImporting(false);
    if (reply.ok) return onImported(reply.value);
    // The router names a field as its path ("mapping.amount"); the core names the mapping as a whole.
    const field = reply.error.field?.replace(/^mapping\./, '') as Field | undefined;
    if (reply.error.kind === 'invalid_input' && field && FIELDS.includes(field)) {
      setFieldErrors({ [field]: say(reply.error) });
      selects.current.get(field)?.focus();
    } else setError(reply.error);
  }

  return (
    <form className="statement-mapping" onSubmit={submit} noValidate aria-busy={importing} aria-labelledby="mapping-title">
      <p className="statement-file">
        <DataText text={t.statementFile(preview.fileName)} data={[preview.fileName]} />
        <span className="muted"> · {t.statementRows(preview.totalRows, formats.count(preview.totalRows))}</span>
      </p>

      <div className="statement-preview" role="region" aria-labelledby="preview-caption" tabIndex={0}>
        <table>
          <caption id="preview-caption">{t.previewCaption(formats.count(preview.rows.length), formats.count(preview.totalRows))}</caption>
          <thead>
            <tr>
              {preview.headers.map((header, column) => {
                const field = fieldOf.get(header);
                return (
                  <th key={column} scope="col" className={field ? 'is-mapped' : undefined}>
                    <span className="column-name" lang={languageOf(header)} translate="no">
                      {header}
                    </span>
                    {field && <span className="column-field">{t.mappingFields[field]}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td
                    key={column}
                    className={fieldOf.has(preview.headers[column]!) ? 'is-mapped' : undefined}
                    lang={languageOf(cell)}
                    translate="no"
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="mapping-title">{t.mappingTitle}</h3>
      <p className="mapping-intro muted">{t.mappingIntro}</p>
      <div className="mapping-fields">
        {FIELDS.map((field) => {
          const message = fieldErrors[field];
          const id = selectId(field);
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>
                {t.mappingFields[field]}
                {!isRequired(field) && <span className="optional"> {t.optional}</span>}
              </label>
              <select
                id={id}
                ref={(element) => void selects.current.set(field, element)}
                value={draft[field]}
                onChange={(event) => choose(field, event.target.value)}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${id}-error` : undefined}
                required={isRequired(field)}
              >
                <option value="">{isRequired(field) ? t.chooseColumn : t.noColumn}</option>
                {preview.headers.map((header, column) => (
                  <option key={column} value={header} translate="no">
                    {header}
                  </option>
                ))}
              </select>
              {message && (
                <p className="field-error" id={`${id}-error`}>
                  {message}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="confirm" disabled={importing}>
          {importing ? t.importing : t.importNow}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={importing}>
          {t.discardStatement}
        </button>
      </div>
    </form>
  );
}
