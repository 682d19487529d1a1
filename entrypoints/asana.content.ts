// Asana tasks.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/utils/content-script';
import { asana } from '@/utils/sites/asana';

export default defineContentScript(contentScriptFor([asana]));
