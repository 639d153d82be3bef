import { describe, expect, it } from 'vitest';
import { childNamed, isNil, parseXml, XmlSyntaxError } from './xml-reader.js';

describe('parseXml', () => {
  it('resolves namespaces of elements and attributes, whatever the prefixes', () => {
    const root = parseXml(
      '<a:root xmlns:a="urn:a" xmlns="urn:default" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><child id="1" xsi:nil="true"/><a:other>t</a:other></a:root>',
    );
    expect(root).toMatchObject({ ns: 'urn:a', name: 'root' });
    const child = childNamed(root, 'child', 'urn:default')!;
    expect(child.attrs.id).toBe('1');
    expect(isNil(child)).toBe(true);
    expect(childNamed(root, 'other', 'urn:a')?.text).toBe('t');
    expect(childNamed(root, 'other', 'urn:default')).toBeUndefined();
  });

  it('joins text, CDATA and entities, and drops comments', () => {
    const root = parseXml('<r>a &amp; <![CDATA[<b>]]><!-- no -->c</r>');
    expect(root.text).toBe('a & <b>c');
  });

  it('throws XmlSyntaxError on malformed input', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<p:a/>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('')).toThrow(XmlSyntaxError);
  });
});
