-- Staff accounts for formgen serve, the cookie signing secret, and versions of
-- corrected fields (two people correcting one field: the later one is told).

CREATE TABLE staff (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'verifikator', 'petugas')),
    password_hash  TEXT NOT NULL,          -- argon2id
    active         INTEGER NOT NULL DEFAULT 1,
    -- raised on disable or a new password: every older session cookie stops working
    session_epoch  INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE web_secret (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    secret  TEXT NOT NULL
);

-- One row per field a person has corrected or confirmed; version counts the decisions.
CREATE TABLE field_versions (
    page_id   INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    name      TEXT NOT NULL,
    version   INTEGER NOT NULL,
    value     TEXT,                        -- JSON, as decided
    user      TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (page_id, kind, name)
);
