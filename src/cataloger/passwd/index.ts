export {
  createPasswdCataloger,
  passwdCataloger,
  wantsPasswdPath,
  PASSWD_CATALOGER,
} from './passwd-cataloger.js';
export { parsePasswd, parseGroup, parseShadow, type ColonLine } from './colon-file.js';
export { buildAccounts, isLoginShell } from './accounts.js';
