// Asana's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { asanaOwnership } from '@/utils/sites/asana';

export default defineUnlistedScript(() => provideLookup('asana', { asana: asanaOwnership }));
