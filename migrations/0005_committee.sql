-- The programme committee: invitations and their answers, reviewer profiles with past papers, conflicts of
-- interest that chairs review, and the indexes bids and affinities are read by.

-- A member is invited as pc or senior_pc; the role is granted in conference_roles when they accept (and
-- revoked when they decline), so access follows the answer.
ALTER TABLE committee_members ADD COLUMN role TEXT NOT NULL DEFAULT 'pc' CHECK (role IN ('pc', 'senior_pc'));
ALTER TABLE committee_members ADD COLUMN invited_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE committee_members ADD COLUMN invited_at TEXT;
ALTER TABLE committee_members ADD COLUMN responded_at TEXT;

-- People who already hold a committee role are members who accepted.
INSERT INTO committee_members(conference_id, person_id, status, role, updated_at)
  SELECT conference_id, person_id, 'accepted',
         CASE WHEN SUM(role = 'senior_pc') > 0 THEN 'senior_pc' ELSE 'pc' END, MIN(granted_at)
  FROM conference_roles WHERE role IN ('pc', 'senior_pc')
  GROUP BY conference_id, person_id
  ON CONFLICT(conference_id, person_id) DO NOTHING;

-- Past papers a member uploaded to describe their expertise: only the text poppler extracted is kept
-- (bounded by the service), never the file.
CREATE TABLE committee_papers (
  id            INTEGER PRIMARY KEY,
  conference_id INTEGER NOT NULL,
  person_id     INTEGER NOT NULL,
  file_sha256   TEXT NOT NULL,
  file_name     TEXT NOT NULL DEFAULT '',
  pages         INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  UNIQUE (conference_id, person_id, file_sha256),
  FOREIGN KEY (conference_id, person_id) REFERENCES committee_members(conference_id, person_id) ON DELETE CASCADE
);

-- Who decided a conflict (confirmed or dismissed it) and when.
ALTER TABLE conflicts ADD COLUMN decided_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE conflicts ADD COLUMN decided_at TEXT;
ALTER TABLE conflicts ADD COLUMN updated_at TEXT;

CREATE INDEX bids_person ON bids(person_id);
CREATE INDEX affinities_person ON affinities(person_id);
CREATE INDEX declared_conflicts_email ON declared_conflicts(email);
