export default {
  // The kinds of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  assessment: { what: 'Risk assessment', the: 'risk assessment' },
  criterion: { what: 'Risk criterion', the: 'risk criterion' },
  policy: { what: 'Risk policy', the: 'risk policy' },
  finding: 'Finding',
  partner: 'Partner',
  // What a colleague was doing when the partner turned out archived: "restore the partner before …".
  assessingIt: 'assessing it',
  recordingServiceChange: 'recording a change of its service',
  immutable: {
    approved: 'This assessment is approved and cannot be changed: start a new assessment instead',
    superseded: 'This assessment is superseded and cannot be changed: start a new assessment instead',
  },
  moved: 'The assessment moved to another partner meanwhile: reload and try again',
  draftExists: 'This partner already has a draft assessment: continue or delete it before starting another',
  noCriteria: 'The risk criteria catalogue is empty: an administrator adds criteria (or the starter set) under Risk policy first',
  criterionArchived: 'The criterion is archived: restore it before changing it',
  policyChanged: 'The risk policy was changed by someone else. Reload and try again.',
  // Four eyes: what the actor did to the assessment that keeps them from approving it.
  fourEyes: {
    started: 'Four eyes: you started this assessment, so another Partner Manager or administrator must approve it',
    changed: 'Four eyes: you last changed this assessment, so another Partner Manager or administrator must approve it',
    assessor: 'Four eyes: you are the assessor of this assessment, so another Partner Manager or administrator must approve it',
    started_changed: 'Four eyes: you started and last changed this assessment, so another Partner Manager or administrator must approve it',
    started_assessor: 'Four eyes: you started and are the assessor of this assessment, so another Partner Manager or administrator must approve it',
    changed_assessor: 'Four eyes: you last changed and are the assessor of this assessment, so another Partner Manager or administrator must approve it',
    started_changed_assessor: 'Four eyes: you started, last changed and are the assessor of this assessment, so another Partner Manager or administrator must approve it',
  },
  // What an approval still needs.
  incomplete: 'The assessment is not complete: {{missing}}',
  isMissing: '{{what}} is missing',
  missing: {
    noCriteria: 'The assessment has no criteria: add criteria to the catalogue and start a new one',
    assessor: 'Assessor',
    assessedOn: 'Assessed on',
    score: 'Score for “{{criterion}}”',
    list: '{{first}}; {{rest}}',
  },
  field: {
    inactiveUser: 'is not an active user',
    keyUsed: 'is already used by another criterion',
    unknownCriterion: 'is not a criterion of this assessment',
  },
};
