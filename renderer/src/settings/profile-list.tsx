import type { ProfileView } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { ProfileItem } from './profile-item';

type Props = {
  profiles: ProfileView[];
  /** The profile open in the form, if any. */
  editing: string | null;
  busy: boolean;
  onSwitch(name: string): void;
  onEdit(name: string): void;
  onRemove(name: string): void;
};

/** The shop's merchant profiles, the one in use first; removed ones last, muted and read-only. */
export function ProfileList({ profiles, editing, busy, onSwitch, onEdit, onRemove }: Props) {
  const { t } = useLanguage();
  const ordered = [...profiles].sort((a, b) => rank(a) - rank(b));
  return (
    <ul className="profile-list" aria-label={t.merchantProfiles}>
      {ordered.map((profile, index) => (
        <ProfileItem
          key={`${profile.removed ? 'removed' : 'current'}-${profile.name}-${index}`}
          profile={profile}
          editing={!profile.removed && profile.name === editing}
          busy={busy}
          onSwitch={() => onSwitch(profile.name)}
          onEdit={() => onEdit(profile.name)}
          onRemove={() => onRemove(profile.name)}
        />
      ))}
    </ul>
  );
}

const rank = (profile: ProfileView) => (profile.active ? 0 : profile.removed ? 2 : 1);
