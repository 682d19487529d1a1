/**
 * Options: who I am, my reports, timing, tools, pages assigned to reports,
 * the weekly summary, my own sites, pages Pullback could not read, my data
 * (retention, forgetting), what follows me to my other browsers and the backup. Each section keeps its own state
 * (sections/); all of them save the same way, as changes are made
 * (autosave.ts), with the saved state always in view.
 */
import { useEffect } from 'preact/hooks';
import { guardLeaving, useStoredSettings } from '@/entrypoints/options/autosave';
import { SaveStatus } from '@/entrypoints/options/SaveStatus';
import { BackupSection } from '@/entrypoints/options/sections/BackupSection';
import { ClaimsSection } from '@/entrypoints/options/sections/ClaimsSection';
import { HealthSection } from '@/entrypoints/options/sections/HealthSection';
import { MeSection } from '@/entrypoints/options/sections/MeSection';
import { PrivacySection } from '@/entrypoints/options/sections/PrivacySection';
import { ReportsSection } from '@/entrypoints/options/sections/ReportsSection';
import { SyncSection } from '@/entrypoints/options/sections/SyncSection';
import { CustomSites } from '@/entrypoints/options/sections/SitesSection';
import { TimingSection } from '@/entrypoints/options/sections/TimingSection';
import { AskingSection } from '@/entrypoints/options/sections/AskingSection';
import { ToolsSection } from '@/entrypoints/options/sections/ToolsSection';
import { WeeklySection } from '@/entrypoints/options/sections/WeeklySection';

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
