/**
 * The one zod the shared model uses: the tree-shakable `zod/mini` build, with English messages.
 *
 * Why: the model's input checks run in the browser too; the classic API pulls all of zod into the
 * board page (about 24 KiB gzipped), the mini build only the checks used. Messages the model writes
 * itself stay as they are; the English locale covers zod's own (an unknown key, a wrong type). Only
 * that locale is imported: the locales index would load all 57 into the server.
 */
import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';

z.config(en());

export { z };
