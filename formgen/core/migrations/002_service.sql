-- The 30-day service time: stage dates per batch, Disdukcapil clarifications, certificates.

-- When a batch finished a stage (stage codes from form_templates/stages.yaml).
CREATE TABLE batch_stages (
    batch_id     INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    stage        TEXT NOT NULL,
    done_date    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    user         TEXT NOT NULL,
    PRIMARY KEY (batch_id, stage)
);

-- Disdukcapil's answer about an applicant's identity data; the latest row counts.
CREATE TABLE clarifications (
    id                     INTEGER PRIMARY KEY,
    applicant_id           INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
    answer                 TEXT NOT NULL CHECK (answer IN ('sesuai', 'tidak_sesuai')),
    nama_koreksi           TEXT,
    nik_koreksi            TEXT,
    tempat_lahir_koreksi   TEXT,
    tanggal_lahir_koreksi  TEXT,
    keterangan             TEXT,
    source                 TEXT,      -- name of the answered sheet
    applied_at             TEXT,      -- when the corrections were written to the roster
    created_at             TEXT NOT NULL,
    user                   TEXT NOT NULL
);
CREATE INDEX clarifications_applicant ON clarifications(applicant_id, id);

-- Competency certificates (SKK) issued by the LSP.
CREATE TABLE certificates (
    id            INTEGER PRIMARY KEY,
    applicant_id  INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
    number        TEXT NOT NULL,
    issued_date   TEXT NOT NULL,
    path          TEXT,              -- relative to the workspace
    sha256        TEXT,
    created_at    TEXT NOT NULL,
    user          TEXT NOT NULL,
    UNIQUE (applicant_id, number)
);
