import { checkValue, isValueCheck, VALUE_CHECKS } from '../../checks/value-check.js';
import { stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { ATTRIBUTES, type Attribute, imageAttribute, sizeInBytes } from './image-attributes.js';

const NO_VALUE_CHECKS = new Set(['exists', 'not_exists']);

const attributeTrigger: BuiltinTrigger = {
  name: 'attribute',
  description:
    'Fires when the image attribute satisfies the check against value: size in bytes (value N[kb|mb|gb|tb], 1024-based), layer_count as a number, the others as text.',
  params: [
    {
      name: 'attribute',
      type: 'enum',
      required: true,
      values: ATTRIBUTES,
      description: 'The image attribute to check.',
    },
    {
      name: 'check',
      type: 'enum',
      required: true,
      values: VALUE_CHECKS,
      description: 'The comparison (like = regex from the start; in = comma-separated list).',
    },
    {
      name: 'value',
      type: 'str',
      description: 'The value to compare with (every check but exists and not_exists needs one).',
    },
  ],
  evaluate(context, params) {
    const attribute = stringParam(params, 'attribute') as Attribute | undefined;
    const check = stringParam(params, 'check');
    if (
      !attribute ||
      !(ATTRIBUTES as readonly string[]).includes(attribute) ||
      !check ||
      !isValueCheck(check)
    )
      return [];
    const raw = stringParam(params, 'value');
    if (raw === undefined && !NO_VALUE_CHECKS.has(check)) return [];
    const numeric = attribute === 'size' || attribute === 'layer_count';
    const listy = check === 'in' || check === 'not_in' || check === 'like' || check === 'not_like';
    let expected: string | number | undefined = raw;
    if (raw !== undefined && numeric && !listy) {
      expected =
        attribute === 'size' ? sizeInBytes(raw) : Number.isInteger(Number(raw)) ? Number(raw) : undefined;
      if (expected === undefined) return [];
    }
    const actual = imageAttribute(context.sbom, attribute);
    if (!checkValue(actual, check, expected)) return [];
    const shown = NO_VALUE_CHECKS.has(check) ? check : `${check} ${raw ?? ''}`;
    return [
      {
        message: `Image ${attribute} is ${actual === undefined ? 'unknown' : String(actual)} (check: ${shown})`,
        identity: `${attribute} ${shown}`,
      },
    ];
  },
};

/** Checks on image metadata: size, architecture, OS, distro, layer count. */
export const metadataGate: BuiltinGate = {
  name: 'metadata',
  description: "Checks on the image's metadata: size, architecture, OS, distro and version, layer count.",
  state: 'active',
  triggers: [attributeTrigger],
};
