// Figma's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { figmaOwnership } from '@/utils/sites/figma';

export default defineUnlistedScript(() => provideLookup('figma', { figma: figmaOwnership }));
