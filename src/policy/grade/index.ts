export { DEFAULT_GRADE_THRESHOLDS, GRADES, healthGrade, isWorse } from './health-grade.js';
export type { Grade, HealthGrade } from './health-grade.js';
