-- Submission details the first schema lacked.

-- Conflicts that authors declare by e-mail when they submit. The committee may not exist yet, so they are
-- kept by address; the committee room matches them to members (and turns them into `conflicts` rows).
CREATE TABLE declared_conflicts (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  email         TEXT NOT NULL,                   -- normalised
  type          TEXT NOT NULL CHECK (type IN ('collaborator', 'advisor', 'institutional', 'personal', 'other')),
  PRIMARY KEY (submission_id, email)
);

-- What preflight measured and what the uploader called the file.
ALTER TABLE submission_versions ADD COLUMN paper_size TEXT NOT NULL DEFAULT '';
ALTER TABLE submission_versions ADD COLUMN file_name TEXT NOT NULL DEFAULT '';

-- The identifier a submission had in the system it was imported from ("hotcrp:17").
ALTER TABLE submissions ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX submissions_external ON submissions(conference_id, external_id) WHERE external_id IS NOT NULL;
