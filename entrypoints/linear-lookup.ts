// Linear's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { linearOwnership } from '@/utils/sites/linear';

export default defineUnlistedScript(() => provideLookup('linear', { linear: linearOwnership }));
