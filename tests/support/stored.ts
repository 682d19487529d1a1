/**
 * What the background has stored, read in its own database from the service worker (the only
 * place the records live): for tests that check the stored state rather than a page's account of it.
 */
import type { ExtensionBrowser } from './extension';

/** The intervention on the artifact `key`, as stored (undefined: none). */
export async function storedIntervention(
  ext: ExtensionBrowser,
  key: string,
): Promise<{ activeMs: number; status: string } | undefined> {
  return (await ext.worker()).evaluate(
    (k) =>
      new Promise<any>((resolve, reject) => {
        const open = indexedDB.open('pullback');
        open.onsuccess = () => {
          const req = open.result
            .transaction('interventions')
            .objectStore('interventions')
            .getAll();
          req.onsuccess = () => (
            open.result.close(),
            resolve(req.result.find((r: any) => r.artifact.key === k))
          );
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    key,
  );
}
