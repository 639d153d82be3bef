import { DEFAULT_GRADE_THRESHOLDS, GRADES, type Grade, healthGrade, isWorse } from '../../grade/index.js';
import type { GradeThresholds } from '../../types.js';
import { stringParam } from '../../trigger-params/read-params.js';
import type { GateContext, BuiltinGate } from '../types.js';

/** The bundle's grade thresholds, when the evaluator passes them along with the context. */
type GradedContext = GateContext & { gradeThresholds?: GradeThresholds };

/** Customs' health grade (A–F, from how long critical/high fixes have been left uninstalled). */
export const gradeGate: BuiltinGate = {
  name: 'grade',
  description:
    "Checks the image's health grade (A–F), computed from how long fixes for critical and high vulnerabilities have been available but not installed.",
  state: 'active',
  triggers: [
    {
      name: 'minimum_grade',
      description:
        "Fires when the image's grade is worse than the given one. Needs a vulnerability scan; without one it cannot decide and does not fire.",
      params: [
        {
          name: 'grade',
          type: 'enum',
          required: true,
          values: GRADES,
          description: 'The worst acceptable grade, A (best) to F.',
        },
      ],
      evaluate(context: GradedContext, params) {
        const minimum = stringParam(params, 'grade')?.toUpperCase() as Grade | undefined;
        if (!context.scan || !minimum || !GRADES.includes(minimum)) return [];
        const result = healthGrade(
          context.scan,
          context.gradeThresholds ?? DEFAULT_GRADE_THRESHOLDS,
          context.now,
        );
        if (!isWorse(result.grade, minimum)) return [];
        return [
          {
            message: `Image grade ${result.grade} is worse than the minimum ${minimum}: ${result.reason}`,
            identity: `grade ${result.grade} below ${minimum}`,
          },
        ];
      },
    },
  ],
};
