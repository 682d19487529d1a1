/**
 * The prompt's own page: an extension page the content script shows in an iframe on the tool's
 * page (components/prompt/PromptHost.ts). The page around it cannot read or change anything in here (another
 * origin), so the report's name, the lead's words and the hand-back note never enter its DOM.
 * Everything arrives from and goes to the extension by runtime messaging: the prompt from the
 * background (what the content script staged for this tab), the answers to the background, and
 * what the content script must do about it (show the frame, give the keyboard back) straight to
 * the content script of the frame that asked (tabs.sendMessage to that tab and frame).
 */
import { mountPromptFrame } from '@/components/prompt/frame-page';

mountPromptFrame();
