-- ConfPress initial schema: the whole domain, from accounts to the printed volume.
-- Conventions: instants are UTC ISO 8601 text ("2026-11-24T18:13:15Z"), dates "YYYY-MM-DD";
-- all text is NFC-normalised UTF-8 before it gets here; JSON columns hold documents the domain owns.

-- People: anyone the system knows by e-mail — authors, committee members, editors. A person may have
-- no account (a co-author who never signed in).
CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,            -- normalised: trimmed, NFC, lower-case
  family_name   TEXT NOT NULL,
  given_name    TEXT NOT NULL,
  name_order    TEXT NOT NULL DEFAULT 'family_first' CHECK (name_order IN ('family_first', 'given_first')),
  affiliation   TEXT NOT NULL DEFAULT '',
  country       TEXT NOT NULL DEFAULT '',        -- ISO 3166-1 alpha-2
  orcid         TEXT,                            -- 0000-0000-0000-000X, checksum verified
  locale        TEXT NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- Sign-in credentials of a person.
CREATE TABLE accounts (
  person_id       INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  password_hash   TEXT NOT NULL,                 -- libsodium crypto_pwhash_str (Argon2id)
  is_admin        INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at      TEXT NOT NULL,
  last_sign_in_at TEXT
);

-- Signed-in sessions. Only the SHA-256 of the token is stored, so a copy of the database signs nobody in.
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  person_id    INTEGER NOT NULL REFERENCES accounts(person_id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES accounts(person_id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);

CREATE TABLE conferences (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  title_en       TEXT NOT NULL DEFAULT '',
  acronym        TEXT NOT NULL DEFAULT '',
  organiser      TEXT NOT NULL DEFAULT '',
  venue          TEXT NOT NULL DEFAULT '',
  start_date     TEXT,
  end_date       TEXT,
  timezone       TEXT NOT NULL,                 -- IANA zone, e.g. Asia/Ho_Chi_Minh
  language       TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
  call_text      TEXT NOT NULL DEFAULT '',
  call_text_en   TEXT NOT NULL DEFAULT '',
  -- Submission rules.
  max_pdf_mb     INTEGER NOT NULL DEFAULT 20,
  min_pages      INTEGER NOT NULL DEFAULT 1,
  max_pages      INTEGER NOT NULL DEFAULT 30,
  paper_sizes    TEXT NOT NULL DEFAULT 'A4,Letter',
  refs_over_limit INTEGER NOT NULL DEFAULT 1,
  blind          TEXT NOT NULL DEFAULT 'double' CHECK (blind IN ('single', 'double')),
  required_fields TEXT NOT NULL DEFAULT 'title,abstract,authors',
  preflight_json TEXT NOT NULL DEFAULT '{}',    -- per-check severities
  created_by     INTEGER REFERENCES people(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE deadlines (
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('registration', 'submission', 'camera_ready', 'review', 'response')),
  at_utc        TEXT NOT NULL,
  written_as    TEXT NOT NULL DEFAULT '',        -- what the chair typed (date, AoE, offset)
  PRIMARY KEY (conference_id, kind)
);

CREATE TABLE topics (
  id            INTEGER PRIMARY KEY,
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  UNIQUE (conference_id, name)
);

CREATE TABLE tracks (
  id            INTEGER PRIMARY KEY,
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  UNIQUE (conference_id, name)
);

CREATE TABLE conference_roles (
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'chair', 'pc', 'senior_pc', 'author', 'editor')),
  granted_by    INTEGER REFERENCES people(id),
  granted_at    TEXT NOT NULL,
  PRIMARY KEY (conference_id, person_id, role)
);
CREATE INDEX conference_roles_person ON conference_roles(person_id);

-- Committee membership details beyond the role: loads, invitation state, expertise profile.
CREATE TABLE committee_members (
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  status        TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined')),
  min_load      INTEGER NOT NULL DEFAULT 0,
  max_load      INTEGER,
  profile_text  TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (conference_id, person_id)
);

CREATE TABLE committee_topics (
  conference_id INTEGER NOT NULL,
  person_id     INTEGER NOT NULL,
  topic_id      INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  PRIMARY KEY (conference_id, person_id, topic_id),
  FOREIGN KEY (conference_id, person_id) REFERENCES committee_members(conference_id, person_id) ON DELETE CASCADE
);

-- Content-addressed files (the bytes live under --data DIR, named by SHA-256).
CREATE TABLE stored_files (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE submissions (
  id              INTEGER PRIMARY KEY,
  conference_id   INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,              -- 1, 2, 3 … within the conference
  title           TEXT NOT NULL,
  abstract        TEXT NOT NULL DEFAULT '',
  keywords        TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
  track_id        INTEGER REFERENCES tracks(id),
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'withdrawn', 'accepted', 'rejected')),
  decision_kind   TEXT,                          -- custom decision label when status says accepted/rejected
  submitter_id    INTEGER REFERENCES people(id),
  deadline_extension_utc TEXT,                   -- a chair's per-paper extension
  withdraw_reason TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  submitted_at    TEXT,
  withdrawn_at    TEXT,
  UNIQUE (conference_id, number)
);
CREATE INDEX submissions_conference_status ON submissions(conference_id, status);

CREATE TABLE submission_authors (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  person_id     INTEGER REFERENCES people(id),
  family_name   TEXT NOT NULL,
  given_name    TEXT NOT NULL,
  name_order    TEXT NOT NULL DEFAULT 'family_first' CHECK (name_order IN ('family_first', 'given_first')),
  email         TEXT NOT NULL,
  affiliation   TEXT NOT NULL DEFAULT '',
  country       TEXT NOT NULL DEFAULT '',
  orcid         TEXT,
  corresponding INTEGER NOT NULL DEFAULT 0 CHECK (corresponding IN (0, 1)),
  PRIMARY KEY (submission_id, position)
);
CREATE INDEX submission_authors_person ON submission_authors(person_id);
CREATE INDEX submission_authors_email ON submission_authors(email);

