-- Mail delivery: the Message-ID a message carries. It is chosen at the first delivery attempt and kept for
-- every retry, so a message whose first attempt did reach the recipient (the relay accepted it, but the
-- answer was lost) arrives again with the same Message-ID, which mail readers use to drop the duplicate.
-- Empty until the first attempt.
ALTER TABLE mail_outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
