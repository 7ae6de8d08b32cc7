-- Messages to applicants (e-mail, WhatsApp click-to-chat) and their wish to get letters only.

ALTER TABLE applicants ADD COLUMN letters_only INTEGER NOT NULL DEFAULT 0;

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    applicant_id  INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
    kind          TEXT NOT NULL CHECK (kind IN ('kekurangan', 'pengingat')),
    recipient     TEXT NOT NULL,
    subject       TEXT,
    body          TEXT NOT NULL,
    -- sent: the mail server took it; failed: it did not (error says why);
    -- link: a click-to-chat link was made for a clerk to open
    status        TEXT NOT NULL CHECK (status IN ('sent', 'failed', 'link')),
    error         TEXT,
    staff         TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX messages_applicant ON messages(applicant_id);
