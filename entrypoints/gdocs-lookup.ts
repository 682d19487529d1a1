// Google Docs's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { gdocsOwnership } from '@/utils/sites/gdocs';

export default defineUnlistedScript(() => provideLookup('gdocs', { gdocs: gdocsOwnership }));
