// Asana tasks.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from './page/content-script';
import { asana } from '@/utils/sites/asana';

export default defineContentScript(contentScriptFor([asana]));
