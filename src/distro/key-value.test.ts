import { describe, expect, it } from 'vitest';
import { parseKeyValueFile } from './key-value.js';

describe('parseKeyValueFile', () => {
  it.each([
    ['ID=debian', { ID: 'debian' }],
    ['NAME="Debian GNU/Linux"', { NAME: 'Debian GNU/Linux' }],
    ["NAME='Single Quoted'", { NAME: 'Single Quoted' }],
    ['A="say \\"hi\\" \\$HOME \\\\ \\`x\\`"', { A: 'say "hi" $HOME \\ `x`' }],
    ['A="keep \\n as is"', { A: 'keep \\n as is' }],
    ['A=unquoted\\ escaped', { A: 'unquoted escaped' }],
    ['A="con"cat\'enated\'', { A: 'concatenated' }],
    ['# comment\n\n  ID=alpine  \n', { ID: 'alpine' }],
    ['not an assignment\nID=x', { ID: 'x' }],
    ['ID="unterminated\nVERSION_ID=1', { VERSION_ID: '1' }],
    ['ID=a\nID=b', { ID: 'b' }],
    ['ID=ubuntu\r\nVERSION_ID="22.04"\r\n', { ID: 'ubuntu', VERSION_ID: '22.04' }],
    ['EMPTY=', { EMPTY: '' }],
  ])('%j', (text, expected) => {
    expect(parseKeyValueFile(text)).toEqual(expected);
  });
});
