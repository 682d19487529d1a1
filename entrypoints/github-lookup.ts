// GitHub's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from './page/lookup';
import { githubOwnership } from '@/utils/sites/github';

export default defineUnlistedScript(() => provideLookup('github', { github: githubOwnership }));
