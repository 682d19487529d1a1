/** The fake Jira's issue view, as the bench's page runs type into it. */
export const SUMMARY_HEADING =
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]';
export const SUMMARY_EDITOR = 'textarea[data-testid$="summary.heading.writeable.field"]';
