// "On this page" for sites the lead added (their owner comes from claims: no lookup), injected by
// the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';

export default defineUnlistedScript(() => provideLookup('custom', {}));
