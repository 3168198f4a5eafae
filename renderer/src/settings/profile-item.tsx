import type { ProfileView } from '../../../shared/contract';
import { languageOf } from '../language-of';

type Props = {
  profile: ProfileView;
  editing: boolean;
  busy: boolean;
  onSwitch(): void;
  onEdit(): void;
  onRemove(): void;
};

const KEY_SHORT: Record<ProfileView['apiKey']['state'], string> = {
  saved: 'key saved',
  session: 'key kept until PayDesk closes',
  missing: 'no API key yet',
  needs_reentry: 'enter the key again',
  not_needed: 'no key needed',
};

/** One profile in the list: which gateway, whether it is in use, and what can be done with it. */
export function ProfileItem({ profile, editing, busy, onSwitch, onEdit, onRemove }: Props) {
  const name = <span className="visually-hidden"> {profile.name}</span>;
  return (
    <li
      className={`profile-item${profile.removed ? ' is-removed' : ''}${editing ? ' is-editing' : ''}`}
      aria-current={editing || undefined}
    >
      <div className="profile-summary">
        <span className="profile-title">
          <span lang={languageOf(profile.name)}>{profile.name}</span>
          <span className={`mode-chip mode-${profile.mode}`}>{profile.mode === 'live' ? 'Live' : 'Sandbox'}</span>
          {profile.active && <span className="active-chip">In use</span>}
        </span>
        <span className="profile-url mono">{profile.baseUrl}</span>
        <span className="secondary-line">
          {profile.removed ? (
            'Removed — its orders are kept, read-only'
          ) : (
            <>
              {profile.apiKey.hint && <span className="mono">{profile.apiKey.hint}</span>}
              {profile.apiKey.hint && ' · '}
              <span data-key-state={profile.apiKey.state}>{KEY_SHORT[profile.apiKey.state]}</span>
            </>
          )}
        </span>
      </div>
      {!profile.removed && (
        <div className="profile-actions">
          {!profile.active && (
            <button type="button" className="secondary" onClick={onSwitch} disabled={busy}>
              Switch to{name}
            </button>
          )}
          <button type="button" className="secondary" onClick={onEdit}>
            Edit{name}
          </button>
          {profile.mode !== 'sandbox' && (
            <button type="button" className="secondary danger-text" onClick={onRemove} disabled={busy}>
              Remove{name}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
