/**
 * The usual start: Chromium with the extension, Jira served on its real
 * origin with Dana signed in, and Dana's team imported (Alice and Bob
 * report to her; Carol does not).
 */
import { launchExtension, type ExtensionBrowser, type LaunchOptions } from './extension';
import { serveFakeJira, type FakeJira, type FakeJiraIssue } from './fake-jira';
import { dana, rosterBackup } from './roster';
import { importBackupFile } from './steps';

export async function startLeadOnJira(
  issues: Record<string, FakeJiraIssue>,
  options: LaunchOptions = {},
): Promise<{ ext: ExtensionBrowser; jira: FakeJira; importStatus: string }> {
  const ext = await launchExtension(options);
  const jira = await serveFakeJira(ext.context, { myself: dana, issues });
  const { page, status } = await importBackupFile(ext, rosterBackup);
  await page.close();
  return { ext, jira, importStatus: status };
}
