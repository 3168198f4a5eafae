import type { ProfileView } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';

type Props = {
  profile: ProfileView;
  editing: boolean;
  busy: boolean;
  onSwitch(): void;
  onEdit(): void;
  onRemove(): void;
};

/** One profile in the list: which gateway, whether it is in use, and what can be done with it. */
export function ProfileItem({ profile, editing, busy, onSwitch, onEdit, onRemove }: Props) {
  const { t } = useLanguage();
  const name = (
    <span className="visually-hidden" translate="no">
      {' '}
      {profile.name}
    </span>
  );
  return (
    <li
      className={`profile-item${profile.removed ? ' is-removed' : ''}${editing ? ' is-editing' : ''}`}
      aria-current={editing || undefined}
    >
      <div className="profile-summary">
        <span className="profile-title">
          <span lang={languageOf(profile.name)} translate="no">
            {profile.name}
          </span>
          <span className={`mode-chip mode-${profile.mode}`}>{profile.mode === 'live' ? t.modeLive : t.modeSandbox}</span>
          {profile.active && <span className="active-chip">{t.inUse}</span>}
        </span>
        <span className="profile-url mono" translate="no">
          {profile.baseUrl}
        </span>
        <span className="secondary-line">
          {profile.removed ? (
            t.removedNote
          ) : (
            <>
              {profile.apiKey.hint && (
                <span className="mono" translate="no">
                  {profile.apiKey.hint}
                </span>
              )}
              {profile.apiKey.hint && ' · '}
              <span data-key-state={profile.apiKey.state}>{t.keyShort[profile.apiKey.state]}</span>
            </>
          )}
        </span>
      </div>
      {!profile.removed && (
        <div className="profile-actions">
          {!profile.active && (
            <button type="button" className="secondary" onClick={onSwitch} disabled={busy}>
              {t.switchTo}
              {name}
            </button>
          )}
          <button type="button" className="secondary" onClick={onEdit}>
            {t.edit}
            {name}
          </button>
          {profile.mode !== 'sandbox' && (
            <button type="button" className="secondary danger-text" onClick={onRemove} disabled={busy}>
              {t.remove}
              {name}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
