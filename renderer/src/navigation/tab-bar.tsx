import { useRef, type KeyboardEvent } from 'react';

export type Tab<T extends string> = {
  id: T;
  label: string;
  /** The keys that open it from anywhere, as aria-keyshortcuts writes them ("F2 Control+N"). */
  shortcut?: string;
};

type Props<T extends string> = {
  tabs: readonly Tab<T>[];
  selected: T;
  /** `by`: a click (or Enter, Space) opens the screen to work in it; the arrow keys only move along the tabs. */
  onSelect(id: T, by: 'click' | 'arrows'): void;
  label: string;
};

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

/**
 * The top-level screens as a WAI-ARIA tab list: Tab reaches the selected tab, the arrow keys (and Home, End)
 * move between tabs and open them.
 */
export function TabBar<T extends string>({ tabs, selected, onSelect, label }: Props<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement | null>());

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id, 'arrows');
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <div className="tab-bar" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => void buttons.current.set(tab.id, element)}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          aria-keyshortcuts={tab.shortcut}
          onClick={() => onSelect(tab.id, 'click')}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
