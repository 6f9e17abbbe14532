import { useEffect, useState } from 'react';
import { THEMES, type Settings } from '../../shared/contract.ts';
import { useWorkspaceContext } from './context.tsx';
import { ChoiceField } from '../components/controls.tsx';

const LABELS: Record<Settings['theme'], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Light and dark follow the system unless the user picks one; the choice is a saved setting. */
export function ThemePicker() {
  const { api } = useWorkspaceContext();
  const [theme, setTheme] = useState<Settings['theme']>('system');
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.getSettings({}).then((result) => {
      if (live && result.ok) {
        setTheme(result.value.theme);
        applyTheme(result.value.theme);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);
  const choose = (next: Settings['theme']) => {
    setTheme(next);
    applyTheme(next);
    void api?.updateSettings({ settings: { theme: next } });
  };
  return (
    <ChoiceField id="theme-picker" label="Theme" className="field theme-picker" value={theme}
      options={THEMES.map((option) => ({ value: option, label: LABELS[option] }))}
      onChange={(value) => choose(value as Settings['theme'])} />
  );
}