CREATE TABLE submission_topics (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  topic_id      INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  PRIMARY KEY (submission_id, topic_id)
);

-- Every uploaded version is kept; the newest of a kind is the current one.
CREATE TABLE submission_versions (
  id               INTEGER PRIMARY KEY,
  submission_id    INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  kind             TEXT NOT NULL DEFAULT 'submission' CHECK (kind IN ('submission', 'camera_ready')),
  file_sha256      TEXT NOT NULL REFERENCES stored_files(sha256),
  size             INTEGER NOT NULL,
  pages            INTEGER,
  preflight_status TEXT NOT NULL CHECK (preflight_status IN ('ok', 'warning', 'error')),
  preflight_json   TEXT NOT NULL,
  uploaded_by      INTEGER REFERENCES people(id),
  uploaded_at      TEXT NOT NULL
);
CREATE INDEX submission_versions_submission ON submission_versions(submission_id, kind, id);

CREATE TABLE conflicts (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  type          TEXT NOT NULL CHECK (type IN ('collaborator', 'advisor', 'institutional', 'personal', 'other', 'author')),
  source        TEXT NOT NULL CHECK (source IN ('author', 'reviewer', 'detected', 'chair')),
  evidence      TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
  created_at    TEXT NOT NULL,
  UNIQUE (submission_id, person_id, source)
);
CREATE INDEX conflicts_person ON conflicts(person_id);

CREATE TABLE bids (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  level         TEXT NOT NULL CHECK (level IN ('eager', 'willing', 'neutral', 'not_willing')),
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (submission_id, person_id)
);

CREATE TABLE affinities (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  score         REAL NOT NULL,
  PRIMARY KEY (submission_id, person_id)
);

CREATE TABLE assignments (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'meta_reviewer')),
  source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'auto')),
  fixed         INTEGER NOT NULL DEFAULT 0 CHECK (fixed IN (0, 1)),
  created_at    TEXT NOT NULL,
  PRIMARY KEY (submission_id, person_id)
);
CREATE INDEX assignments_person ON assignments(person_id);

CREATE TABLE review_forms (
  conference_id INTEGER PRIMARY KEY REFERENCES conferences(id) ON DELETE CASCADE,
  form_xml      TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  reviewer_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  fields_json   TEXT NOT NULL DEFAULT '{}',
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  submitted_at  TEXT,
  UNIQUE (submission_id, reviewer_id)
);

CREATE TABLE review_versions (
  review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  state       TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  PRIMARY KEY (review_id, version)
);

CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  author_id     INTEGER NOT NULL REFERENCES people(id),
  kind          TEXT NOT NULL DEFAULT 'discussion' CHECK (kind IN ('discussion', 'meta_review', 'author_response')),
  body          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX comments_submission ON comments(submission_id);

CREATE TABLE decisions (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  decision      TEXT NOT NULL,                   -- accept, reject or a conference's custom kind
  decided_by    INTEGER REFERENCES people(id),
  decided_at    TEXT NOT NULL,
  released_at   TEXT
);

CREATE TABLE camera_ready_consents (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  signed_by     INTEGER NOT NULL REFERENCES people(id),
  signer_name   TEXT NOT NULL,
  form_version  TEXT NOT NULL,
  form_text     TEXT NOT NULL,
  signed_at     TEXT NOT NULL
);

-- The proceedings volume of a conference: metadata and section order as the editors arranged them.
CREATE TABLE volumes (
  conference_id INTEGER PRIMARY KEY REFERENCES conferences(id) ON DELETE CASCADE,
  settings_json TEXT NOT NULL DEFAULT '{}',      -- title, editors, ISBN, DOI prefix, style, preface …
  updated_at    TEXT NOT NULL
);

CREATE TABLE volume_entries (
  conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  section       TEXT NOT NULL,
  position      INTEGER NOT NULL,
  PRIMARY KEY (conference_id, submission_id)
);

-- Long work (assignment, volume build, bulk mail) with progress a page can poll.
CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  conference_id INTEGER REFERENCES conferences(id) ON DELETE CASCADE,
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  progress      INTEGER NOT NULL DEFAULT 0,
  total         INTEGER NOT NULL DEFAULT 0,
  message       TEXT NOT NULL DEFAULT '',
  input_json    TEXT NOT NULL DEFAULT '{}',
  result_json   TEXT NOT NULL DEFAULT '{}',
  created_by    INTEGER REFERENCES people(id),
  created_at    TEXT NOT NULL,
  started_at    TEXT,
  finished_at   TEXT
);

-- Durable outbox: a message is written here in the same transaction as the change that causes it, and
-- a background sender delivers it.
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  to_address      TEXT NOT NULL,
  to_name         TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL,
  body_text       TEXT NOT NULL,
  template        TEXT NOT NULL,
  conference_id   INTEGER REFERENCES conferences(id) ON DELETE SET NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);

-- Every state change: who, what, when, from where.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  actor_id      INTEGER REFERENCES people(id) ON DELETE SET NULL,
  ip            TEXT NOT NULL DEFAULT '',
  action        TEXT NOT NULL,                  -- e.g. account.create, conference.update, role.grant
  object_type   TEXT NOT NULL DEFAULT '',
  object_id     TEXT NOT NULL DEFAULT '',
  conference_id INTEGER REFERENCES conferences(id) ON DELETE SET NULL,
  detail_json   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_conference ON audit_log(conference_id, at);
