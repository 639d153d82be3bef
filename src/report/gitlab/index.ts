export { gitlabReport, GITLAB_SCHEMA_VERSION } from './gitlab-report.js';
