import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERT_TABS, useExpertsStore } from '../store';
import { DirectoryTab } from './DirectoryTab';
import { LocatorTab } from './LocatorTab';
import { ProfilePanel } from './ProfilePanel';
import { RiskTab } from './RiskTab';
import { SimulationTab } from './SimulationTab';
import '../experts.css';

/**
 * The Experts view (DESIGN §5.4): tabs Directory | Locator | Risk | Simulation (a tab list: ←/→ move between
 * tabs, the active tab remembered), and the open expert's profile as a side panel over any tab.
 */
export function ExpertsView() {
  const { t } = useTranslation('experts');
  const { tab, profileId, set } = useExpertsStore();
  const tabsRef = useRef<HTMLDivElement>(null);
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = EXPERT_TABS.indexOf(tab);
    const n = EXPERT_TABS.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    set({ tab: EXPERT_TABS[next]! });
    tabsRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className="experts-view" data-testid="experts-view">
      <div className="experts-header">
        <h2>{t('title')}</h2>
        <div ref={tabsRef} className="group tabs" role="tablist" aria-label={t('title')} onKeyDown={onTabKey}>
          {EXPERT_TABS.map((k) => (
            <button
              key={k}
              role="tab"
              id={`experts-tab-${k}`}
              aria-selected={tab === k}
              aria-controls="experts-tabpanel"
              tabIndex={tab === k ? 0 : -1}
              className={tab === k ? 'pressed' : ''}
              data-testid={`experts-tab-${k}`}
              onClick={() => set({ tab: k })}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="experts-body">
        <div
          className="experts-tabpanel"
          id="experts-tabpanel"
          role="tabpanel"
          aria-labelledby={`experts-tab-${tab}`}
        >
          {tab === 'directory' && <DirectoryTab />}
          {tab === 'locator' && <LocatorTab />}
          {tab === 'risk' && <RiskTab />}
          {tab === 'simulation' && <SimulationTab />}
        </div>
        {profileId && <ProfilePanel key={profileId} id={profileId} />}
      </div>
    </div>
  );
}
