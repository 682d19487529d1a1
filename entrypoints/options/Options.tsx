/**
 * Options: who I am, my reports, timing, tools, pages assigned to reports,
 * the weekly summary, my own sites, pages Pullback could not read, my data
 * (retention, forgetting), what follows me to my other browsers and the backup. Each section keeps its own state
 * (sections/); all of them save the same way, as changes are made
 * (autosave.ts), with the saved state always in view.
 */
import { useEffect } from 'preact/hooks';
import { guardLeaving, useStoredSettings } from './autosave';
import { SaveStatus } from './SaveStatus';
import { BackupSection } from './sections/BackupSection';
import { ClaimsSection } from './sections/ClaimsSection';
import { HealthSection } from './sections/HealthSection';
import { MeSection } from './sections/MeSection';
import { PrivacySection } from './sections/PrivacySection';
import { ReportsSection } from './sections/ReportsSection';
import { SyncSection } from './sections/SyncSection';
import { CustomSites } from './sections/SitesSection';
import { TimingSection } from './sections/TimingSection';
import { AskingSection } from './sections/AskingSection';
import { ToolsSection } from './sections/ToolsSection';
import { WeeklySection } from './sections/WeeklySection';

export function Options() {
  const settings = useStoredSettings();
  useEffect(guardLeaving, []);
  return (
    <main aria-busy={!settings}>
      <h1>Pullback: roster and settings</h1>
      <p class="muted">
        Your records stay in this browser; your roster and settings also follow you through your
        browser’s own sync (see On your other browsers). Pullback has no account and sends nothing
        anywhere itself.
      </p>
      <SaveStatus />
      {settings && (
        <>
          <MeSection settings={settings} />
          <ReportsSection settings={settings} />
          <AskingSection settings={settings} />
          <TimingSection settings={settings} />
          <ToolsSection settings={settings} />
          <ClaimsSection settings={settings} />
          <WeeklySection settings={settings} />
          <CustomSites sites={settings.customSites} />
          <HealthSection />
          <PrivacySection settings={settings} />
          <SyncSection />
          <BackupSection />
        </>
      )}
    </main>
  );
}
