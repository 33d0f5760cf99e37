-- Background jobs (reviewer assignment, volume builds) report progress as they run; the time of the last
-- report tells a running job from one whose process died, so a restarted server can mark it failed
-- instead of showing a progress bar that never moves.
ALTER TABLE jobs ADD COLUMN heartbeat_at TEXT;
CREATE INDEX jobs_queue ON jobs(state, id);
CREATE INDEX jobs_conference ON jobs(conference_id, kind, id);
