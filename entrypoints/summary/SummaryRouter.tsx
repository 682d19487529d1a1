/**
 * The summary page's two views, chosen by the address: `#2026-W48` is the
 * weekly summary, `#2026-W48/<reportId>` one report's 1:1 page
 * (utils/reports/summary-route.ts reads it).
 */
import { useEffect, useState } from 'preact/hooks';
import { parseSummaryHash, type SummaryRoute } from '@/utils/reports/summary-route';
import { weekIdOf } from '@/utils/model/week';
import { OneOnOnePage } from '@/entrypoints/summary/OneOnOne';
import { Summary } from '@/entrypoints/summary/Summary';

const routeNow = (): SummaryRoute => parseSummaryHash(location.hash, weekIdOf(new Date()));

export function SummaryRouter() {
  const [route, setRoute] = useState<SummaryRoute>(routeNow);
  useEffect(() => {
    const onHash = () => {
      setRoute(routeNow());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route.page === 'week' ? <Summary /> : <OneOnOnePage route={route} />;
}
