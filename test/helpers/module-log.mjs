// `node --import ./module-log.mjs`: appends the URL of every module the process loads to the
// file named by $CUSTOMS_MODULE_LOG (tests of what a command loads).
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { file: process.env.CUSTOMS_MODULE_LOG } });
