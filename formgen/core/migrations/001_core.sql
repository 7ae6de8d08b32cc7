-- Core schema: roster, packs, layouts, ingested files, pages, findings, review, audit.
-- Dates are ISO 8601 text; a NIK is always 16-character text.

CREATE TABLE batches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    start_date  TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE applicants (
    id             INTEGER PRIMARY KEY,
    nik            TEXT UNIQUE CHECK (nik IS NULL OR length(nik) = 16),
    nama           TEXT,
    tempat_lahir   TEXT,
    tanggal_lahir  TEXT,
    jenis_kelamin  TEXT CHECK (jenis_kelamin IS NULL OR jenis_kelamin IN ('L', 'P')),
    alamat         TEXT,
    kelurahan      TEXT,
    kecamatan      TEXT,
    no_hp          TEXT,
    email          TEXT,
    pendidikan     TEXT,
    jabatan_kerja  TEXT,
    jenjang        INTEGER CHECK (jenjang IS NULL OR jenjang BETWEEN 1 AND 9),
    batch_id       INTEGER REFERENCES batches(id),
    -- 1 for an applicant known only by a returned blank pack (no NIK yet)
    provisional    INTEGER NOT NULL DEFAULT 0,
    retention_until TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE experience (
    id             INTEGER PRIMARY KEY,
    applicant_id   INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
    nama_proyek    TEXT,
    pemberi_kerja  TEXT,
    jabatan        TEXT,
    lokasi         TEXT,
    mulai          TEXT,
    selesai        TEXT
);
CREATE INDEX experience_applicant ON experience(applicant_id);

-- One printed pack; number is what the QR code carries (e.g. 'P000012').
CREATE TABLE packs (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    applicant_id  INTEGER REFERENCES applicants(id) ON DELETE SET NULL,
    paper         TEXT NOT NULL,
    path          TEXT,
    pages         INTEGER,
    created_at    TEXT NOT NULL
);

-- Geometry of every template page as printed, so that a scan is read with
-- the layout it was printed with even after the template changes.
CREATE TABLE layouts (
    id          TEXT PRIMARY KEY,
    doc         TEXT NOT NULL,
    paper       TEXT NOT NULL,
    geometry    TEXT NOT NULL,   -- JSON
    created_at  TEXT NOT NULL
);

CREATE TABLE files (
    sha256         TEXT PRIMARY KEY,
    original_name  TEXT NOT NULL,
    stored_path    TEXT NOT NULL,
    kind           TEXT,            -- pdf, tiff, jpeg, png
    pages          INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'ingested', 'error')),
    error          TEXT,
    error_code     TEXT,
    created_at     TEXT NOT NULL,
    ingested_at    TEXT
);

CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL REFERENCES files(sha256),
    idx           INTEGER NOT NULL,          -- from 0 within its file
    applicant_id  INTEGER REFERENCES applicants(id) ON DELETE SET NULL,
    pack_id       INTEGER REFERENCES packs(id),
    doc           TEXT,                      -- sampul, permohonan, ..., ktp, ijazah, pas_foto, blank, other
    page_no       INTEGER,                   -- page within the document (forms)
    layout_id     TEXT REFERENCES layouts(id),
    qr_text       TEXT,
    rotation      INTEGER,                   -- degrees turned to make it upright
    skew          REAL,
    is_color      INTEGER,
    image_path    TEXT,                      -- upright page image in the workspace
    thumb_path    TEXT,
    review        TEXT,                      -- NULL, or why a person must look
    rejected      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    UNIQUE (sha256, idx)
);
CREATE INDEX pages_applicant ON pages(applicant_id);

-- What a reader found on a page. kind: field, checkbox, signature, materai,
-- ktp, ijazah, pas_foto; value and expected are JSON.
CREATE TABLE findings (
    id          INTEGER PRIMARY KEY,
    page_id     INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT,
    confidence  REAL,
    expected    TEXT,
    ok          INTEGER,
    note        TEXT,
    UNIQUE (page_id, kind, name)
);

-- A person's decision in review; overrides a reader's finding.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    page_id       INTEGER REFERENCES pages(id) ON DELETE CASCADE,
    applicant_id  INTEGER REFERENCES applicants(id) ON DELETE CASCADE,
    action        TEXT NOT NULL,   -- assign, set_type, reject, accept_finding, reject_finding, set_nik
    detail        TEXT,            -- JSON
    user          TEXT NOT NULL,
    at            TEXT NOT NULL
);

CREATE TABLE audit (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    user          TEXT NOT NULL,
    action        TEXT NOT NULL,
    applicant_id  INTEGER,
    detail        TEXT             -- JSON, no personal data beyond ids
);

-- Dossiers written for the LSP.
CREATE TABLE dossiers (
    id            INTEGER PRIMARY KEY,
    applicant_id  INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
    path          TEXT NOT NULL,
    pages         INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    encrypted     INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
